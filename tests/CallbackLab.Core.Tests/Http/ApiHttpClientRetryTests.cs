using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Http;

namespace CallbackLab.Core.Tests.Http
{
    public sealed class ApiHttpClientRetryTests
    {
        private static readonly Uri s_tasks = new Uri("https://api.wxcc-us1.cisco.com/v1/tasks");

        private static ApiRequest PostTask() => new ApiRequest(ApiService.Wxcc, HttpMethod.Post, s_tasks) { Body = "{}", BearerToken = "tok-secret-123" };

        private static ApiRequest GetTasks() => new ApiRequest(ApiService.Wxcc, HttpMethod.Get, s_tasks) { IsIdempotent = true, BearerToken = "tok-secret-123" };

        [Fact]
        public async Task A429IsRetriedAfterTheRetryAfterSecondsEvenForPostTasks()
        {
            var t = new TestClient();
            t.Handler.Then((HttpStatusCode)429, "", ("Retry-After", "1")).Then(HttpStatusCode.Created, "{\"data\":{\"id\":\"t1\"}}");

            ApiResponse response = await t.Send(PostTask());

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(2, response.Attempts);
            Assert.Equal(new[] { TimeSpan.FromSeconds(1) }, t.Waits);
            Assert.Equal(2, t.Handler.Sent.Count);
            Assert.Contains(t.Log.VerboseMessages, m => m.Contains("Retry 1 of 2") && m.Contains("Retry-After: 1"));
        }

        [Fact]
        public async Task A429WithoutRetryAfterWaitsTheRetryInterval()
        {
            var t = new TestClient(new ApiClientOptions { RetryInterval = TimeSpan.FromSeconds(3) });
            t.Handler.Then((HttpStatusCode)429).Then(HttpStatusCode.OK, "[]");
            await t.Send(GetTasks());
            Assert.Equal(new[] { TimeSpan.FromSeconds(3) }, t.Waits);
        }

        [Fact]
        public async Task A503OnPostTasksIsNeverRetriedAndCarriesTheTrackingId()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.ServiceUnavailable, "{\"trackingId\":\"srv-77\",\"error\":{\"key\":\"503\",\"message\":[{\"description\":\"Service down\"}]}}");
            ApiRequest request = PostTask();

            var ex = await Assert.ThrowsAsync<ApiException>(() => t.Send(request));

            Assert.Single(t.Handler.Sent);
            Assert.Empty(t.Waits);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
            Assert.True(ex.IsAmbiguous);
            Assert.Equal("Service down", ex.Description);
            Assert.Equal("srv-77", ex.TrackingId);
            Assert.Same(request, ex.Request);
            Assert.Contains(t.Log.VerboseMessages, m => m.StartsWith("Not retrying POST", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A503WithoutABodyTrackingIdReportsTheOneSent()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.ServiceUnavailable);
            ApiRequest request = PostTask();
            var ex = await Assert.ThrowsAsync<ApiException>(() => t.Send(request));
            Assert.Equal(request.TrackingId, ex.TrackingId);
            Assert.Contains(request.TrackingId, ex.Message);
        }

        [Fact]
        public async Task A503OnAGetIsRetriedUpToTheMaximum()
        {
            var t = new TestClient(new ApiClientOptions { MaximumRetryCount = 3 });
            t.Handler.Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.BadGateway).Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.ServiceUnavailable);
            var ex = await Assert.ThrowsAsync<ApiException>(() => t.Send(GetTasks()));
            Assert.Equal(4, t.Handler.Sent.Count);
            Assert.Equal(4, ex.Attempts);
        }

        [Fact]
        public async Task MaximumRetryCountZeroNeverRetries()
        {
            var t = new TestClient(new ApiClientOptions { MaximumRetryCount = 0 });
            t.Handler.Then((HttpStatusCode)429, "", ("Retry-After", "1"));
            var ex = await Assert.ThrowsAsync<ApiException>(() => t.Send(PostTask()));
            Assert.Equal((HttpStatusCode)429, ex.StatusCode);
            Assert.Single(t.Handler.Sent);
        }

        [Fact]
        public async Task ARefusedConnectionIsRetriedEvenForPostTasksBecauseNothingWasSent()
        {
            var t = new TestClient();
            t.Handler.ThenThrow(new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)))
                .Then(HttpStatusCode.Created, "{}");
            ApiResponse response = await t.Send(PostTask());
            Assert.Equal(2, response.Attempts);
            Assert.Equal(new[] { TimeSpan.FromSeconds(1) }, t.Waits);
        }

        [Fact]
        public async Task ALostConnectionOnPostTasksIsAmbiguousAndNotRetried()
        {
            var t = new TestClient();
            t.Handler.ThenThrow(new HttpRequestException("reset", new System.IO.IOException("connection reset")));
            var ex = await Assert.ThrowsAsync<ApiException>(() => t.Send(PostTask()));
            Assert.Equal(ApiFailureKind.ConnectionLost, ex.Kind);
            Assert.True(ex.IsAmbiguous);
            Assert.Single(t.Handler.Sent);
        }

        [Fact]
        public async Task ATimeoutOnPostTasksIsNotRetriedAndATimeoutOnAGetIs()
        {
            var post = new TestClient(new ApiClientOptions { Timeout = TimeSpan.FromMilliseconds(50) });
            post.Handler.ThenHang();
            var ex = await Assert.ThrowsAsync<ApiException>(() => post.Send(PostTask()));
            Assert.Equal(ApiFailureKind.Timeout, ex.Kind);
            Assert.Single(post.Handler.Sent);

            var get = new TestClient(new ApiClientOptions { Timeout = TimeSpan.FromMilliseconds(50), MaximumRetryCount = 1 });
            get.Handler.ThenHang().Then(HttpStatusCode.OK, "[]");
            ApiResponse response = await get.Send(GetTasks());
            Assert.Equal(2, response.Attempts);
        }

        [Fact]
        public async Task CancellingDuringARetryWaitStopsAtOnce()
        {
            var handler = new ScriptedHandler().Then((HttpStatusCode)429, "", ("Retry-After", "300"));
            using var cts = new CancellationTokenSource();
            var client = new ApiHttpClient(new ApiClientOptions(), handler, (wait, token) =>
            {
                cts.Cancel(); // Ctrl+C while waiting
                return Task.Delay(wait, token);
            });
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(GetTasks(), cts.Token));
            Assert.Single(handler.Sent);
        }

        [Fact]
        public async Task ARetryAfterLongerThanTheMaximumFailsInsteadOfWaiting()
        {
            var t = new TestClient(new ApiClientOptions { MaximumRetryAfter = TimeSpan.FromSeconds(10) });
            t.Handler.Then((HttpStatusCode)429, "", ("Retry-After", "3600"));
            var ex = await Assert.ThrowsAsync<ApiException>(() => t.Send(GetTasks()));
            Assert.Equal((HttpStatusCode)429, ex.StatusCode);
            Assert.Empty(t.Waits);
        }

        [Fact]
        public async Task ABadRequestIsNeverRetried()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.BadRequest, "{\"error\":{\"key\":\"400\",\"message\":[{\"description\":\"destination is invalid\"}]}}");
            var ex = await Assert.ThrowsAsync<ApiException>(() => t.Send(GetTasks()));
            Assert.Equal("destination is invalid", ex.Description);
            Assert.False(ex.IsAmbiguous);
            Assert.Single(t.Handler.Sent);
        }
    }
}
