using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace CallbackLab.Core.Http
{
    /// <summary>Masks secrets before anything reaches verbose or debug output: tokens never appear in a transcript.</summary>
    public static class LogRedactor
    {
        /// <summary>What a masked value is replaced with.</summary>
        public const string Mask = "***";

        private static readonly HashSet<string> s_secretNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "access_token", "refresh_token", "id_token", "token", "client_secret", "code", "password", "apikey", "api_key",
            "key", "secret", "sig", "signature", "assertion",
        };

        private static readonly HashSet<string> s_secretHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key",
        };

        // A JSON property whose name says it holds a secret, e.g. "access_token":"abc" in a token response.
        private static readonly Regex s_jsonSecret = new Regex(
            "\"(?<name>access_token|refresh_token|id_token|client_secret|token|password)\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>True for a query, form or JSON field name whose value is a secret.</summary>
        public static bool IsSecretName(string name) => s_secretNames.Contains(name);

        /// <summary>True for a header whose value is a secret (Authorization and friends).</summary>
        public static bool IsSecretHeader(string name) => s_secretHeaders.Contains(name);

        /// <summary>The URI as text with the values of secret query parameters masked.</summary>
        public static string RedactUri(Uri uri)
        {
            if (!uri.IsAbsoluteUri || string.IsNullOrEmpty(uri.Query))
            {
                return uri.ToString();
            }

            string text = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
            return text + "?" + RedactForm(uri.Query.TrimStart('?')) + (uri.Fragment ?? string.Empty);
        }

        /// <summary>A <c>name=value&amp;…</c> string with the values of secret names masked.</summary>
        public static string RedactForm(string form)
        {
            IEnumerable<string> parts = form.Split('&').Select(part =>
            {
                int eq = part.IndexOf('=');
                string name = Uri.UnescapeDataString((eq < 0 ? part : part.Substring(0, eq)).Replace('+', ' '));
                return eq >= 0 && IsSecretName(name) ? part.Substring(0, eq + 1) + Mask : part;
            });
            return string.Join("&", parts);
        }

        /// <summary>A header value for logging: masked for secret headers; for Authorization the scheme stays visible.</summary>
        public static string RedactHeader(string name, string value)
        {
            if (!IsSecretHeader(name))
            {
                return value;
            }

            int space = value.IndexOf(' ');
            return space > 0 && name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
                ? value.Substring(0, space) + " " + Mask
                : Mask;
        }

        /// <summary>A body for logging: form bodies and JSON token fields get their secret values masked.</summary>
        public static string RedactBody(string body, string? contentType)
        {
            if (contentType != null && contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            {
                return RedactForm(body);
            }

            return s_jsonSecret.Replace(body, m => "\"" + m.Groups["name"].Value + "\":\"" + Mask + "\"");
        }

        /// <summary>Removes <paramref name="secret"/> from <paramref name="text"/> wherever it occurs (a last line of defence).</summary>
        public static string Scrub(string text, string? secret)
        {
            return string.IsNullOrEmpty(secret) || secret!.Length < 4 ? text : text.Replace(secret, Mask);
        }

        /// <summary>Formats headers as <c>Name: value</c> lines, secrets masked.</summary>
        public static string FormatHeaders(IEnumerable<KeyValuePair<string, string>> headers)
        {
            var builder = new StringBuilder();
            foreach (KeyValuePair<string, string> header in headers)
            {
                builder.Append(header.Key).Append(": ").Append(RedactHeader(header.Key, header.Value)).Append('\n');
            }

            return builder.ToString().TrimEnd('\n');
        }
    }
}
