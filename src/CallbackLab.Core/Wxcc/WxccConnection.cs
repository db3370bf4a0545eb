using System;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Http;

namespace CallbackLab.Core.Wxcc
{
    /// <summary>
    /// Where WxCC calls go and how they are authorised: a base address and a token source (a fixed token, OAuth refresh
    /// credentials, or a lab emulator that issued the token). It is also what a simulated flow's connector requests use.
    /// Never shows the token.
    /// </summary>
    public sealed class WxccConnection : IConnectorEndpoint
    {
        private readonly IWxccTokenSource _tokens;

        /// <summary>A connection to <paramref name="baseUri"/> whose tokens come from <paramref name="tokens"/>.</summary>
        public WxccConnection(Uri baseUri, IWxccTokenSource tokens, Uri? mockApiUri = null)
            : this(baseUri, tokens, mockApiUri, null)
        {
        }

        private WxccConnection(Uri baseUri, IWxccTokenSource tokens, Uri? mockApiUri, Func<DateTimeOffset>? clock)
        {
            BaseUri = baseUri ?? throw new ArgumentNullException(nameof(baseUri));
            _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
            MockApiUri = mockApiUri;
            Region = WxccRegions.FromBaseUri(baseUri);
            ConnectedAt = (clock ?? (() => DateTimeOffset.UtcNow))();
        }

        /// <summary>The WxCC API base, e.g. <c>https://api.wxcc-us1.cisco.com</c>; <c>/v1/tasks</c> is relative to it.</summary>
        public Uri BaseUri { get; }

        /// <summary>The same address as <see cref="BaseUri"/>, under the name Connect-Wxcc's -Uri uses.</summary>
        public Uri Uri => BaseUri;

        /// <summary>The data centre (<c>us1</c>, <c>eu1</c>, …) when <see cref="BaseUri"/> is a known one, else null.</summary>
        public string? Region { get; }

        /// <summary>How the token is obtained.</summary>
        public WxccAuthenticationType AuthenticationType => _tokens.AuthenticationType;

        /// <summary>The OAuth token endpoint used for refreshes (null for a fixed token).</summary>
        public Uri? TokenUri => _tokens.TokenUri;

        /// <summary>The integration's client id (null without a refresh token).</summary>
        public string? ClientId => _tokens.ClientId;

        /// <summary>When the current access token expires, when known.</summary>
        public DateTimeOffset? ExpiresOn => _tokens.ExpiresOn;

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
            return new WxccConnection(baseUri, new FixedTokenSource(accessToken), mockApiUri);
        }

        /// <summary>A connection that gets and refreshes its token through OAuth; call <see cref="RefreshAsync"/> to verify it now.</summary>
        public static WxccConnection WithRefreshToken(Uri baseUri, Uri tokenUri, WxccRefreshCredentials credentials, Uri? mockApiUri = null)
        {
            return WithRefreshToken(baseUri, tokenUri, credentials, mockApiUri, null);
        }

        /// <summary>As <see cref="WithRefreshToken(Uri, Uri, WxccRefreshCredentials, Uri)"/> with a test clock.</summary>
        internal static WxccConnection WithRefreshToken(
            Uri baseUri, Uri tokenUri, WxccRefreshCredentials credentials, Uri? mockApiUri, Func<DateTimeOffset>? clock)
        {
            return new WxccConnection(baseUri, new RefreshingTokenSource(tokenUri, credentials, clock), mockApiUri, clock);
        }

        /// <summary>A bearer token WxCC accepts now, refreshing it first when it is missing or about to expire.</summary>
        public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
        {
            return GetAccessTokenAsync(new ApiHttpClient(), cancellationToken);
        }

        /// <summary>As <see cref="GetAccessTokenAsync(CancellationToken)"/>, refreshing through <paramref name="http"/> (its log and options).</summary>
        public Task<string> GetAccessTokenAsync(ApiHttpClient http, CancellationToken cancellationToken)
        {
            return _tokens.GetAccessTokenAsync(http, cancellationToken);
        }

        /// <summary>Refreshes the token now (Connect-Wxcc does this to prove the credentials). No-op for a fixed or emulator token.</summary>
        public Task RefreshAsync(ApiHttpClient http, CancellationToken cancellationToken)
        {
            return _tokens.RefreshAsync(http, cancellationToken);
        }

        /// <summary>Describes the connection without its token.</summary>
        public override string ToString() => BaseUri + " (" + AuthenticationType + ")";
    }
}
