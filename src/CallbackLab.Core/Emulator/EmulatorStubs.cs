using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Threading.Tasks;
using CallbackLab.Core.Http;
using CallbackLab.Core.Stubs;

namespace CallbackLab.Core.Emulator
{
    /// <summary>
    /// The emulator's stubs: a request a stub matches is answered by it before the built-in routes (a stub may override
    /// MockAPI or WxCC); any other request goes on to the built-in routes. Requests that simulations answered from the same
    /// stubs in process are journalled too, with the full URL as their path.
    /// </summary>
    internal static class EmulatorStubs
    {
        /// <summary>The longest a stub's delay is really waited for by the emulator.</summary>
        private static readonly TimeSpan s_maxDelay = TimeSpan.FromMinutes(1);

        /// <summary>The journal keeps this many characters of a stubbed request's body, like the emulator's own entries.</summary>
        private const int JournalBodyLimit = 64 * 1024;

        /// <summary>The stub's answer to a request the emulator received, or null when no stub matches (the built-in routes answer).</summary>
        /// <param name="stubs">The emulator's stubs.</param>
        /// <param name="method">The method.</param>
        /// <param name="url">The URL as the client asked it (<see cref="UrlOf"/>).</param>
        /// <param name="headers">The request headers.</param>
        /// <param name="body">The body text.</param>
        internal static async Task<EmulatorResponse?> AnswerAsync(StubEngine stubs, string method, Uri url, NameValueCollection headers, string body)
        {
            if (stubs.Count == 0)
            {
                return null;
            }

            var fields = new List<KeyValuePair<string, string>>();
            foreach (string? name in headers.AllKeys)
            {
                if (name != null)
                {
                    fields.Add(new KeyValuePair<string, string>(name, headers[name] ?? string.Empty));
                }
            }

            StubMatch match = stubs.Match(new StubRequest(method, url, fields, body));
            if (!(match.Answer is StubAnswer answer))
            {
                return null;
            }

            if (answer.Delay is TimeSpan delay && delay > TimeSpan.Zero)
            {
                await Task.Delay(delay < s_maxDelay ? delay : s_maxDelay).ConfigureAwait(false);
            }

            if (answer.Fault != StubFault.None)
            {
                return EmulatorResponse.Dropped();
            }

            EmulatorResponse response = EmulatorResponse.Raw(answer.Status, answer.Body);
            foreach (KeyValuePair<string, string> header in answer.Headers)
            {
                if (string.Equals(header.Key, "Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    response.ContentType = header.Value;
                }
                else if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    response.WithHeader(header.Key, header.Value);
                }
            }

            return response;
        }

        /// <summary>
        /// The absolute URL of a request to the emulator: its Host header (so a stub with a host answers a client that names that
        /// host) with the path and query; the emulator's own address when the Host header is missing or not a host.
        /// </summary>
        internal static Uri UrlOf(string? host, string path, string query, Uri emulatorBase)
        {
            string suffix = (path.StartsWith("/", StringComparison.Ordinal) ? path : "/" + path) + (query.Length > 0 ? "?" + query : string.Empty);
            if (!string.IsNullOrEmpty(host) && Uri.TryCreate("http://" + host + suffix, UriKind.Absolute, out Uri? named))
            {
                return named;
            }

            return new Uri(emulatorBase, suffix);
        }

        /// <summary>The journal entry of a request a simulation answered from the stubs without the network.</summary>
        internal static JournalEntry ToJournalEntry(StubExchange exchange, DateTimeOffset time)
        {
            StubRequest request = exchange.Request;
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string? contentType = null;
            foreach (KeyValuePair<string, string> header in request.Headers)
            {
                headers[header.Key] = LogRedactor.RedactHeader(header.Key, header.Value);
                if (string.Equals(header.Key, "Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    contentType = header.Value;
                }
            }

            if (exchange.Unmatched != null)
            {
                headers["X-CallbackLab-Unmatched"] = exchange.Unmatched.ClosestStubName ?? "(no stub)";
            }

            string body = request.Body.Length == 0 ? string.Empty : LogRedactor.RedactBody(request.Body, contentType);
            body = body.Length > JournalBodyLimit ? body.Substring(0, JournalBodyLimit) : body;
            return new JournalEntry(request.Method, request.Uri.GetLeftPart(UriPartial.Path), LogRedactor.RedactForm(request.Uri.Query.TrimStart('?')),
                headers, body, exchange.Status, exchange.Delay ?? TimeSpan.Zero, time);
        }
    }
}
