using System;
using System.Collections.Generic;
using System.Linq;

namespace CallbackLab.Core.Stubs
{
    /// <summary>What a request must look like for a stub to answer it. Every constraint given must hold.</summary>
    public sealed class StubRequestPattern
    {
        /// <summary>Creates a pattern; null or empty parts do not constrain.</summary>
        public StubRequestPattern(
            string? method,
            UrlMatcher? url,
            string? scheme = null,
            StringMatcher? host = null,
            int? port = null,
            IReadOnlyList<KeyValuePair<string, StringMatcher>>? queryParameters = null,
            IReadOnlyList<KeyValuePair<string, StringMatcher>>? headers = null,
            IReadOnlyList<BodyMatcher>? bodyPatterns = null)
        {
            Method = NullableStrings.IsNullOrEmpty(method) || string.Equals(method, "ANY", StringComparison.OrdinalIgnoreCase) ? null : method.ToUpperInvariant();
            Url = url ?? new UrlMatcher(UrlMatchKind.Any, null);
            Scheme = string.IsNullOrEmpty(scheme) ? null : scheme;
            Host = host;
            Port = port;
            QueryParameters = queryParameters ?? Array.Empty<KeyValuePair<string, StringMatcher>>();
            Headers = headers ?? Array.Empty<KeyValuePair<string, StringMatcher>>();
            BodyPatterns = bodyPatterns ?? Array.Empty<BodyMatcher>();
            Specificity = ComputeSpecificity();
        }

        /// <summary>The method, upper case; null for any (<c>ANY</c>).</summary>
        public string? Method { get; }

        /// <summary>The URL constraint.</summary>
        public UrlMatcher Url { get; }

        /// <summary>The scheme (<c>http</c>, <c>https</c>); null for any.</summary>
        public string? Scheme { get; }

        /// <summary>The host constraint; null for any.</summary>
        public StringMatcher? Host { get; }

        /// <summary>The port; null for any.</summary>
        public int? Port { get; }

        /// <summary>Query parameter constraints (names case-sensitive).</summary>
        public IReadOnlyList<KeyValuePair<string, StringMatcher>> QueryParameters { get; }

        /// <summary>Header constraints (names in any case).</summary>
        public IReadOnlyList<KeyValuePair<string, StringMatcher>> Headers { get; }

        /// <summary>Body patterns; all must match.</summary>
        public IReadOnlyList<BodyMatcher> BodyPatterns { get; }

        /// <summary>
        /// How specific the pattern is: among stubs of the same priority the most specific answers. An exact URL outweighs a
        /// pattern, a pattern outweighs no URL; each method, scheme, host, port, query, header and body constraint adds to it.
        /// </summary>
        public int Specificity { get; }

