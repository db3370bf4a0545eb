using System;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Http;

namespace CallbackLab.Core.Wxcc
{
    /// <summary>
    /// Where a <see cref="WxccConnection"/> gets its bearer token: a fixed token (<see cref="FixedTokenSource"/>), OAuth
    /// refresh credentials (<see cref="RefreshingTokenSource"/>), or a lab emulator that issued it. Never shows the token.
    /// </summary>
    public interface IWxccTokenSource
    {
        /// <summary>How the token is obtained.</summary>
        WxccAuthenticationType AuthenticationType { get; }

        /// <summary>The OAuth token endpoint, or null when the source never asks one.</summary>
        Uri? TokenUri { get; }

        /// <summary>The integration's client id, or null when there is none.</summary>
        string? ClientId { get; }

        /// <summary>When the current access token expires, when known.</summary>
        DateTimeOffset? ExpiresOn { get; }

        /// <summary>A bearer token WxCC accepts now; <paramref name="http"/> carries any refresh request (its log and options).</summary>
        Task<string> GetAccessTokenAsync(ApiHttpClient http, CancellationToken cancellationToken);

        /// <summary>Gets a new token now when the source can (to prove credentials); a no-op otherwise.</summary>
        Task RefreshAsync(ApiHttpClient http, CancellationToken cancellationToken);
    }
}
