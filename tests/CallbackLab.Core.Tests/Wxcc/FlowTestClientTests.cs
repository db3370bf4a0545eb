using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Http;
using CallbackLab.Core.Tests.Http;
using CallbackLab.Core.Wxcc;

namespace CallbackLab.Core.Tests.Wxcc
{
    public sealed class FlowTestClientTests
    {
        private static readonly WxccConnection s_connection = WxccConnection.WithAccessToken(new Uri("https://api.wxcc-us1.cisco.com"), "TOKEN");

        [Fact]
        public async Task SendsAnExecuteFlowTaskAndReadsTheTaskId()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.Created, "{\"meta\":{\"orgId\":\"org-1\"},\"data\":{\"id\":\"task-9\"}}");
            var client = new FlowTestClient(s_connection, t.Client);
            var task = new ExecuteFlowTaskRequest("ep-in", "14085550100", "+19725550199");

            WxccFlowTest started = await client.StartAsync(task, client.NewRequest(task), CancellationToken.None);

            Assert.Equal(new Uri("https://api.wxcc-us1.cisco.com/v1/tasks"), t.Handler.Sent[0].Uri);
            Assert.Equal(
                "{\"entryPointId\":\"ep-in\",\"destination\":\"14085550100\",\"origin\":\"+19725550199\",\"outboundType\":\"EXECUTE_FLOW\",\"mediaType\":\"telephony\"}",
                t.Handler.Sent[0].Body);
            Assert.Equal(("task-9", "org-1", 201, "ep-in", "14085550100", "+19725550199"),
                (started.TaskId, started.OrgId, started.StatusCode, started.EntryPointId, started.Destination, started.Origin));
        }

        [Fact]
        public void WithoutAnOriginTheFieldIsLeftOut()
        {
            var task = new ExecuteFlowTaskRequest("ep", "1", null);
            Assert.Empty(task.Validate());
            Assert.Equal("{\"entryPointId\":\"ep\",\"destination\":\"1\",\"outboundType\":\"EXECUTE_FLOW\",\"mediaType\":\"telephony\"}", task.ToJson());
        }

        [Fact]
        public void AttributesAreSentInOrder()
        {
            var task = new ExecuteFlowTaskRequest("ep", "1", "2")
            {
                Attributes = new[] { new System.Collections.Generic.KeyValuePair<string, string>("b", "1"), new System.Collections.Generic.KeyValuePair<string, string>("a", "2") },
            };
            Assert.Contains("\"attributes\":{\"b\":\"1\",\"a\":\"2\"}", task.ToJson(), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("", "1", "2", "entryPointId is required.")]
        [InlineData("ep", "1", "1234567890123456789012345678901234567", "origin is 37 characters; the API allows at most 36.")]
        [InlineData("ep", "1234567890123456789012345678901234567", "2", "destination is 37 characters; the API allows at most 36.")]
        public async Task AnInvalidTaskIsRefusedBeforeAnythingIsSent(string entryPoint, string destination, string origin, string problem)
        {
            var t = new TestClient();
            var client = new FlowTestClient(s_connection, t.Client);
            var task = new ExecuteFlowTaskRequest(entryPoint, destination, origin);
            var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.StartAsync(task, client.NewRequest(task), CancellationToken.None));
            Assert.StartsWith(problem, ex.Message, StringComparison.Ordinal);
            Assert.Empty(t.Handler.Sent);
        }

        [Theory]
        [InlineData(HttpStatusCode.InternalServerError)]
        [InlineData(HttpStatusCode.ServiceUnavailable)]
        [InlineData(HttpStatusCode.GatewayTimeout)]
        public async Task AnAmbiguousFailureIsNeverRetried(HttpStatusCode status)
        {
            var t = new TestClient();
            t.Handler.Then(status).Then(HttpStatusCode.Created, "{\"data\":{\"id\":\"twice\"}}");
            var client = new FlowTestClient(s_connection, t.Client);
            var task = new ExecuteFlowTaskRequest("ep", "1", "2");
            var ex = await Assert.ThrowsAsync<ApiException>(() => client.StartAsync(task, client.NewRequest(task), CancellationToken.None));
            Assert.True(ex.IsAmbiguous);
            Assert.Single(t.Handler.Sent);
            Assert.Contains(t.Log.VerboseMessages, m => m.Contains("not idempotent", StringComparison.Ordinal));
        }

        [Fact]
        public async Task ATimeoutIsNeverRetried()
        {
            var t = new TestClient(new ApiClientOptions { Timeout = TimeSpan.FromMilliseconds(50) });
            t.Handler.ThenHang().Then(HttpStatusCode.Created, "{\"data\":{\"id\":\"twice\"}}");
            var client = new FlowTestClient(s_connection, t.Client);
            var task = new ExecuteFlowTaskRequest("ep", "1", "2");
            var ex = await Assert.ThrowsAsync<ApiException>(() => client.StartAsync(task, client.NewRequest(task), CancellationToken.None));
            Assert.Equal(ApiFailureKind.Timeout, ex.Kind);
            Assert.Single(t.Handler.Sent);
        }

        [Fact]
        public async Task A429IsRetriedBecauseNothingRan()
        {
            var t = new TestClient();
            t.Handler.Then((HttpStatusCode)429, string.Empty, ("Retry-After", "2")).Then(HttpStatusCode.Created, "{\"data\":{\"id\":\"t1\"}}");
            var client = new FlowTestClient(s_connection, t.Client);
            var task = new ExecuteFlowTaskRequest("ep", "1", "2");
            WxccFlowTest started = await client.StartAsync(task, client.NewRequest(task), CancellationToken.None);
            Assert.Equal("t1", started.TaskId);
            Assert.Equal(new[] { TimeSpan.FromSeconds(2) }, t.Waits);
            Assert.Equal(t.Handler.Sent[0].Headers["TrackingId"], t.Handler.Sent[1].Headers["TrackingId"]);
        }

        [Theory]
        [InlineData(HttpStatusCode.Unauthorized)]
        [InlineData(HttpStatusCode.Forbidden)]
        [InlineData(HttpStatusCode.BadRequest)]
        public async Task RefusalsAreNotRetried(HttpStatusCode status)
        {
            var t = new TestClient();
            t.Handler.Then(status);
            var client = new FlowTestClient(s_connection, t.Client);
            var task = new ExecuteFlowTaskRequest("ep", "1", "2");
            var ex = await Assert.ThrowsAsync<ApiException>(() => client.StartAsync(task, client.NewRequest(task), CancellationToken.None));
            Assert.Equal(status, ex.StatusCode);
            Assert.Equal(HttpMethod.Post, ex.Request.Method);
            Assert.Single(t.Handler.Sent);
        }

        [Fact]
        public async Task A201WithoutAnIdSaysTheRunWasRequested()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.Created, "not json");
            var client = new FlowTestClient(s_connection, t.Client);
            var task = new ExecuteFlowTaskRequest("ep", "1", "2");
            var ex = await Assert.ThrowsAsync<ApiException>(() => client.StartAsync(task, client.NewRequest(task), CancellationToken.None));
            Assert.True(ex.TaskWasCreated);
            Assert.Contains("do not retry", ex.Message, StringComparison.Ordinal);
        }
    }
}
