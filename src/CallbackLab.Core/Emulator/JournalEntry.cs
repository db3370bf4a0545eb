using System;
using System.Collections.Generic;

namespace CallbackLab.Core.Emulator
{
    /// <summary>One request the emulator received and how it answered.</summary>
    public sealed class JournalEntry
    {
        /// <summary>Creates a journal entry.</summary>
        public JournalEntry(
            string method, string path, string query, IReadOnlyDictionary<string, string> headers, string body,
            int statusCode, TimeSpan duration, DateTimeOffset time)
        {
            Method = method;
            Path = path;
            Query = query;
            Headers = headers;
            Body = body;
            StatusCode = statusCode;
            Duration = duration;
            Time = time;
            long characters = method.Length + path.Length + query.Length + body.Length + 64;
            foreach (KeyValuePair<string, string> header in headers)
            {
                characters += header.Key.Length + header.Value.Length + 16;
            }

            ApproximateBytes = characters * 2;
        }

        /// <summary>The journal keeps this many characters of a path.</summary>
        public const int PathLimit = 4096;

        /// <summary>The journal keeps this many characters of a query.</summary>
        public const int QueryLimit = 4096;

        /// <summary>The journal keeps this many characters of a header name.</summary>
        public const int HeaderNameLimit = 256;

        /// <summary>The journal keeps this many characters of each header value.</summary>
        public const int HeaderValueLimit = 1024;

        /// <summary>The journal keeps this many characters of a body.</summary>
        public const int BodyLimit = 64 * 1024;

        /// <summary>True when a path, query, header or body was longer than its limit and is cut.</summary>
        public bool IsTruncated { get; private set; }

        /// <summary>About how much memory the entry takes (two bytes a character): the journal's total is capped in these.</summary>
        public long ApproximateBytes { get; }

        /// <summary>An entry with each part cut to its limit (<see cref="PathLimit"/>, <see cref="QueryLimit"/>, <see cref="HeaderValueLimit"/>, <see cref="BodyLimit"/>).</summary>
        internal static JournalEntry Capped(
            string method, string path, string query, IReadOnlyDictionary<string, string> headers, string body, int statusCode, TimeSpan duration, DateTimeOffset time)
        {
            bool truncated = false;
            string Cut(string text, int limit)
            {
                if (text.Length <= limit)
                {
                    return text;
                }

                truncated = true;
                return text.Substring(0, limit);
            }

            var cappedHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, string> header in headers)
            {
                cappedHeaders[Cut(header.Key, HeaderNameLimit)] = Cut(header.Value, HeaderValueLimit);
            }

            var entry = new JournalEntry(Cut(method, 32), Cut(path, PathLimit), Cut(query, QueryLimit), cappedHeaders, Cut(body, BodyLimit), statusCode, duration, time);
            entry.IsTruncated = truncated;
            return entry;
        }

        /// <summary>The HTTP method, e.g. <c>GET</c>.</summary>
        public string Method { get; }

        /// <summary>The path, e.g. <c>/flowdesigner/Lab/DynVars</c> (not URL-decoded).</summary>
        public string Path { get; }

        /// <summary>The query string without its <c>?</c>, empty when none; secret values (<c>code</c>, <c>access_token</c>…) masked.</summary>
        public string Query { get; }

        /// <summary>The request headers, secrets masked by the one redaction policy (<c>Authorization</c> keeps its scheme).</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        /// <summary>
        /// The request body as text, secrets masked by the one redaction policy (form fields, JSON properties at any depth;
        /// see docs/emulator.md): empty when none, its first 65,536 characters when longer.
        /// </summary>
        public string Body { get; }

        /// <summary>The status answered; 0 when the connection was dropped on purpose.</summary>
        public int StatusCode { get; }

        /// <summary>How long the emulator took, injected latency included.</summary>
        public TimeSpan Duration { get; }

        /// <summary>When the request arrived (UTC).</summary>
        public DateTimeOffset Time { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Method} {Path}{(Query.Length > 0 ? "?" + Query : string.Empty)} -> {StatusCode}";
    }
}
