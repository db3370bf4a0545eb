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
        private readonly Dictionary<string, IssuedToken> _accessTokens = new Dictionary<string, IssuedToken>(StringComparer.Ordinal);
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

        /// <summary>Issues a new access and refresh token pair carrying every scope (<see cref="WxccScopes.All"/>).</summary>
        internal (string Access, string Refresh) Issue() => Issue(WxccScopes.All);

        /// <summary>Issues a new access and refresh token pair carrying exactly <paramref name="scopes"/>.</summary>
        internal (string Access, string Refresh) Issue(IEnumerable<string> scopes)
        {
            string access = "CBLAB_AT_" + RandomHex(48);
            string refresh = "CBLAB_RT_" + RandomHex(48);
            DateTimeOffset now = _clock();
            var granted = new HashSet<string>(scopes, StringComparer.Ordinal);
            lock (_sync)
            {
                _accessTokens[access] = new IssuedToken(now + AccessLifetime, granted);
                _refreshTokens[refresh] = now + RefreshTokenLifetime;
            }

            return (access, refresh);
        }

        internal bool IsValidAccessToken(string token)
        {
            lock (_sync)
            {
                return _accessTokens.TryGetValue(token, out IssuedToken? issued) && _clock() < issued.Expires;
            }
        }

        /// <summary>True when <paramref name="token"/> (a valid access token) carries <paramref name="scope"/>.</summary>
        internal bool HasScope(string token, string scope)
        {
            lock (_sync)
            {
                return _accessTokens.TryGetValue(token, out IssuedToken? issued) && issued.Scopes.Contains(scope);
            }
        }

        internal bool IsValidRefreshToken(string token)
        {
            lock (_sync)
            {
                return _refreshTokens.TryGetValue(token, out DateTimeOffset expires) && _clock() < expires;
            }
        }

        private sealed class IssuedToken
        {
            internal IssuedToken(DateTimeOffset expires, HashSet<string> scopes)
            {
                Expires = expires;
                Scopes = scopes;
            }

            internal DateTimeOffset Expires { get; }

            internal HashSet<string> Scopes { get; }
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
