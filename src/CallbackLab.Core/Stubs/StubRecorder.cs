using System;
using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Http;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Stubs
{
    /// <summary>
    /// Record once, replay offline: keeps every real exchange and turns them into stubs. Requests to the same method, URL
    /// and non-secret query become one stub whose answers replay in the order they came (a sequence). Secrets are masked
    /// with <see cref="LogRedactor"/>: secret query parameters are left out of the match, secret and volatile response
    /// headers are dropped, secret body fields masked, and any bearer or API key the request carried is scrubbed from the body.
    /// </summary>
    public sealed class StubRecorder
    {
        private static readonly HashSet<string> s_droppedHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Date", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Server", "Age", "Expires", "ETag", "Last-Modified",
            "Strict-Transport-Security", "Alt-Svc", "Via", "X-Request-Id", "TrackingID", "Report-To", "NEL",
        };

        private readonly object _sync = new object();
        private readonly List<Recording> _recordings = new List<Recording>();

        /// <summary>How many exchanges were recorded.</summary>
        public int ExchangeCount
        {
            get
            {
                lock (_sync)
                {
                    return _recordings.Sum(r => r.Responses.Count);
                }
            }
        }

        /// <summary>Records one real exchange.</summary>
        public void Record(StubRequest request, int status, IReadOnlyDictionary<string, string> responseHeaders, string responseBody)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            JObject response = RedactedResponse(request, status, responseHeaders ?? new Dictionary<string, string>(), responseBody ?? string.Empty);
            JObject query = NonSecretQuery(request);
            string key = request.Method + " " + request.AbsoluteUrlWithoutQuery + "?" + query.ToString(Newtonsoft.Json.Formatting.None);
            lock (_sync)
            {
                Recording? recording = _recordings.FirstOrDefault(r => r.Key == key);
                if (recording == null)
                {
                    recording = new Recording(key, request.Method, request.AbsoluteUrlWithoutQuery, query);
                    _recordings.Add(recording);
                }

                recording.Responses.Add(response);
            }
        }

        /// <summary>The recorded exchanges as stubs, in the order their first request came.</summary>
        public IReadOnlyList<Stub> ToStubs()
        {
            lock (_sync)
            {
                return _recordings.Select(r => StubReader.ReadMapping(r.ToMapping())).ToList();
            }
        }

        private static string[] QueryNames(string query) =>
            query.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(part => Uri.UnescapeDataString((part.IndexOf('=') < 0 ? part : part.Substring(0, part.IndexOf('='))).Replace('+', ' ')))
                .ToArray();

        private static JObject NonSecretQuery(StubRequest request)
        {
            var query = new JObject();
            string text = request.Uri.Query.TrimStart('?');
            string[] names = QueryNames(text);
            foreach (string part in text.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = part.IndexOf('=');
                string name = Uri.UnescapeDataString((eq < 0 ? part : part.Substring(0, eq)).Replace('+', ' '));
                if (!LogRedactor.IsSecretParameter(name, names) && query[name] == null)
                {
                    query[name] = new JObject { ["equalTo"] = FirstOrEmpty(request.QueryValues(name)) };
                }
            }

            return query;
        }

        private static JObject RedactedResponse(StubRequest request, int status, IReadOnlyDictionary<string, string> headers, string body)
        {
            var kept = new JObject();
            string? contentType = null;
            foreach (KeyValuePair<string, string> header in headers)
            {
                if (string.Equals(header.Key, "Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    contentType = header.Value;
                }

                if (!LogRedactor.IsSecretHeader(header.Key) && !s_droppedHeaders.Contains(header.Key))
                {
                    kept[header.Key] = header.Value;
                }
            }

            string redacted = LogRedactor.RedactBody(body, contentType ?? "application/json");
            // A secret the request carried (bearer, API key header, token in the query) is removed wherever the answer echoes it.
            foreach (KeyValuePair<string, string> header in request.Headers)
            {
                if (LogRedactor.IsSecretHeader(header.Key))
                {
                    int space = header.Value.IndexOf(' ');
                    redacted = LogRedactor.Scrub(redacted, space > 0 ? header.Value.Substring(space + 1) : header.Value);
                }
            }

            string[] queryNames = QueryNames(request.Uri.Query.TrimStart('?'));
            foreach (string part in request.Uri.Query.TrimStart('?').Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = part.IndexOf('=');
                string name = Uri.UnescapeDataString((eq < 0 ? part : part.Substring(0, eq)).Replace('+', ' '));
                if (eq > 0 && LogRedactor.IsSecretParameter(name, queryNames))
                {
                    redacted = LogRedactor.Scrub(redacted, Uri.UnescapeDataString(part.Substring(eq + 1).Replace('+', ' ')));
                }
            }

            var response = new JObject { ["status"] = status };
            if (kept.Count > 0)
            {
                response["headers"] = kept;
            }

            response["body"] = redacted;
            return response;
        }

        private sealed class Recording
        {
            internal Recording(string key, string method, string url, JObject query)
            {
                Key = key;
                Method = method;
                Url = url;
                Query = query;
            }

            internal string Key { get; }

            internal string Method { get; }

            internal string Url { get; }

            internal JObject Query { get; }

            internal List<JObject> Responses { get; } = new List<JObject>();

            internal JObject ToMapping()
            {
                var request = new JObject { ["method"] = Method, ["urlPath"] = Url };
                if (Query.Count > 0)
                {
                    request["queryParameters"] = Query;
                }

                var mapping = new JObject
                {
                    ["name"] = "Recorded " + Method + " " + Url,
                    ["request"] = request,
                };
                if (Responses.Count == 1)
                {
                    mapping["response"] = Responses[0];
                }
                else
                {
                    mapping["responses"] = new JArray(Responses);
                }

                mapping["metadata"] = new JObject { ["recordedBy"] = "CallbackLab", ["recordedAt"] = DateTimeOffset.UtcNow.ToString("o", System.Globalization.CultureInfo.InvariantCulture) };
                return mapping;
            }
        }

        private static string FirstOrEmpty(IReadOnlyList<string> values) => values.Count > 0 ? values[0] : string.Empty;
    }
}
