using System;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Http;

namespace CallbackLab.Core.Wxcc
{
    /// <summary>An access token given once (Connect-Wxcc with a token): used as it is, never refreshed.</summary>
    public sealed class FixedTokenSource : IWxccTokenSource
    {
        private readonly string _accessToken;

        /// <summary>Holds <paramref name="accessToken"/>.</summary>
        /// <exception cref="ArgumentException">The token is null or empty.</exception>
        public FixedTokenSource(string accessToken)
        {
            if (string.IsNullOrEmpty(accessToken))
            {
                throw new ArgumentException("An access token is required.", nameof(accessToken));
            }

            _accessToken = accessToken;
        }

        /// <inheritdoc />
        public WxccAuthenticationType AuthenticationType => WxccAuthenticationType.AccessToken;

        /// <inheritdoc />
        public Uri? TokenUri => null;

        /// <inheritdoc />
        public string? ClientId => null;

        /// <inheritdoc />
        public DateTimeOffset? ExpiresOn => null;

        /// <inheritdoc />
        public Task<string> GetAccessTokenAsync(ApiHttpClient http, CancellationToken cancellationToken) => Task.FromResult(_accessToken);

        /// <inheritdoc />
        public Task RefreshAsync(ApiHttpClient http, CancellationToken cancellationToken) => Task.CompletedTask;

        /// <inheritdoc />
        public override string ToString() => nameof(WxccAuthenticationType.AccessToken);
    }
}
