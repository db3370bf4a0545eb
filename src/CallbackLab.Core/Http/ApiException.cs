using System;
using System.Net;

namespace CallbackLab.Core.Http
{
    /// <summary>
    /// A failed API request: the status and body the server sent, the API's own description, and the tracking id to quote to support.
    /// </summary>
    public sealed class ApiException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public ApiException(
            string message, ApiRequest request, ApiFailureKind kind, HttpStatusCode? statusCode = null, string? responseBody = null,
            string? description = null, string? trackingId = null, int attempts = 1, Exception? innerException = null)
            : base(message, innerException)
        {
            Request = request;
            Kind = kind;
            StatusCode = statusCode;
            ResponseBody = responseBody;
            Description = description;
            TrackingId = trackingId ?? request.TrackingId;
            Attempts = attempts;
        }

        /// <summary>The request that failed.</summary>
        public ApiRequest Request { get; }

        /// <summary>Why it failed.</summary>
        public ApiFailureKind Kind { get; }

        /// <summary>The HTTP status, when the server answered.</summary>
        public HttpStatusCode? StatusCode { get; }

        /// <summary>The response body, when the server answered.</summary>
        public string? ResponseBody { get; }

        /// <summary>The API's own description of the error (e.g. WxCC's <c>error.message[0].description</c>, MockAPI's <c>"Not found"</c>).</summary>
        public string? Description { get; }

        /// <summary>The tracking id: the one the server reported, else the <c>TrackingId</c> header CallbackLab sent.</summary>
        public string TrackingId { get; }

        /// <summary>How many attempts were made.</summary>
        public int Attempts { get; }

        /// <summary>How long the server asked the client to wait (the <c>Retry-After</c> header, e.g. on a 429), when it said.</summary>
        public TimeSpan? RetryAfter { get; internal set; }

        /// <summary>
        /// True when the server answered that it created what was asked (a 201 from <c>POST /v1/tasks</c>) but the answer could
        /// not be read: the task exists, so the request must not be sent again.
        /// </summary>
        public bool TaskWasCreated { get; internal set; }

        /// <summary>
        /// True when the server may have acted on the request although it failed (timeout, lost connection, 5xx):
        /// a non-idempotent request such as <c>POST /v1/tasks</c> is then not retried.
        /// </summary>
        public bool IsAmbiguous =>
            Kind == ApiFailureKind.Timeout || Kind == ApiFailureKind.ConnectionLost || (StatusCode.HasValue && (int)StatusCode.Value >= 500);
    }
}
