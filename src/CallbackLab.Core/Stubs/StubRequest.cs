using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Stubs
{
    /// <summary>A request as the stub engine sees it. Query and JSON body are parsed once, on first use.</summary>
    public sealed class StubRequest
    {
        private static readonly IReadOnlyList<string> s_none = Array.Empty<string>();
        private Dictionary<string, List<string>>? _query;
        private JToken? _json;
        private bool _jsonParsed;

        /// <summary>Creates a request.</summary>
        public StubRequest(string method, Uri uri, IReadOnlyList<KeyValuePair<string, string>>? headers = null, string? body = null)
        {
            if (uri is null) throw new ArgumentNullException(nameof(uri));
            if (!uri.IsAbsoluteUri) throw new ArgumentException("The request URI must be absolute.", nameof(uri));
            Method = (method ?? "GET").ToUpperInvariant();
            Uri = uri;
            Headers = headers ?? Array.Empty<KeyValuePair<string, string>>();
            Body = body ?? string.Empty;
            Path = uri.AbsolutePath;
            PathAndQuery = uri.PathAndQuery;
            AbsoluteUrlWithoutQuery = uri.GetLeftPart(UriPartial.Path);
            AbsoluteUrl = AbsoluteUrlWithoutQuery + uri.Query;
        }

        /// <summary>The method, upper case.</summary>
        public string Method { get; }

        /// <summary>The absolute URL.</summary>
        public Uri Uri { get; }

        /// <summary>The headers as sent.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

        /// <summary>The body; empty when none.</summary>
        public string Body { get; }

        internal string Path { get; }

        internal string PathAndQuery { get; }

        internal string AbsoluteUrlWithoutQuery { get; }

        internal string AbsoluteUrl { get; }

        /// <summary>The decoded values of query parameter <paramref name="name"/> (names are case-sensitive, as in WireMock).</summary>
        internal IReadOnlyList<string> QueryValues(string name)
        {
            _query ??= ParseQuery(Uri.Query);
            return _query.TryGetValue(name, out List<string>? values) ? values : s_none;
        }

        /// <summary>The values of header <paramref name="name"/> (any case).</summary>
        internal IReadOnlyList<string> HeaderValues(string name)
        {
            List<string>? values = null;
            for (int i = 0; i < Headers.Count; i++)
            {
                if (string.Equals(Headers[i].Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    (values ??= new List<string>()).Add(Headers[i].Value);
                }
            }

            return values ?? s_none;
        }

        /// <summary>The body parsed as JSON; null when it is empty or not JSON.</summary>
        internal JToken? Json
        {
            get
            {
                if (!_jsonParsed)
                {
                    _jsonParsed = true;
                    _json = TryParseJson(Body);
                }

                return _json;
            }
        }

        internal static JToken? TryParseJson(string text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            try
            {
                return JToken.Parse(text);
            }
            catch (JsonReaderException)
            {
                return null;
            }
        }

        private static Dictionary<string, List<string>> ParseQuery(string query)
        {
            var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            string text = query.StartsWith("?", StringComparison.Ordinal) ? query.Substring(1) : query;
            foreach (string part in text.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = part.IndexOf('=');
                string name = Decode(eq < 0 ? part : part.Substring(0, eq));
                string value = eq < 0 ? string.Empty : Decode(part.Substring(eq + 1));
                if (!result.TryGetValue(name, out List<string>? values))
                {
                    result[name] = values = new List<string>(1);
                }

                values.Add(value);
            }

            return result;
        }

        private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
    }
}
