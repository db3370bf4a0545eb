using System;
using System.Collections.Specialized;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Emulator
{
    /// <summary><c>POST /v1/access_token</c> like webexapis.com: form-encoded refresh_token or authorization_code grants.</summary>
    internal sealed class OAuthHandler
    {
        private readonly TokenStore _tokens;

        internal OAuthHandler(TokenStore tokens)
        {
            _tokens = tokens;
        }

        internal EmulatorResponse Handle(EmulatorRequest request, string trackingId)
        {
            if (request.Method != "POST")
            {
                return Error(405, trackingId, "Use POST on /v1/access_token.").WithHeader("Allow", "POST");
            }

            NameValueCollection form = ParseForm(request.Body);
            string? grantType = form["grant_type"];
            if (grantType != "refresh_token" && grantType != "authorization_code")
            {
                return Error(400, trackingId, "grant_type must be refresh_token or authorization_code.");
            }

            if (form["client_id"] != _tokens.ClientId || form["client_secret"] != _tokens.ClientSecret)
            {
                return Error(401, trackingId, "The client_id or client_secret is not valid.");
            }

            if (grantType == "refresh_token")
            {
                string? refresh = form["refresh_token"];
                if (string.IsNullOrEmpty(refresh) || !_tokens.IsValidRefreshToken(refresh!))
                {
                    return Error(400, trackingId, "The refresh_token is missing, unknown or expired.");
                }
            }
            else if (string.IsNullOrEmpty(form["code"]))
            {
                return Error(400, trackingId, "code is required for grant_type authorization_code.");
            }

            (string access, string newRefresh) = _tokens.Issue();
            return EmulatorResponse.Json(200, new JObject
            {
                ["access_token"] = access,
                ["expires_in"] = (long)_tokens.AccessLifetime.TotalSeconds,
                ["refresh_token"] = newRefresh,
                ["refresh_token_expires_in"] = (long)TokenStore.RefreshTokenLifetime.TotalSeconds,
                ["token_type"] = "Bearer",
            });
        }

        /// <summary>The error shape of webexapis.com: <c>{"message", "errors":[{"description"}], "trackingId"}</c>.</summary>
        private static EmulatorResponse Error(int status, string trackingId, string message) =>
            EmulatorResponse.Json(status, new JObject
            {
                ["message"] = message,
                ["errors"] = new JArray(new JObject { ["description"] = message }),
                ["trackingId"] = trackingId,
            });

        internal static NameValueCollection ParseForm(string body)
        {
            var result = new NameValueCollection(StringComparer.Ordinal);
            foreach (string pair in body.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = pair.IndexOf('=');
                string name = equals < 0 ? pair : pair.Substring(0, equals);
                string value = equals < 0 ? string.Empty : pair.Substring(equals + 1);
                result.Add(Decode(name), Decode(value));
            }

            return result;
        }

        private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
    }
}
