using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CallbackLab.Core.Http
{
    /// <summary>
    /// The one redaction policy, used before anything reaches verbose or debug output, an error record or the emulator's journal:
    /// secret form fields, query parameters, JSON properties (at any depth) and headers are masked, whatever a Content-Type claims.
    /// A name is secret by the rule of <see cref="IsSecretName"/>.
    /// </summary>
    public static class LogRedactor
    {
        /// <summary>What a masked value is replaced with.</summary>
        public const string Mask = "***";

        /// <summary>
        /// True for a field, parameter, property or header name whose value is a secret wherever it stands: compared without case,
        /// <c>-</c> or <c>_</c>, a name ending in token, secret, password, apikey, accesskey, privatekey, sessionid or credential(s),
        /// or one of sig, signature, assertion, authorization, cookie, pin, pwd, pass, passphrase. <c>code</c> and <c>key</c> are
        /// secrets only in context (<see cref="IsSecretParameter"/>).
        /// </summary>
        public static bool IsSecretName(string name) => SecretNames.IsSecret(name);

        /// <summary>
        /// True for a query parameter or form field whose value is a secret, given the other names of its query or form: the rule
        /// of <see cref="IsSecretName"/>, plus <c>key</c> (an API key, <c>?key=</c>) and an OAuth <c>code</c> (beside
        /// <c>grant_type</c>, <c>client_id</c>, <c>redirect_uri</c>, <c>state</c>…). A MockAPI filter <c>?code=…</c> stays visible.
        /// </summary>
        public static bool IsSecretParameter(string name, IEnumerable<string> parameterNames) => SecretNames.IsSecretIn(name, parameterNames, apiKeyPlace: true);

        /// <summary>True for a header whose value is a secret (Authorization, Cookie, X-Api-Key, X-Auth-Token, Key…): the rule of <see cref="IsSecretName"/> plus <c>key</c>.</summary>
        public static bool IsSecretHeader(string name) => SecretNames.IsSecretIn(name, Array.Empty<string>(), apiKeyPlace: true);

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

        /// <summary>A <c>name=value&amp;…</c> string (a form body or a query) with the values of secret names masked.</summary>
        public static string RedactForm(string form)
        {
            if (form.Length == 0)
            {
                return form;
            }

            string[] split = form.Split('&');
            string[] names = split.Select(part => Decoded(part.IndexOf('=') >= 0 ? part.Substring(0, part.IndexOf('=')) : part)).ToArray();
            IEnumerable<string> parts = split.Select((part, i) =>
            {
                int eq = part.IndexOf('=');
                return eq >= 0 && IsSecretParameter(names[i], names) ? part.Substring(0, eq + 1) + Mask : part;
            });
            return string.Join("&", parts);
        }

        /// <summary>A query string (without its <c>?</c>) with the values of secret parameters masked.</summary>
        public static string RedactQuery(string query) => RedactForm(query);

        /// <summary>A header value for logging: masked for secret headers; for Authorization the scheme stays visible.</summary>
        public static string RedactHeader(string name, string value)
        {
            if (!IsSecretHeader(name))
            {
                return value;
            }

            int space = value.IndexOf(' ');
            return space > 0 && (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase))
                ? value.Substring(0, space) + " " + Mask
                : Mask;
        }

        /// <summary>Headers as a case-insensitive dictionary with secret values masked (repeated names keep the last value).</summary>
        public static IReadOnlyDictionary<string, string> RedactHeaders(IEnumerable<KeyValuePair<string, string>> headers)
        {
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, string> header in headers)
            {
                result[header.Key] = RedactHeader(header.Key, header.Value);
            }

            return result;
        }

        /// <summary>
        /// A body for logging with its secret values masked. Text that looks like JSON (an object or array) is redacted as JSON at
        /// any depth, anything else as a form, whatever <paramref name="contentType"/> says: a client may label a body wrongly,
        /// and a server may read it as something else (the token endpoint reads a form).
        /// A <c>multipart/form-data</c> body (by its Content-Type's boundary) is redacted part by part.
        /// </summary>
        public static string RedactBody(string body, string? contentType)
        {
            if (body.Length == 0)
            {
                return body;
            }

            if (MultipartRedactor.Boundary(contentType) is string boundary && body.IndexOf("--" + boundary, StringComparison.Ordinal) >= 0)
            {
                return MultipartRedactor.Redact(body, boundary); // each part on its own (an import's JSON file)
            }

            return JsonRedactor.LooksLikeJson(body) ? JsonRedactor.Redact(body) : RedactForm(body);
        }

        /// <summary>JSON text with the values of secret properties masked at any depth; unchanged (the same string) when there is none.</summary>
        public static string RedactJson(string json) => JsonRedactor.Redact(json);

        /// <summary>Removes <paramref name="secret"/> from <paramref name="text"/> wherever it occurs (a last line of defence).</summary>
        public static string Scrub(string text, string? secret)
        {
            return NullableStrings.IsNullOrEmpty(secret) || secret.Length < 4 ? text : text.Replace(secret, Mask);
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

        private static string Decoded(string name)
        {
            try
            {
                return Uri.UnescapeDataString(name.Replace('+', ' '));
            }
            catch (UriFormatException)
            {
                return name;
            }
        }
    }
}
