using System;
using System.Collections.Generic;
using System.Collections.Specialized;

namespace CallbackLab.Core.Emulator.Listener
{
    /// <summary>
    /// What the listener hands the emulator for each request: a complete request, or one it refused (<see cref="Refusal"/> set,
    /// with whatever of the method and path it understood) so that the refusal is journalled too.
    /// </summary>
    internal sealed class IncomingRequest
    {
        internal IncomingRequest(string method, string path, string query, IReadOnlyList<KeyValuePair<string, string>> fields, NameValueCollection headers, string body, HttpFramingException? refusal)
        {
            Method = method;
            Path = path;
            Query = query;
            Fields = fields;
            Headers = headers;
            Body = body;
            Refusal = refusal;
        }

        internal string Method { get; }

        /// <summary>The path, not decoded; empty when the request line was not understood.</summary>
        internal string Path { get; }

        internal string Query { get; }

        internal IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

        internal NameValueCollection Headers { get; }

        internal string? ContentType => Headers["Content-Type"];

        /// <summary>The Host header (port included), empty when none: the hook for choosing a handler by host.</summary>
        internal string Host => Headers["Host"] ?? string.Empty;

        /// <summary>The body decoded in its declared charset.</summary>
        internal string Body { get; }

        /// <summary>Why the listener refused the request; null for a request to handle.</summary>
        internal HttpFramingException? Refusal { get; }

        internal static IncomingRequest Refused(string method, string path, IReadOnlyList<KeyValuePair<string, string>>? fields, HttpFramingException refusal)
        {
            var headers = new NameValueCollection(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, string> field in fields ?? Array.Empty<KeyValuePair<string, string>>())
            {
                headers.Add(field.Key, field.Value);
            }

            return new IncomingRequest(method, path, string.Empty, fields ?? Array.Empty<KeyValuePair<string, string>>(), headers, string.Empty, refusal);
        }
    }
}
