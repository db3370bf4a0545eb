using System;
using System.Collections.Generic;
using CallbackLab.Core.Stubs;

namespace CallbackLab.Core.Flows.Http
{
    /// <summary>What came back: any completed status (2xx, 4xx, 5xx) is a response, not an error.</summary>
    public sealed class FlowHttpResponse
    {
        /// <summary>Creates a response.</summary>
        public FlowHttpResponse(int statusCode, string body, IReadOnlyDictionary<string, string> headers)
            : this(statusCode, body, headers, null, null)
        {
        }

        /// <summary>Creates a response that took <paramref name="virtualDuration"/> (a stub's delay) or that no stub matched.</summary>
        public FlowHttpResponse(int statusCode, string body, IReadOnlyDictionary<string, string> headers, TimeSpan? virtualDuration, UnmatchedRequest? unmatched)
        {
            StatusCode = statusCode;
            Body = body;
            Headers = headers;
            VirtualDuration = virtualDuration;
            Unmatched = unmatched;
        }

        /// <summary>The HTTP status code.</summary>
        public int StatusCode { get; }

        /// <summary>The body as text; empty when none.</summary>
        public string Body { get; }

        /// <summary>Response and content headers, names as sent, values comma-joined.</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        /// <summary>How much virtual time the answer took (a stub's delay); null: the simulator's usual round trip.</summary>
        public TimeSpan? VirtualDuration { get; }

        /// <summary>Set when no stub matched and the request was not sent: this response is the documented 404.</summary>
        public UnmatchedRequest? Unmatched { get; }
    }
}
