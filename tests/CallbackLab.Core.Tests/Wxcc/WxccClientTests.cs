using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Http;
using CallbackLab.Core.Tests.Http;
using CallbackLab.Core.Wxcc;

namespace CallbackLab.Core.Tests.Wxcc
{
    public sealed class WxccClientTests
    {
        private static readonly WxccConnection s_connection = WxccConnection.WithAccessToken(new Uri("https://api.wxcc-us1.cisco.com"), "TOKEN");

        [Fact]
        public async Task CreatesATaskAndReadsIdAndOrgId()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.Created, "{\"meta\":{\"orgId\":\"org-1\"},\"data\":{\"id\":\"task-1\"}}");
            var client = new WxccClient(s_connection, t.Client);
            var task = new CallbackTaskRequest("ep-1", "14085267209");
            ApiRequest request = client.NewCreateTaskRequest(task);

            WxccCallbackTask created = await client.CreateCallbackTaskAsync(task, request, CancellationToken.None);

            Assert.Equal(("task-1", "org-1", 201, "ep-1", "14085267209", request.TrackingId),
                (created.Id, created.OrgId, created.StatusCode, created.EntryPointId, created.Destination, created.TrackingId));
            Assert.Equal(new Uri("https://api.wxcc-us1.cisco.com/v1/tasks"), t.Handler.Sent[0].Uri);
            Assert.Equal(task.ToJson(), t.Handler.Sent[0].Body);
            Assert.Equal("Bearer TOKEN", t.Handler.Sent[0].Headers["Authorization"]);
        }

        [Fact]
        public async Task AnInvalidTaskIsRefusedBeforeAnythingIsSent()
        {
            var t = new TestClient();
            var client = new WxccClient(s_connection, t.Client);
            var task = new CallbackTaskRequest("ep", new string('1', 40));
            var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.CreateCallbackTaskAsync(task, client.NewCreateTaskRequest(task), CancellationToken.None));
            Assert.StartsWith("destination is 40 characters", ex.Message);
            Assert.Empty(t.Handler.Sent);
        }

        [Fact]
        public async Task ListsTasksFollowingTheNextLink()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.OK,
                    "{\"meta\":{\"orgId\":\"o\",\"links\":{\"next\":\"/v1/tasks?from=1&page=1\"}},\"data\":[{\"id\":\"a\",\"attributes\":{\"channelType\":\"telephony\",\"status\":\"created\",\"createdTime\":1764000000000,\"queue\":{\"id\":\"q1\"}}}]}")
                .Then(HttpStatusCode.OK, "{\"meta\":{\"orgId\":\"o\"},\"data\":[{\"id\":\"b\",\"attributes\":{}}]}");
            var client = new WxccClient(s_connection, t.Client);
            var query = new WxccTaskQuery(DateTimeOffset.FromUnixTimeMilliseconds(1)) { PageSize = 1 };
            query.ChannelTypes.Add("Telephony");

            WxccTaskPage first = await client.GetTasksAsync(query, CancellationToken.None);
            WxccTaskPage second = await client.GetTaskPageAsync(first.Next!, CancellationToken.None);

            Assert.Equal("https://api.wxcc-us1.cisco.com/v1/tasks?from=1&channelTypes=telephony&pageSize=1", t.Handler.Sent[0].Uri.ToString());
            Assert.Equal(("a", "telephony", "created", "q1"), (first.Tasks[0].Id, first.Tasks[0].ChannelType, first.Tasks[0].Status, first.Tasks[0].Queue));
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1764000000000), first.Tasks[0].CreatedTime);
            Assert.Equal("https://api.wxcc-us1.cisco.com/v1/tasks?from=1&page=1", t.Handler.Sent[1].Uri.ToString());
            Assert.Equal("b", second.Tasks[0].Id);
            Assert.Null(second.Next);
        }

        [Fact]
        public async Task WithoutALinkAFullPageLeadsToTheNextPageNumber()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.OK, "{\"meta\":{\"orgId\":\"o\",\"page\":0,\"pageSize\":1},\"data\":[{\"id\":\"a\"}]}");
            var client = new WxccClient(s_connection, t.Client);
            WxccTaskPage first = await client.GetTasksAsync(new WxccTaskQuery(DateTimeOffset.FromUnixTimeMilliseconds(5)) { PageSize = 1 }, CancellationToken.None);
            Assert.Equal("https://api.wxcc-us1.cisco.com/v1/tasks?from=5&pageSize=1&page=1", first.Next!.ToString());
        }
    }
}
