using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;
using CallbackLab.Core.Http;
using CallbackLab.Core.Tests.Http;
using CallbackLab.Core.Wxcc;

namespace CallbackLab.Core.Tests.Wxcc
{
    /// <summary>A 201 whose body cannot be read still means the task exists; a dropped connection has no status.</summary>
    public sealed class CreatedTaskAnswerTests
    {
        private static readonly WxccConnection s_connection = WxccConnection.WithAccessToken(new Uri("https://api.wxcc-us1.cisco.com"), "TOKEN");

        [Theory]
        [InlineData("not json")]
        [InlineData("[1]")]
        [InlineData("{\"meta\":{\"orgId\":\"o\"}}")]
        [InlineData("{\"data\":{\"id\":7}}")]
        [InlineData("")]
        public async Task A201WithoutAReadableDataIdSaysTheTaskWasCreated(string body)
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.Created, body);
            var client = new WxccClient(s_connection, t.Client);
            var task = new CallbackTaskRequest("ep-1", "14085267209");
            ApiException ex = await Assert.ThrowsAsync<ApiException>(() => client.CreateCallbackTaskAsync(task, client.NewCreateTaskRequest(task), CancellationToken.None));
            Assert.Equal(ApiFailureKind.InvalidResponse, ex.Kind);
            Assert.Equal(HttpStatusCode.Created, ex.StatusCode);
            Assert.True(ex.TaskWasCreated);
            Assert.Contains("the task was created", ex.Message);
            Assert.Single(t.Handler.Sent);
        }

        [Fact]
        public async Task ADroppedConnectionHasNoStatusCode()
        {
            using var emulator = LabEmulator.Start();
            emulator.SetFault(new FaultRule { PathPattern = "/v1/tasks", Method = "POST", DropConnection = true });
            var http = new ApiHttpClient(new ApiClientOptions { MaximumRetryCount = 0 });
            var client = new WxccClient(WxccConnection.WithAccessToken(emulator.WxccUri, emulator.AccessToken), http);
            var task = new CallbackTaskRequest(LabSeed.LabOutboundEntryPointId, LabSeed.LabTacNumber);
            ApiException ex = await Assert.ThrowsAsync<ApiException>(() => client.CreateCallbackTaskAsync(task, client.NewCreateTaskRequest(task), CancellationToken.None));
            Assert.Equal(ApiFailureKind.ConnectionLost, ex.Kind);
            Assert.Null(ex.StatusCode);
            Assert.Equal(0, Assert.Single(emulator.Journal).StatusCode);
        }
    }
}
