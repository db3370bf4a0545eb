using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Stubs
{
    /// <summary>
    /// Builds a WireMock mapping from a few plain values (what <c>Add-CallbackLabStub -Url … -StatusCode …</c> takes), so a stub
    /// made from parameters is the same kind of stub as one read from a file, and can be saved as one.
    /// </summary>
    public sealed class StubMappingBuilder
    {
        /// <summary>The stub's name; null derives one from the request.</summary>
        public string? Name { get; set; }

        /// <summary>The method, or null / ANY for any.</summary>
        public string? Method { get; set; }

        /// <summary>
        /// The URL: absolute (<c>https://host/path</c>) or a path. With <c>*</c> it is a glob (<c>https://*.mock.pstmn.io/**</c>);
        /// with a query it must match path and query exactly; otherwise the path (and, absolute, scheme, host and port) must.
        /// </summary>
        public string? Url { get; set; }

        /// <summary>A regular expression on the path (on the absolute URL when it starts with a scheme), instead of <see cref="Url"/>.</summary>
        public string? UrlPattern { get; set; }

        /// <summary>Query parameters that must equal the given values.</summary>
        public IDictionary<string, string> Query { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Headers that must equal the given values.</summary>
        public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>JSONPath expressions on the body and the value each must equal.</summary>
        public IDictionary<string, string> BodyJsonPath { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>The statuses to answer in order (a sequence; the last repeats); 200 when empty.</summary>
        public IList<int> StatusCodes { get; } = new List<int>();

        /// <summary>The response body; templated with request values when <see cref="Templated"/>.</summary>
        public string? Body { get; set; }

        /// <summary>Response headers.</summary>
        public IDictionary<string, string> ResponseHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Render <c>{{request.…}}</c> in the body and headers.</summary>
        public bool Templated { get; set; }

        /// <summary>The delay before answering, in milliseconds; null for none.</summary>
        public int? DelayMilliseconds { get; set; }

        /// <summary>The priority (1 is the highest); null for the default 5.</summary>
        public int? Priority { get; set; }

        /// <summary>The mapping JSON.</summary>
        public JObject Build()
        {
            var request = new JObject();
            if (!NullableStrings.IsNullOrEmpty(Method))
            {
                request["method"] = Method.ToUpperInvariant();
            }

            if (!string.IsNullOrEmpty(UrlPattern))
            {
                request["urlPathPattern"] = UrlPattern;
            }
            else if (!string.IsNullOrEmpty(Url))
            {
                string url = Url!;
                string kind = url.IndexOf('*') >= 0 ? "urlGlob" : url.IndexOf('?') >= 0 ? "url" : "urlPath";
                request[kind] = url;
            }

            AddMatchers(request, "queryParameters", Query);
            AddMatchers(request, "headers", Headers);
            if (BodyJsonPath.Count > 0)
            {
                var patterns = new JArray();
                foreach (KeyValuePair<string, string> path in BodyJsonPath)
                {
                    patterns.Add(new JObject { ["matchesJsonPath"] = new JObject { ["expression"] = path.Key, ["equalTo"] = path.Value } });
                }

                request["bodyPatterns"] = patterns;
            }

            var mapping = new JObject();
            if (!string.IsNullOrEmpty(Name))
            {
                mapping["name"] = Name;
            }

            if (Priority != null)
            {
                mapping["priority"] = Priority.Value;
            }

            mapping["request"] = request;
            IList<int> statuses = StatusCodes.Count == 0 ? new List<int> { 200 } : StatusCodes;
            if (statuses.Count == 1)
            {
                mapping["response"] = Response(statuses[0]);
            }
            else
            {
                var responses = new JArray();
                foreach (int status in statuses)
                {
                    responses.Add(Response(status));
                }

                mapping["responses"] = responses;
            }

            return mapping;
        }

        private JObject Response(int status)
        {
            var response = new JObject { ["status"] = status };
            if (ResponseHeaders.Count > 0)
            {
                var headers = new JObject();
                foreach (KeyValuePair<string, string> header in ResponseHeaders)
                {
                    headers[header.Key] = header.Value;
                }

                response["headers"] = headers;
            }

            if (Body != null)
            {
                response["body"] = Body;
            }

            if (DelayMilliseconds != null)
            {
                response["fixedDelayMilliseconds"] = DelayMilliseconds.Value;
            }

            if (Templated)
            {
                response["transformers"] = new JArray("response-template");
            }

            return response;
        }

        private static void AddMatchers(JObject request, string property, IDictionary<string, string> values)
        {
            if (values.Count == 0)
            {
                return;
            }

            var matchers = new JObject();
            foreach (KeyValuePair<string, string> entry in values)
            {
                matchers[entry.Key] = new JObject { ["equalTo"] = entry.Value };
            }

            request[property] = matchers;
        }
    }
}
