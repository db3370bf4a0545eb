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
