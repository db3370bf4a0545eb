using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CallbackLab.Core.Http
{
    /// <summary>
    /// Which names hold secrets, for form fields, query parameters, JSON properties and headers alike: the name is compared
    /// without case, <c>-</c>, <c>_</c> or a plural <c>s</c>, so <c>clientSecret</c>, <c>client_secret</c> and
    /// <c>X-Client-Secret</c> are one rule. Two short names are secrets only where they are known to be: <c>code</c> beside an
    /// OAuth field (<c>grant_type</c>, <c>client_id</c>, <c>redirect_uri</c>, <c>state</c>…: an authorization code), and
    /// <c>key</c> in a query, form or header (an API key, as in <c>?key=</c>); a DynVars <c>code</c> or a flow's <c>key</c> stays visible.
    /// </summary>
    internal static class SecretNames
    {
        // Names that are secrets by themselves (OAuth's assertion, signed-URL sig).
        private static readonly string[] s_exact =
        {
            "sig", "signature", "assertion", "authorization", "proxyauthorization", "cookie", "setcookie",
            "credential", "pwd", "pass", "passphrase", "pin",
        };

        // Fields that make a "code" beside them an OAuth authorization code.
        private static readonly string[] s_oauthFields = { "granttype", "clientid", "clientsecret", "redirecturi", "codeverifier", "state", "responsetype" };

        // Endings that make a name a secret: refresh_token, X-Auth-Token, clientSecret, userPassword, X-Api-Key, privateKey.
        private static readonly string[] s_endings =
        {
            "token", "secret", "password", "passwd", "apikey", "accesskey", "privatekey", "sessionid", "credential",
        };

        internal static bool IsSecret(string name)
        {
            string normalized = Normalize(name);
            if (normalized.Length == 0)
            {
                return false;
            }

            return Matches(normalized) || (normalized.Length > 3 && normalized[normalized.Length - 1] == 's' && Matches(normalized.Substring(0, normalized.Length - 1)));
        }

        /// <summary>
        /// True for a name that is secret where it stands: by <see cref="IsSecret"/>, or <c>key</c> in a query, form or header
        /// (<paramref name="apiKeyPlace"/>), or <c>code</c> when <paramref name="siblings"/> (the other names of its form, query
        /// or JSON object) hold an OAuth field.
        /// </summary>
        internal static bool IsSecretIn(string name, IEnumerable<string> siblings, bool apiKeyPlace)
        {
            if (IsSecret(name))
            {
                return true;
            }

            string normalized = Normalize(name);
            if (normalized == "key")
            {
                return apiKeyPlace;
            }

            return normalized == "code" && siblings.Any(sibling => s_oauthFields.Contains(Normalize(sibling), StringComparer.Ordinal));
        }

        private static bool Matches(string normalized) =>
            s_exact.Contains(normalized, StringComparer.Ordinal) || s_endings.Any(ending => normalized.EndsWith(ending, StringComparison.Ordinal));

        private static string Normalize(string name)
        {
            var builder = new StringBuilder(name.Length);
            foreach (char c in name)
            {
                if (char.IsLetterOrDigit(c))
                {
                    builder.Append(char.ToLowerInvariant(c));
                }
            }

            return builder.ToString();
        }
    }
}
