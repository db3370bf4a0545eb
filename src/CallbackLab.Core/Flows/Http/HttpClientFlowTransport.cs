using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Http;

namespace CallbackLab.Core.Flows.Http
{
    /// <summary>Sends flow requests with one shared <see cref="HttpClient"/> (connections are pooled across simulations).</summary>
    public sealed class HttpClientFlowTransport : IFlowHttpTransport
    {
        private static readonly Lazy<HttpClientFlowTransport> s_shared =
            new Lazy<HttpClientFlowTransport>(() => new HttpClientFlowTransport(CreateClient()));

        private readonly HttpClient _client;

        /// <summary>Wraps <paramref name="client"/>; the caller keeps ownership.</summary>
        public HttpClientFlowTransport(HttpClient client)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
        }

        /// <summary>The process-wide transport (stateless apart from its connection pool, so sharing it across runspaces is safe).</summary>
        public static HttpClientFlowTransport Shared => s_shared.Value;

        /// <inheritdoc />
        public async Task<FlowHttpResponse> SendAsync(FlowHttpRequest request, TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Uri);
            if (request.Body != null && request.Method != "GET" && request.Method != "HEAD")
            {
                message.Content = new StringContent(request.Body, Encoding.UTF8);
                message.Content.Headers.ContentType = new MediaTypeHeaderValue(request.ContentType ?? "application/json") { CharSet = "utf-8" };
            }

            foreach (KeyValuePair<string, string> header in request.Headers)
            {
                if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value))
                {
                    message.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(timeout);
            try
            {
                using HttpResponseMessage response = await _client.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeoutSource.Token).ConfigureAwait(false);
                string body = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                return new FlowHttpResponse((int)response.StatusCode, body, ApiHttpClient.CollectHeaders(response));
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new FlowHttpTransportException(
                    "No response from " + request.Uri.GetLeftPart(UriPartial.Path) + " within " + (int)timeout.TotalMilliseconds + " ms.", timedOut: true, ex);
            }
            catch (HttpRequestException ex)
            {
                throw new FlowHttpTransportException(
                    "The request to " + request.Uri.GetLeftPart(UriPartial.Path) + " failed: " + (ex.InnerException?.Message ?? ex.Message), timedOut: false, ex);
            }
        }

        private static HttpClient CreateClient()
        {
            // The per-request timeout is the activity's httpResponseTimeout; the client itself never times out first.
            // The handler keeps no cookies and follows no redirect: a flow's 3xx is its answer, as in Flow Designer.
            return new HttpClient(SharedHttpHandler.Create()) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }
    }
}
