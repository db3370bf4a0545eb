using System;
using System.Collections.Generic;
using System.Net.Http;

namespace CallbackLab.Core.Http
{
    /// <summary>One request to a lab API: what to send and how the shared HTTP layer may retry it.</summary>
    public sealed class ApiRequest
    {
        private string? _body;

        /// <summary>Creates a request.</summary>
        /// <param name="service">Which API the request goes to; it picks the error ids and messages.</param>
        /// <param name="method">The HTTP method.</param>
        /// <param name="uri">The absolute URI.</param>
        public ApiRequest(ApiService service, HttpMethod method, Uri uri)
        {
            Service = service;
            Method = method ?? throw new ArgumentNullException(nameof(method));
            Uri = uri ?? throw new ArgumentNullException(nameof(uri));
            TrackingId = TrackingIds.New();
        }

        /// <summary>Which API the request goes to.</summary>
        public ApiService Service { get; }

        /// <summary>The HTTP method.</summary>
        public HttpMethod Method { get; }

        /// <summary>The absolute URI.</summary>
        public Uri Uri { get; }

        /// <summary>The <c>TrackingId</c> header value sent with every attempt of this request (<c>CallbackLab_&lt;uuid&gt;</c>).</summary>
        public string TrackingId { get; }

        /// <summary>Extra request headers (besides Authorization, TrackingId and Content-Type).</summary>
        public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The bearer token to send, or null for none. Never logged, and not public so an error's target cannot show it.</summary>
        internal string? BearerToken { get; set; }

        /// <summary>
        /// The request body, or null for none, as logs and error records show it: secret values masked by the one redaction
        /// policy (<see cref="LogRedactor.RedactBody"/>), and when <see cref="BodyHasSecrets"/> is set everything but a form's
        /// non-secret fields. An error's <c>Exception.Request.Body</c> must not show a client secret, token, API key or password.
        /// </summary>
        public string? Body
        {
            get => _body == null ? null : BodyHasSecrets ? RedactedSecretBody(_body) : LogRedactor.RedactBody(_body, ContentType);
            set => _body = value;
        }

        /// <summary>The body exactly as sent, secrets included; only the HTTP layer reads it.</summary>
        internal string? BodyToSend => _body;

        /// <summary>The body's media type, <c>application/json</c> unless set.</summary>
        public string ContentType { get; set; } = "application/json";

        /// <summary>True when the body itself holds secrets (an OAuth token request): it is never logged and needs HTTPS.</summary>
        public bool BodyHasSecrets { get; set; }

        /// <summary>
        /// True when sending the request twice has the same effect as sending it once (GET, PUT, DELETE).
        /// A request that is not idempotent is retried only when the server surely did not act on it
        /// (429, or a connection that failed before the request was sent), never after a timeout or a 5xx.
        /// </summary>
        public bool IsIdempotent { get; set; }

        /// <summary>A form keeps its non-secret fields (grant_type, client_id); any other body with secrets is masked whole.</summary>
        private string RedactedSecretBody(string body) =>
            ContentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
                ? LogRedactor.RedactForm(body)
                : LogRedactor.Mask;

        /// <summary>A short display form: method and URL with secret query values masked.</summary>
        public override string ToString() => Method.Method + " " + LogRedactor.RedactUri(Uri);
    }
}