        /// <summary>True when every constraint holds for <paramref name="request"/>.</summary>
        public bool IsMatch(StubRequest request)
        {
            if (Method != null && !string.Equals(Method, request.Method, StringComparison.Ordinal))
            {
                return false;
            }

            if (!Url.IsMatch(request) || !ServerMatches(request))
            {
                return false;
            }

            for (int i = 0; i < QueryParameters.Count; i++)
            {
                if (!QueryParameters[i].Value.IsMatchAny(request.QueryValues(QueryParameters[i].Key)))
                {
                    return false;
                }
            }

            for (int i = 0; i < Headers.Count; i++)
            {
                if (!Headers[i].Value.IsMatchAny(request.HeaderValues(Headers[i].Key)))
                {
                    return false;
                }
            }

            for (int i = 0; i < BodyPatterns.Count; i++)
            {
                if (!BodyPatterns[i].IsMatch(request))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Every constraint <paramref name="request"/> breaks, as sentences (empty when it matches), and whether the URL part
        /// (URL, scheme, host, port) was among them: a near miss on the URL is a worse candidate than one on a header.
        /// </summary>
        public IReadOnlyList<string> Explain(StubRequest request, out bool urlMismatch)
        {
            var reasons = new List<string>();
            urlMismatch = false;
            if (Method != null && !string.Equals(Method, request.Method, StringComparison.Ordinal))
            {
                reasons.Add("method: expected " + Method + ", got " + request.Method);
            }

            if (!Url.IsMatch(request))
            {
                urlMismatch = true;
                reasons.Add("URL: expected " + Url + ", got '" + (Url.IsAbsolute ? request.AbsoluteUrl : request.PathAndQuery) + "'");
            }

            if (Scheme != null && !string.Equals(Scheme, request.Uri.Scheme, StringComparison.OrdinalIgnoreCase))
            {
                urlMismatch = true;
                reasons.Add("scheme: expected " + Scheme + ", got " + request.Uri.Scheme);
            }

            if (Host != null && !Host.IsMatch(request.Uri.Host))
            {
                urlMismatch = true;
                reasons.Add("host: expected " + Host + ", got '" + request.Uri.Host + "'");
            }

            if (Port != null && Port != request.Uri.Port)
            {
                urlMismatch = true;
                reasons.Add("port: expected " + Port + ", got " + request.Uri.Port);
            }

            foreach (KeyValuePair<string, StringMatcher> query in QueryParameters)
            {
                IReadOnlyList<string> values = request.QueryValues(query.Key);
                if (!query.Value.IsMatchAny(values))
                {
                    reasons.Add("query '" + query.Key + "': expected " + query.Value + ", got " + Quote(values));
                }
            }

            foreach (KeyValuePair<string, StringMatcher> header in Headers)
            {
                IReadOnlyList<string> values = request.HeaderValues(header.Key);
                if (!header.Value.IsMatchAny(values))
                {
                    // The value of a secret header is never repeated: the reason says only that it differed.
                    string got = Http.LogRedactor.IsSecretHeader(header.Key) && values.Count > 0 ? "another value" : Quote(values);
                    string expected = Http.LogRedactor.IsSecretHeader(header.Key) ? header.Value.KindName + " (a secret value)" : header.Value.ToString();
                    reasons.Add("header '" + header.Key + "': expected " + expected + ", got " + got);
                }
            }

            foreach (BodyMatcher body in BodyPatterns)
            {
                if (!body.IsMatch(request))
                {
                    reasons.Add(body + ": " + (body.Kind != BodyMatchKind.Text && request.Json == null ? "the body is not JSON" : "no match"));
                }
            }

            return reasons;
        }

        /// <summary>The pattern in one line, e.g. <c>POST urlPath '/v1/x' host equalTo 'a.b'</c>.</summary>
        public override string ToString()
        {
            var parts = new List<string> { Method ?? "ANY", Url.ToString() };
            if (Scheme != null) parts.Add("scheme " + Scheme);
            if (Host != null) parts.Add("host " + Host);
            if (Port != null) parts.Add("port " + Port);
            parts.AddRange(QueryParameters.Select(q => "query " + q.Key + " " + q.Value));
            parts.AddRange(Headers.Select(h => "header " + h.Key + " " + h.Value));
            parts.AddRange(BodyPatterns.Select(b => b.ToString()));
            return string.Join(" ", parts);
        }

        private bool ServerMatches(StubRequest request) =>
            (Scheme == null || string.Equals(Scheme, request.Uri.Scheme, StringComparison.OrdinalIgnoreCase))
            && (Host == null || Host.IsMatch(request.Uri.Host))
            && (Port == null || Port == request.Uri.Port);

        private int ComputeSpecificity()
        {
            int score = Method != null ? 1 : 0;
            switch (Url.Kind)
            {
                case UrlMatchKind.Url:
                    score += 40;
                    break;
                case UrlMatchKind.UrlPath:
                    score += 30;
                    break;
                case UrlMatchKind.UrlPathTemplate:
                    score += 20;
                    break;
                case UrlMatchKind.Any:
                    break;
                default:
                    score += 10;
                    break;
            }

            if (Url.IsAbsolute) score += 5;
            if (Scheme != null) score += 1;
            if (Host != null) score += Host.Kind == StringMatchKind.EqualTo ? 5 : 3;
            if (Port != null) score += 1;
            return score + (2 * (QueryParameters.Count + Headers.Count + BodyPatterns.Count));
        }

        private static string Quote(IReadOnlyList<string> values) =>
            values.Count == 0 ? "(absent)" : string.Join(", ", values.Select(v => "'" + (v.Length > 80 ? v.Substring(0, 80) + "…" : v) + "'"));
    }
}
