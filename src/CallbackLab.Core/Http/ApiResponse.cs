using System;
using System.Collections.Generic;
using System.Net;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Http
{
    /// <summary>A completed HTTP exchange with a success status.</summary>
    public sealed class ApiResponse
    {
        /// <summary>Creates a response.</summary>
        public ApiResponse(ApiRequest request, HttpStatusCode statusCode, string body, IReadOnlyDictionary<string, string> headers, int attempts)
        {
            Request = request;
            StatusCode = statusCode;
            Body = body;
            Headers = headers;
            Attempts = attempts;
        }

        /// <summary>The request that produced this response.</summary>
        public ApiRequest Request { get; }

        /// <summary>The HTTP status code.</summary>
        public HttpStatusCode StatusCode { get; }

        /// <summary>The response body as text (empty when there is none).</summary>
        public string Body { get; }

        /// <summary>Response and content headers, names case-insensitive, multiple values joined with a comma.</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        /// <summary>How many attempts it took (1 when no retry happened).</summary>
        public int Attempts { get; }

        /// <summary>When the request was first sent.</summary>
        public DateTimeOffset RequestedAt { get; internal set; }

        /// <summary>The body as JSON.</summary>
        /// <exception cref="ApiException">The body is not JSON (<see cref="ApiFailureKind.InvalidResponse"/>).</exception>
        public JToken ReadJson()
        {
            try
            {
                return JToken.Parse(Body);
            }
            catch (JsonReaderException ex)
            {
                throw new ApiException(
                    Request + " answered " + (int)StatusCode + " with a body that is not JSON.", Request, ApiFailureKind.InvalidResponse,
                    StatusCode, LogRedactor.RedactBody(Body, null), innerException: ex);
            }
        }

        /// <summary>The body as a JSON object.</summary>
        /// <exception cref="ApiException">The body is not a JSON object (<see cref="ApiFailureKind.InvalidResponse"/>).</exception>
        public JObject ReadJsonObject()
        {
            return ReadJson() as JObject ?? throw new ApiException(
                Request + " answered " + (int)StatusCode + " with JSON that is not an object.", Request, ApiFailureKind.InvalidResponse, StatusCode, LogRedactor.RedactBody(Body, null));
        }
    }
}
