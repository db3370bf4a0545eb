using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Http;

namespace CallbackLab.Core.Tests.Http
{
    /// <summary>
    /// Real sockets on 127.0.0.1 (no emulator needed): a refused connection is classified as never sent and retried,
    /// a connection closed after the request was read is ambiguous and a POST is not retried.
    /// </summary>
    public sealed class ApiHttpClientTransportTests
    {
        private static (ApiHttpClient Client, List<TimeSpan> Waits) RealTransport(int retries)
        {
            var waits = new List<TimeSpan>();
            var client = new ApiHttpClient(new ApiClientOptions { MaximumRetryCount = retries, Timeout = TimeSpan.FromSeconds(10) }, null, (wait, token) =>
            {
                waits.Add(wait);
                return Task.CompletedTask;
            });
            return (client, waits);
        }

        [Fact]
        public async Task ARefusedConnectionIsRetriedAsNeverSent()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop(); // nothing listens there now

            (ApiHttpClient client, List<TimeSpan> waits) = RealTransport(retries: 2);
            var request = new ApiRequest(ApiService.Wxcc, HttpMethod.Post, new Uri($"http://127.0.0.1:{port}/v1/tasks")) { Body = "{}" };

            var ex = await Assert.ThrowsAsync<ApiException>(() => client.SendAsync(request, CancellationToken.None));

            Assert.Equal(ApiFailureKind.ConnectFailure, ex.Kind);
            Assert.False(ex.IsAmbiguous);
            Assert.Equal(3, ex.Attempts);
            Assert.Equal(2, waits.Count);
        }

        [Fact]
        public async Task AConnectionClosedAfterThePostWasReadIsAmbiguousAndNotRetried()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            int accepted = 0;
            Task server = Task.Run(async () =>
            {
                using TcpClient peer = await listener.AcceptTcpClientAsync();
                Interlocked.Increment(ref accepted);
                var buffer = new byte[4096];
                string received = string.Empty;
                while (!received.EndsWith("\r\n\r\n{}", StringComparison.Ordinal))  // the whole request arrived...
                {
                    int read = await peer.GetStream().ReadAsync(buffer.AsMemory());
                    if (read == 0)
                    {
                        break;
                    }

                    received += System.Text.Encoding.ASCII.GetString(buffer, 0, read);
                }

                peer.Client.LingerState = new LingerOption(true, 0);       // ...and the connection dies without an answer
            });

            try
            {
                (ApiHttpClient client, List<TimeSpan> waits) = RealTransport(retries: 2);
                var request = new ApiRequest(ApiService.Wxcc, HttpMethod.Post, new Uri($"http://127.0.0.1:{port}/v1/tasks")) { Body = "{}" };

                var ex = await Assert.ThrowsAsync<ApiException>(() => client.SendAsync(request, CancellationToken.None));

                Assert.Equal(ApiFailureKind.ConnectionLost, ex.Kind);
                Assert.True(ex.IsAmbiguous);
                Assert.Equal(1, ex.Attempts);
                Assert.Empty(waits);
                await server;
                Assert.Equal(1, accepted);
            }
            finally
            {
                listener.Stop();
            }
        }

        [Fact]
        public async Task ARedirectIsNotFollowedSoTheBearerTokenNeverReachesTheLocation()
        {
            using var server = new RedirectingServer();
            var client = new ApiHttpClient(new ApiClientOptions { MaximumRetryCount = 0, Timeout = TimeSpan.FromSeconds(10) });
            var request = new ApiRequest(ApiService.Wxcc, HttpMethod.Get, server.Uri) { BearerToken = "redirect-me-token", IsIdempotent = true };

            var ex = await Assert.ThrowsAsync<ApiException>(() => client.SendAsync(request, CancellationToken.None));

            Assert.Equal(ApiFailureKind.HttpStatus, ex.Kind);
            Assert.Equal(HttpStatusCode.Redirect, ex.StatusCode);
            Assert.Contains("Authorization: Bearer redirect-me-token", await server.Served);
            Assert.False(server.SomethingWentElsewhere);
        }

        [Fact]
        public async Task TheFlowTransportAnswersTheRedirectItselfAndGoesNowhereElse()
        {
            using var server = new RedirectingServer();
            var request = new Core.Flows.Http.FlowHttpRequest(
                "GET", server.Uri, new[] { new KeyValuePair<string, string>("Authorization", "Bearer flow-token") }, null, null);

            var response = await Core.Flows.Http.HttpClientFlowTransport.Shared.SendAsync(request, TimeSpan.FromSeconds(10), CancellationToken.None);

            Assert.Equal(302, response.StatusCode);
            Assert.Contains("Authorization: Bearer flow-token", await server.Served);
            Assert.False(server.SomethingWentElsewhere);
        }

        [Fact]
        public void TheSharedHandlerKeepsNoCookiesFollowsNoRedirectsAndPoolsEnoughConnections()
        {
            using var handler = SharedHttpHandler.Create();
            Assert.False(handler.UseCookies);
            Assert.False(handler.AllowAutoRedirect);
            Assert.Equal(64, handler.MaxConnectionsPerServer);
        }
    }
}
