using System;
using System.Collections.Generic;

namespace CallbackLab.Core.Stubs
{
    /// <summary>What a stub answered one request with, templates rendered.</summary>
    public sealed class StubAnswer
    {
        internal StubAnswer(int status, IReadOnlyList<KeyValuePair<string, string>> headers, string body, TimeSpan? delay, StubFault fault)
        {
            Status = status;
            Headers = headers;
            Body = body;
            Delay = delay;
            Fault = fault;
        }

        /// <summary>The status code.</summary>
        public int Status { get; }

        /// <summary>The headers.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

        /// <summary>The body text.</summary>
        public string Body { get; }

        /// <summary>The delay before the answer; null for none.</summary>
        public TimeSpan? Delay { get; }

        /// <summary>A fault instead of an answer; <see cref="StubFault.None"/> normally.</summary>
        public StubFault Fault { get; }

        /// <summary>The headers as a dictionary (names in any case; repeated names comma-joined).</summary>
        public IReadOnlyDictionary<string, string> HeaderDictionary()
        {
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, string> header in Headers)
            {
                result[header.Key] = result.TryGetValue(header.Key, out string? existing) ? existing + ", " + header.Value : header.Value;
            }

            return result;
        }
    }
}
