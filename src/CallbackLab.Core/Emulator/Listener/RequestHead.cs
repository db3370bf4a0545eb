using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Text;
using System.Threading.Tasks;

namespace CallbackLab.Core.Emulator.Listener
{
    /// <summary>
    /// A request line and header block read under the limits of RFC 9112 as the emulator applies them: request line at most
    /// <c>MaxRequestLineBytes</c> (else 414), header block at most <c>MaxHeaderBytes</c> and 100 fields (else 431), no obsolete
    /// line folding or whitespace before a colon (400), exactly one Host on HTTP/1.1 (400), HTTP/1.0 or 1.1 (else 505).
    /// </summary>
    internal sealed class RequestHead
    {
        internal const int MaxHeaderCount = 100;
        private static readonly Encoding s_latin1 = Encoding.GetEncoding("iso-8859-1");

        private RequestHead(string method, string target, string version, string path, string query, List<KeyValuePair<string, string>> fields)
        {
            Method = method;
            Target = target;
            Version = version;
            Path = path;
            Query = query;
            Fields = fields;
            foreach (KeyValuePair<string, string> field in fields)
            {
                Headers.Add(field.Key, field.Value);
            }
        }

        internal string Method { get; }

        /// <summary>The request target as sent (origin or absolute form).</summary>
        internal string Target { get; }

        internal string Version { get; }

        /// <summary>The path of the target, not decoded: for the absolute form, the path of its URI (RFC 9112, 3.2.2).</summary>
        internal string Path { get; }

        /// <summary>The query without its <c>?</c>, not decoded.</summary>
        internal string Query { get; }

        /// <summary>The header fields in the order sent.</summary>
        internal IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

        /// <summary>The header fields by name (case-insensitive; repeated fields joined by commas).</summary>
        internal NameValueCollection Headers { get; } = new NameValueCollection(StringComparer.OrdinalIgnoreCase);

        internal bool IsHttp10 => Version == "HTTP/1.0";

        /// <summary>Reads the next head; null when the connection ended cleanly before a request.</summary>
        /// <exception cref="HttpFramingException">The head is malformed or over a limit; <paramref name="partial"/> holds what was understood.</exception>
        internal static async Task<RequestHead?> ReadAsync(ConnectionInput input, int maxRequestLineBytes, int maxHeaderBytes, Action<string, string> partial)
        {
            byte[]? line;
            int emptyLines = 0;
            do
            {
                line = await input.ReadLineAsync(maxRequestLineBytes, () => new HttpFramingException(414, $"The request line is longer than {maxRequestLineBytes} bytes.")).ConfigureAwait(false);
                if (line == null)
                {
                    return null;
                }
            }
            while (line.Length == 0 && ++emptyLines < 4); // RFC 9112 2.2: ignore empty lines before a request line

            string requestLine = s_latin1.GetString(line);
            string[] parts = requestLine.Split(' ');
            if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0 || !IsToken(parts[0]))
            {
                throw new HttpFramingException(400, "The request line is not 'METHOD target HTTP/1.1'.");
            }

            string method = parts[0];
            string target = parts[1];
            (string path, string query) = SplitTarget(method, target);
            partial(method, path);
            string version = parts[2];
            if (version != "HTTP/1.1" && version != "HTTP/1.0")
            {
                bool looksLikeHttp = version.Length == 8 && version.StartsWith("HTTP/", StringComparison.Ordinal) && char.IsDigit(version[5]) && version[6] == '.' && char.IsDigit(version[7]);
                throw looksLikeHttp
                    ? new HttpFramingException(505, "Only HTTP/1.1 and HTTP/1.0 are supported.")
                    : new HttpFramingException(400, "The request line does not end with an HTTP version.");
            }

            var fields = await ReadFieldsAsync(input, maxHeaderBytes).ConfigureAwait(false);
            var head = new RequestHead(method, target, version, path, query, fields);
            int hosts = 0;
            foreach (KeyValuePair<string, string> field in fields)
            {
                hosts += string.Equals(field.Key, "Host", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            }

            if (hosts > 1 || (hosts == 0 && !head.IsHttp10))
            {
                throw new HttpFramingException(400, "An HTTP/1.1 request needs exactly one Host header.");
            }

            return head;
        }

        /// <summary>Header fields up to the empty line (also used for a chunked body's trailer).</summary>
        internal static async Task<List<KeyValuePair<string, string>>> ReadFieldsAsync(ConnectionInput input, int maxHeaderBytes)
        {
            var fields = new List<KeyValuePair<string, string>>();
            int total = 0;
            while (true)
            {
                int left = Math.Max(0, maxHeaderBytes - total);
                byte[] line = await input.ReadLineAsync(left, () => new HttpFramingException(431, $"The header block is larger than {maxHeaderBytes} bytes.")).ConfigureAwait(false)
                              ?? throw new HttpFramingException(400, "The connection ended inside the header block.");
                if (line.Length == 0)
                {
                    return fields;
                }

                total += line.Length + 2;
                if (fields.Count >= MaxHeaderCount)
                {
                    throw new HttpFramingException(431, $"The request has more than {MaxHeaderCount} header fields.");
                }

                if (line[0] == ' ' || line[0] == '\t')
                {
                    throw new HttpFramingException(400, "Obsolete line folding is not accepted in header fields.");
                }

                string text = s_latin1.GetString(line);
                int colon = text.IndexOf(':');
                if (colon <= 0 || !IsToken(text.Substring(0, colon)))
                {
                    throw new HttpFramingException(400, "A header field is not 'Name: value' (no whitespace before the colon).");
                }

                string value = text.Substring(colon + 1).Trim(' ', '\t');
                foreach (char c in value)
                {
                    if (c == '\0' || c == '\r' || c == '\n')
                    {
                        throw new HttpFramingException(400, "A header value holds a NUL, CR or LF.");
                    }
                }

                fields.Add(new KeyValuePair<string, string>(text.Substring(0, colon), value));
            }
        }

        private static (string Path, string Query) SplitTarget(string method, string target)
        {
            string pathAndQuery;
            if (target[0] == '/')
            {
                pathAndQuery = target;
            }
            else if (target == "*" && method == "OPTIONS")
            {
                pathAndQuery = "*";
            }
            else if (target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                // Absolute form: route by the URI's path (and query), whatever its authority says.
                int authority = target.IndexOf("://", StringComparison.Ordinal) + 3;
                int slash = target.IndexOfAny(new[] { '/', '?' }, authority);
                if (slash == authority)
                {
                    throw new HttpFramingException(400, "The absolute-form target has no host.");
                }

                pathAndQuery = slash < 0 ? "/" : target[slash] == '?' ? "/" + target.Substring(slash) : target.Substring(slash);
            }
            else
            {
                throw new HttpFramingException(400, "The request target must be a path ('/…') or an absolute http URI.");
            }

            int hash = pathAndQuery.IndexOf('#');
            if (hash >= 0)
            {
                throw new HttpFramingException(400, "The request target must not hold a fragment ('#').");
            }

            int question = pathAndQuery.IndexOf('?');
            return question < 0 ? (pathAndQuery, string.Empty) : (pathAndQuery.Substring(0, question), pathAndQuery.Substring(question + 1));
        }

        /// <summary>An RFC 9110 token: visible ASCII except delimiters.</summary>
        private static bool IsToken(string text)
        {
            foreach (char c in text)
            {
                if (c <= ' ' || c >= 127 || "\"(),/:;<=>?@[\\]{}".IndexOf(c) >= 0)
                {
                    return false;
                }
            }

            return text.Length > 0;
        }
    }
}
