using System;
using System.Collections.Generic;
using System.Security.Cryptography;

namespace CallbackLab.Core.Emulator
{
    /// <summary>The emulator's OAuth side: its client credentials, the access and refresh tokens it issued, and when they expire.</summary>
    internal sealed class TokenStore
    {
        /// <summary>webexapis.com's sample refresh-token lifetime: 90 days.</summary>
        internal static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(90);

        private readonly object _sync = new object();
        private readonly Dictionary<string, DateTimeOffset> _accessTokens = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        private readonly Dictionary<string, DateTimeOffset> _refreshTokens = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        private readonly Func<DateTimeOffset> _clock;

        internal TokenStore(TimeSpan accessLifetime, Func<DateTimeOffset> clock)
        {
            AccessLifetime = accessLifetime;
            _clock = clock;
            ClientId = "C" + RandomHex(32);
            ClientSecret = RandomHex(32);
            (StartingAccessToken, StartingRefreshToken) = Issue();
        }

        internal TimeSpan AccessLifetime { get; }

        internal string ClientId { get; }

        internal string ClientSecret { get; }

        internal string StartingAccessToken { get; }

        internal string StartingRefreshToken { get; }

        /// <summary>Issues a new access and refresh token pair.</summary>
        internal (string Access, string Refresh) Issue()
        {
            string access = "CBLAB_AT_" + RandomHex(48);
            string refresh = "CBLAB_RT_" + RandomHex(48);
            DateTimeOffset now = _clock();
            lock (_sync)
            {
                _accessTokens[access] = now + AccessLifetime;
                _refreshTokens[refresh] = now + RefreshTokenLifetime;
            }

            return (access, refresh);
        }

        internal bool IsValidAccessToken(string token) => IsValid(_accessTokens, token);

        internal bool IsValidRefreshToken(string token) => IsValid(_refreshTokens, token);

        private bool IsValid(Dictionary<string, DateTimeOffset> tokens, string token)
        {
            lock (_sync)
            {
                return tokens.TryGetValue(token, out DateTimeOffset expires) && _clock() < expires;
            }
        }

        private static string RandomHex(int chars)
        {
            byte[] bytes = new byte[chars / 2];
            using (RandomNumberGenerator rng = RandomNumberGenerator.Create())
            {
                rng.GetBytes(bytes);
            }

            return BitConverter.ToString(bytes).Replace("-", string.Empty).ToLowerInvariant();
        }
    }
}
