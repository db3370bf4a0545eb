using System;
using System.Collections.Generic;
using System.Net;
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

        internal static async Task<EmulatorResponse?> AnswerAsync(StubEngine stubs, HttpListenerRequest request, string body)
        {
            if (stubs.Count == 0 || request.Url == null)
            {
                return null;
            }

            var headers = new List<KeyValuePair<string, string>>();
            foreach (string? name in request.Headers.AllKeys)
            {
                if (name != null)
                {
                    headers.Add(new KeyValuePair<string, string>(name, request.Headers[name] ?? string.Empty));
                }
            }

            StubMatch match = stubs.Match(new StubRequest(request.HttpMethod, request.Url, headers, body));
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

        /// <summary>The journal entry of a request a simulation answered from the stubs without the network.</summary>
        internal static JournalEntry ToJournalEntry(StubExchange exchange, DateTimeOffset time, int bodyLimit)
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
            body = body.Length > bodyLimit ? body.Substring(0, bodyLimit) : body;
            return new JournalEntry(request.Method, request.Uri.GetLeftPart(UriPartial.Path), LogRedactor.RedactForm(request.Uri.Query.TrimStart('?')),
                headers, body, exchange.Status, exchange.Delay ?? TimeSpan.Zero, time);
        }
    }
}
