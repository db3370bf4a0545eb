using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Http;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Wxcc
{
    /// <summary>
    /// Tokens got through OAuth <c>grant_type=refresh_token</c>, refreshed before <c>expires_in</c> runs out, so a long bulk
    /// run never sends an expired token. A rotated refresh token the endpoint returns replaces the old one.
    /// </summary>
    [SuppressMessage("Design", "CA1001", Justification = "The refresh lock is a SemaphoreSlim whose wait handle is never requested, so it holds nothing to release; a token source lives as long as its connection.")]
    public sealed class RefreshingTokenSource : IWxccTokenSource
    {
        private static readonly TimeSpan s_maximumRefreshMargin = TimeSpan.FromMinutes(5);

        private readonly SemaphoreSlim _refreshLock = new SemaphoreSlim(1, 1);
        private readonly WxccRefreshCredentials _credentials;
        private readonly Func<DateTimeOffset> _clock;
        private string? _accessToken;
        private TimeSpan _lifetime;

        /// <summary>A source that refreshes through <paramref name="tokenUri"/> with <paramref name="credentials"/>.</summary>
        public RefreshingTokenSource(Uri tokenUri, WxccRefreshCredentials credentials)
            : this(tokenUri, credentials, null)
        {
        }

        /// <summary>As <see cref="RefreshingTokenSource(Uri, WxccRefreshCredentials)"/> with a test clock.</summary>
        internal RefreshingTokenSource(Uri tokenUri, WxccRefreshCredentials credentials, Func<DateTimeOffset>? clock)
        {
            TokenUri = tokenUri ?? throw new ArgumentNullException(nameof(tokenUri));
            _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
        }

        /// <inheritdoc />
        public WxccAuthenticationType AuthenticationType => WxccAuthenticationType.RefreshToken;

        /// <inheritdoc />
        public Uri TokenUri { get; }

        /// <inheritdoc />
        public string? ClientId => _credentials.ClientId;

        /// <inheritdoc />
        public DateTimeOffset? ExpiresOn { get; private set; }

        /// <inheritdoc />
        public async Task<string> GetAccessTokenAsync(ApiHttpClient http, CancellationToken cancellationToken)
        {
            if (!NeedsRefresh())
            {
                return _accessToken!;
            }

            await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (NeedsRefresh())
                {
                    await RefreshCoreAsync(http, cancellationToken).ConfigureAwait(false);
                }

                return _accessToken!;
            }
            finally
            {
                _refreshLock.Release();
            }
        }

        /// <inheritdoc />
        public async Task RefreshAsync(ApiHttpClient http, CancellationToken cancellationToken)
        {
            await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await RefreshCoreAsync(http, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _refreshLock.Release();
            }
        }

        /// <inheritdoc />
        public override string ToString() => nameof(WxccAuthenticationType.RefreshToken);

        /// <summary>Refresh when there is no token or when less than a tenth of its lifetime (at most five minutes) is left.</summary>
        private bool NeedsRefresh()
        {
            if (_accessToken is null || ExpiresOn is null)
            {
                return true;
            }

            TimeSpan margin = TimeSpan.FromTicks(Math.Min(s_maximumRefreshMargin.Ticks, _lifetime.Ticks / 10));
            return _clock() >= ExpiresOn.Value - margin;
        }

        private async Task RefreshCoreAsync(ApiHttpClient http, CancellationToken cancellationToken)
        {
            var request = new ApiRequest(ApiService.WxccToken, HttpMethod.Post, TokenUri)
            {
                ContentType = "application/x-www-form-urlencoded",
                BodyHasSecrets = true,
                Body = "grant_type=refresh_token" +
                       "&client_id=" + Uri.EscapeDataString(_credentials.ClientId) +
                       "&client_secret=" + Uri.EscapeDataString(_credentials.ClientSecret) +
                       "&refresh_token=" + Uri.EscapeDataString(_credentials.RefreshToken),
            };
            DateTimeOffset requestedAt = _clock();
            ApiResponse response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            JObject body = response.ReadJsonObject();
            string? accessToken = (string?)body["access_token"];
            if (string.IsNullOrEmpty(accessToken))
            {
                throw new ApiException("The token endpoint's answer has no access_token.", request, ApiFailureKind.InvalidResponse, response.StatusCode);
            }

            long expiresIn = body["expires_in"] is JValue value && long.TryParse(value.ToString(CultureInfo.InvariantCulture), out long seconds) ? seconds : 3600;
            _accessToken = accessToken;
            _lifetime = TimeSpan.FromSeconds(expiresIn);
            ExpiresOn = requestedAt + _lifetime;
            if ((string?)body["refresh_token"] is { Length: > 0 } newRefreshToken)
            {
                _credentials.RefreshToken = newRefreshToken;
            }
        }
    }
}
