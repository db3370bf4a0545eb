using System;
using System.Collections.Generic;
using System.Collections.Specialized;

namespace CallbackLab.Core.Emulator
{
    /// <summary>A request as the handlers see it: method, decoded path segments, query, headers and the body text.</summary>
    internal sealed class EmulatorRequest
    {
        internal EmulatorRequest(string method, string rawPath, string rawQuery, NameValueCollection query, NameValueCollection headers, string body, string? contentType, string host = "")
        {
            Host = host;
            Method = method;
            RawPath = rawPath;
            RawQuery = rawQuery;
            Query = query;
            Headers = headers;
            Body = body;
            ContentType = contentType;
            Segments = SplitPath(rawPath);
        }

        internal string Method { get; }

        /// <summary>The Host header as sent (port included), empty when none: a handler may be chosen by host as well as by path.</summary>
        internal string Host { get; }

        /// <summary>The path as sent, e.g. <c>/flowdesigner/Lab/DynVars/1</c>.</summary>
        internal string RawPath { get; }

        internal string RawQuery { get; }

        /// <summary>The decoded query; repeated names keep every value.</summary>
        internal NameValueCollection Query { get; }

        internal NameValueCollection Headers { get; }

        internal string Body { get; }

        internal string? ContentType { get; }

        /// <summary>The decoded, non-empty path segments.</summary>
        internal IReadOnlyList<string> Segments { get; }

        private static IReadOnlyList<string> SplitPath(string rawPath)
        {
            string[] parts = rawPath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            for (int i = 0; i < parts.Length; i++)
            {
                parts[i] = Uri.UnescapeDataString(parts[i]);
            }

            return parts;
        }
    }
}
