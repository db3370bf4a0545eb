using System;
using System.Collections.Generic;

namespace CallbackLab.Core.Flows.Http
{
    /// <summary>A request an HTTP Request activity sends, after its templates are rendered.</summary>
    public sealed class FlowHttpRequest
    {
        /// <summary>Creates a request.</summary>
        public FlowHttpRequest(string method, Uri uri, IReadOnlyList<KeyValuePair<string, string>> headers, string? body, string? contentType)
        {
            Method = method;
            Uri = uri;
            Headers = headers;
            Body = body;
            ContentType = contentType;
        }

        /// <summary>GET, POST, PUT, PATCH, DELETE, OPTIONS or HEAD.</summary>
        public string Method { get; }

        /// <summary>The absolute URL, query included.</summary>
        public Uri Uri { get; }

        /// <summary>Request headers (Authorization included for connector requests).</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

        /// <summary>The body; null for none.</summary>
        public string? Body { get; }

        /// <summary>The media type of the body, e.g. <c>application/json</c>; null for none.</summary>
        public string? ContentType { get; }
    }
}
