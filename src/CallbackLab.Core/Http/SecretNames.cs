using System;
using System.Linq;
using System.Text;

namespace CallbackLab.Core.Http
{
    /// <summary>
    /// Which names hold secrets, for form fields, query parameters, JSON properties and headers alike: the name is compared
    /// without case, <c>-</c>, <c>_</c> or a plural <c>s</c>, so <c>clientSecret</c>, <c>client_secret</c> and
    /// <c>X-Client-Secret</c> are one rule.
    /// </summary>
    internal static class SecretNames
    {
        // Names that are secrets by themselves (OAuth's code and assertion, signed-URL sig, a bare key).
        private static readonly string[] s_exact =
        {
            "code", "key", "sig", "signature", "assertion", "authorization", "proxyauthorization", "cookie", "setcookie",
            "credential", "pwd", "pass", "passphrase", "pin",
        };

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
