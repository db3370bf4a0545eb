using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Wxcc
{
    /// <summary>
    /// Where WxCC calls go and how they are authorised: a base address and a bearer token, refreshed through OAuth
    /// before <c>expires_in</c> runs out when the connection holds a refresh token. Never shows the token.
    /// </summary>
    [SuppressMessage("Design", "CA1001", Justification = "The refresh lock is a SemaphoreSlim whose wait handle is never requested, so it holds nothing to release; a connection lives as long as the session.")]
    public sealed class WxccConnection
    {
        private static readonly TimeSpan s_maximumRefreshMargin = TimeSpan.FromMinutes(5);

        private readonly SemaphoreSlim _refreshLock = new SemaphoreSlim(1, 1);
        private readonly WxccRefreshCredentials? _refresh;
        private readonly ILabEndpoints? _endpoints;
        private readonly Func<DateTimeOffset> _clock;
        private string? _accessToken;
        private TimeSpan _lifetime;

        private WxccConnection(
            Uri baseUri, WxccAuthenticationType type, string? accessToken, WxccRefreshCredentials? refresh, Uri? tokenUri,
            ILabEndpoints? endpoints, Uri? mockApiUri, Func<DateTimeOffset>? clock)
        {
            BaseUri = baseUri ?? throw new ArgumentNullException(nameof(baseUri));
            AuthenticationType = type;
            _accessToken = accessToken;
            _refresh = refresh;
            _endpoints = endpoints;
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
            TokenUri = tokenUri;
            MockApiUri = mockApiUri;
            Region = WxccRegions.FromBaseUri(baseUri);
            ConnectedAt = _clock();
        }

        /// <summary>The WxCC API base, e.g. <c>https://api.wxcc-us1.cisco.com</c>; <c>/v1/tasks</c> is relative to it.</summary>
        public Uri BaseUri { get; }

        /// <summary>The same address as <see cref="BaseUri"/>, under the name Connect-Wxcc's -Uri uses.</summary>
        public Uri Uri => BaseUri;

        /// <summary>The data centre (<c>us1</c>, <c>eu1</c>, …) when <see cref="BaseUri"/> is a known one, else null.</summary>
        public string? Region { get; }

        /// <summary>How the token is obtained.</summary>
        public WxccAuthenticationType AuthenticationType { get; }

        /// <summary>The OAuth token endpoint used for refreshes (null for a fixed token).</summary>
        public Uri? TokenUri { get; }

        /// <summary>The integration's client id (null without a refresh token).</summary>
        public string? ClientId => _refresh?.ClientId;

        /// <summary>When the current access token expires, when known.</summary>
        public DateTimeOffset? ExpiresOn { get; private set; }

        /// <summary>The MockAPI prefix that goes with this connection (an emulator's, or one given to Connect-Wxcc), or null.</summary>
        public Uri? MockApiUri { get; }

        /// <summary>The organization id the Flow Store and entry-point paths need (<c>/flow-store/{orgId}/…</c>, <c>/organization/{orgId}/…</c>); null when not given.</summary>
        public string? OrgId { get; set; }

        /// <summary>
        /// The Flow Store base (its paths continue with <c>{orgId}/project/…</c>); null means <see cref="BaseUri"/> + <c>flow-store/</c>,
        /// an unverified guess at the real host (the public contract names none).
        /// </summary>
        public Uri? FlowStoreUri { get; set; }

        /// <summary>Lets this connection's token go over plain HTTP to a host that is not the loopback (Connect-Wxcc -AllowUnencryptedAuthentication).</summary>
        public bool AllowUnencryptedAuthentication { get; set; }

        /// <summary>When the connection was made.</summary>
        public DateTimeOffset ConnectedAt { get; }


        /// <summary>A connection with a fixed access token (no refresh).</summary>
        public static WxccConnection WithAccessToken(Uri baseUri, string accessToken, Uri? mockApiUri = null)
        {
            if (string.IsNullOrEmpty(accessToken))
            {
                throw new ArgumentException("An access token is required.", nameof(accessToken));
            }

            return new WxccConnection(baseUri, WxccAuthenticationType.AccessToken, accessToken, null, null, null, mockApiUri, null);
        }

        /// <summary>A connection that gets and refreshes its token through OAuth; call <see cref="RefreshAsync"/> to verify it now.</summary>
        public static WxccConnection WithRefreshToken(Uri baseUri, Uri tokenUri, WxccRefreshCredentials credentials, Uri? mockApiUri = null)
        {
            return WithRefreshToken(baseUri, tokenUri, credentials, mockApiUri, null);
        }

        /// <summary>The WxCC side of a lab emulator (or any <see cref="ILabEndpoints"/>): its address, token endpoint and token.</summary>
        public static WxccConnection FromEndpoints(ILabEndpoints endpoints)
        {
            if (endpoints is null)
            {
                throw new ArgumentNullException(nameof(endpoints));
            }

            return new WxccConnection(
                endpoints.WxccUri, WxccAuthenticationType.Emulator, null, null, endpoints.TokenUri, endpoints, endpoints.MockApiUri, null);
        }

        /// <summary>As <see cref="WithRefreshToken(Uri, Uri, WxccRefreshCredentials, Uri)"/> with a test clock.</summary>
        internal static WxccConnection WithRefreshToken(
            Uri baseUri, Uri tokenUri, WxccRefreshCredentials credentials, Uri? mockApiUri, Func<DateTimeOffset>? clock)
        {
            return new WxccConnection(
                baseUri, WxccAuthenticationType.RefreshToken, null, credentials ?? throw new ArgumentNullException(nameof(credentials)),
                tokenUri ?? throw new ArgumentNullException(nameof(tokenUri)), null, mockApiUri, clock);
        }

        /// <summary>A bearer token WxCC accepts now, refreshing it first when it is missing or about to expire.</summary>
        public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
        {
            return GetAccessTokenAsync(new ApiHttpClient(), cancellationToken);
        }

        /// <summary>As <see cref="GetAccessTokenAsync(CancellationToken)"/>, refreshing through <paramref name="http"/> (its log and options).</summary>
        public async Task<string> GetAccessTokenAsync(ApiHttpClient http, CancellationToken cancellationToken)
        {
            if (_endpoints != null)
            {
                return _endpoints.AccessToken;
            }

            if (_refresh is null)
            {
                return _accessToken!;
            }

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

        /// <summary>Refreshes the token now (Connect-Wxcc does this to prove the credentials). No-op without a refresh token.</summary>
        public async Task RefreshAsync(ApiHttpClient http, CancellationToken cancellationToken)
        {
            if (_refresh is null)
            {
                return;
            }

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

        /// <summary>Describes the connection without its token.</summary>
        public override string ToString() => BaseUri + " (" + AuthenticationType + ")";

        /// <summary>
        /// Refresh when there is no token or when less than a tenth of its lifetime (at most five minutes) is left,
        /// so a long bulk run never sends an expired token.
        /// </summary>
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
            WxccRefreshCredentials credentials = _refresh!;
            var request = new ApiRequest(ApiService.WxccToken, HttpMethod.Post, TokenUri!)
            {
                ContentType = "application/x-www-form-urlencoded",
                BodyHasSecrets = true,
                Body = "grant_type=refresh_token" +
                       "&client_id=" + Uri.EscapeDataString(credentials.ClientId) +
                       "&client_secret=" + Uri.EscapeDataString(credentials.ClientSecret) +
                       "&refresh_token=" + Uri.EscapeDataString(credentials.RefreshToken),
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
                credentials.RefreshToken = newRefreshToken;
            }
        }
    }
}
