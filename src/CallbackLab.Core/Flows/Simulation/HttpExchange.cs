using System.Collections.Generic;
using CallbackLab.Core.Stubs;

namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>A summary of one HTTP Request activity's request and response (never the Authorization header).</summary>
    public sealed class HttpExchange
    {
        /// <summary>Creates a summary.</summary>
        public HttpExchange(string method, string url, bool authenticated, string? requestBody, int? statusCode, string? responseBody,
            IReadOnlyDictionary<string, string>? responseHeaders, int attempts, string? error, UnmatchedRequest? unmatched = null)
        {
            Method = method;
            Url = url;
            Authenticated = authenticated;
            RequestBody = requestBody;
            StatusCode = statusCode;
            ResponseBody = responseBody;
            ResponseHeaders = responseHeaders ?? new Dictionary<string, string>();
            Attempts = attempts;
            Error = error;
            Unmatched = unmatched;
        }

        /// <summary>The method.</summary>
        public string Method { get; }

        /// <summary>The URL sent to (after templates and the MockAPI/connector base were applied).</summary>
        public string Url { get; }

        /// <summary>True for a connector (authenticated) request.</summary>
        public bool Authenticated { get; }

        /// <summary>The rendered body; null when none.</summary>
        public string? RequestBody { get; }

        /// <summary>The status code; null when no response came.</summary>
        public int? StatusCode { get; }

        /// <summary>The response body; null when no response came.</summary>
        public string? ResponseBody { get; }

        /// <summary>The response headers.</summary>
        public IReadOnlyDictionary<string, string> ResponseHeaders { get; }

        /// <summary>How many times the request was sent (retries included).</summary>
        public int Attempts { get; }

        /// <summary>Why no response came (connection refused, timeout); null when one came.</summary>
        public string? Error { get; }

        /// <summary>Set when no stub matched and the request was not sent (the response is the documented 404).</summary>
        public UnmatchedRequest? Unmatched { get; }

        /// <inheritdoc />
        public override string ToString() => Method + " " + Url + " -> " + (StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Error ?? "?");
    }
}
