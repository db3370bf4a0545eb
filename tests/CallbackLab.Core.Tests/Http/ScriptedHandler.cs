using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CallbackLab.Core.Tests.Http
{
    /// <summary>An in-memory transport for unit tests of the HTTP layer: answers from a script and records what was sent.</summary>
    internal sealed class ScriptedHandler : HttpMessageHandler
    {
        private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _answers =
            new Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>>();

        public List<(HttpMethod Method, Uri Uri, Dictionary<string, string> Headers, string? Body)> Sent { get; } =
            new List<(HttpMethod, Uri, Dictionary<string, string>, string?)>();

        public ScriptedHandler Then(HttpStatusCode status, string body = "", params (string Name, string Value)[] headers)
        {
            _answers.Enqueue((request, token) =>
            {
                var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json"), RequestMessage = request };
                foreach ((string name, string value) in headers)
                {
                    response.Headers.TryAddWithoutValidation(name, value);
                }

                return Task.FromResult(response);
            });
            return this;
        }

        public ScriptedHandler ThenThrow(Exception exception)
        {
            _answers.Enqueue((request, token) => Task.FromException<HttpResponseMessage>(exception));
            return this;
        }

        public ScriptedHandler ThenHang()
        {
            _answers.Enqueue(async (request, token) =>
            {
                await Task.Delay(Timeout.Infinite, token).ConfigureAwait(false);
                throw new InvalidOperationException("unreachable");
            });
            return this;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in request.Headers)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }

            string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (request.Content != null)
            {
                headers["Content-Type"] = request.Content.Headers.ContentType!.ToString();
                if (request.Content.Headers.ContentLength is long length)
                {
                    headers["Content-Length"] = length.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            Sent.Add((request.Method, request.RequestUri!, headers, body));
            if (_answers.Count == 0)
            {
                throw new InvalidOperationException("The test script has no answer left for " + request.Method + " " + request.RequestUri);
            }

            return await _answers.Dequeue()(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
