using System.Collections.Generic;

namespace CallbackLab.Core.Flows.Http
{
    /// <summary>What came back: any completed status (2xx, 4xx, 5xx) is a response, not an error.</summary>
    public sealed class FlowHttpResponse
    {
        /// <summary>Creates a response.</summary>
        public FlowHttpResponse(int statusCode, string body, IReadOnlyDictionary<string, string> headers)
        {
            StatusCode = statusCode;
            Body = body;
            Headers = headers;
        }

        /// <summary>The HTTP status code.</summary>
        public int StatusCode { get; }

        /// <summary>The body as text; empty when none.</summary>
        public string Body { get; }

        /// <summary>Response and content headers, names as sent, values comma-joined.</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }
    }
}
