using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator.Listener;
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

        internal static async Task<EmulatorResponse?> AnswerAsync(StubEngine stubs, IncomingRequest request, Uri baseUri)
        {
            if (stubs.Count == 0)
            {
                return null;
            }

            // The URL the client meant: its Host header (the emulator's own address when it sent none) with the path and query.
            string authority = request.Host.Length > 0 ? request.Host : baseUri.Authority;
            if (!Uri.TryCreate("http://" + authority + request.Path + (request.Query.Length > 0 ? "?" + request.Query : string.Empty), UriKind.Absolute, out Uri? url))
            {
                return null;
            }

            var headers = new List<KeyValuePair<string, string>>(request.Fields);
            string body = request.Body;
            StubMatch match = stubs.Match(new StubRequest(request.Method, url, headers, body));
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

        /// <summary>The journal entry of a request a simulation answered from the stubs without the network (redacted and capped like any other).</summary>
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

            return JournalEntry.Capped(request.Method, request.Uri.GetLeftPart(UriPartial.Path), LogRedactor.RedactQuery(request.Uri.Query.TrimStart('?')),
                headers, LogRedactor.RedactBody(request.Body, contentType), exchange.Status, exchange.Delay ?? TimeSpan.Zero, time);
        }
    }
}
