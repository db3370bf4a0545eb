using System;
using System.Globalization;

namespace CallbackLab.Core.Emulator
{
    /// <summary>
    /// What every WxCC route checks before it does anything, in this order: a bearer Authorization header (else 400), a valid
    /// token (401), the token's rate window (429 with Retry-After), the route's scope (403) and, for routes with an
    /// organization in the path, that it is the emulator's organization (403: the token belongs to another one).
    /// </summary>
    internal sealed class WxccGate
    {
        private const string Scheme = "Bearer ";
        private readonly TokenStore _tokens;
        private readonly RateLimiter _rateLimiter;

        internal WxccGate(TokenStore tokens, RateLimiter rateLimiter)
        {
            _tokens = tokens;
            _rateLimiter = rateLimiter;
        }

        /// <summary>Null when the request may go on; otherwise the refusal to answer with.</summary>
        internal EmulatorResponse? Refuse(EmulatorRequest request, string trackingId, string scope, string? pathOrgId = null, string? orgId = null)
        {
            string? authorization = request.Headers["Authorization"];
            if (authorization == null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ||
                authorization.Substring(Scheme.Length).Trim().Length == 0)
            {
                return WxccErrors.Create(400, trackingId, "The Authorization header must be 'Bearer <access token>'.");
            }

            string token = authorization.Substring(Scheme.Length).Trim();
            if (!_tokens.IsValidAccessToken(token))
            {
                return WxccErrors.Create(401, trackingId, "Unauthorized, Token is Invalid.");
            }

            if (_rateLimiter.TryAcquire(token) is int retryAfter)
            {
                return EmulatorResponse.Empty(429).WithHeader("Retry-After", retryAfter.ToString(CultureInfo.InvariantCulture));
            }

            if (!_tokens.HasScope(token, scope))
            {
                return WxccErrors.Create(403, trackingId, $"The access token lacks the scope {scope} this request needs.");
            }

            if (pathOrgId != null && !string.Equals(pathOrgId, orgId, StringComparison.OrdinalIgnoreCase))
            {
                return WxccErrors.Create(403, trackingId, $"The access token is not authorized for organization '{pathOrgId}'.");
            }

            return null;
        }
    }
}
