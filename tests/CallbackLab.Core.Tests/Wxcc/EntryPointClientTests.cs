using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.FlowStore;
using CallbackLab.Core.Http;
using CallbackLab.Core.Tests.Http;
using CallbackLab.Core.Wxcc;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.Wxcc
{
    public sealed class EntryPointClientTests
    {
        private const string EntryPoints = "https://api.wxcc-us1.cisco.com/organization/org-1/entry-point";

        private const string FullDto =
            "{\"id\":\"ep-1\",\"name\":\"Inbound_7\",\"entryPointType\":\"INBOUND\",\"channelType\":\"TELEPHONY\",\"active\":true," +
            "\"assetId\":\"a1\",\"controlFlowScriptUrl\":\"https://x\",\"imiOrgType\":\"BOT\",\"maximumActiveContacts\":100,\"overflowNumber\":\"\"," +
            "\"serviceLevelThreshold\":30,\"socialChannelType\":\"MESSAGEBIRD\",\"flowId\":\"old\",\"flowTagId\":\"Latest\"," +
            "\"flowOverrideSettings\":[{\"name\":\"customani\",\"type\":\"STRING\",\"value\":\"1\"}]}";

        private static WxccConnection Connection(string? orgId = "org-1")
        {
            WxccConnection connection = WxccConnection.WithAccessToken(new Uri("https://api.wxcc-us1.cisco.com"), "TOKEN");
            connection.OrgId = orgId;
            return connection;
        }

        [Fact]
        public async Task ListsEveryPageAndReadsTheFlowMapping()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.OK, "{\"data\":[{\"id\":\"ep-1\",\"name\":\"Inbound_7\",\"entryPointType\":\"INBOUND\",\"flowId\":\"f1\",\"flowTagId\":\"Live\"}],\"meta\":{\"page\":0,\"totalPages\":2}}")
                .Then(HttpStatusCode.OK, "{\"data\":[{\"id\":\"ep-2\",\"name\":\"Outdial_7_Channel\",\"entryPointType\":\"OUTBOUND\"}],\"meta\":{\"page\":1,\"totalPages\":2}}");
            var entryPoints = await new EntryPointClient(Connection(), t.Client).ListEntryPointsAsync(CancellationToken.None);

            Assert.Equal(EntryPoints + "?page=0&pageSize=100", t.Handler.Sent[0].Uri.AbsoluteUri);
            Assert.Equal(EntryPoints + "?page=1&pageSize=100", t.Handler.Sent[1].Uri.AbsoluteUri);
            Assert.Equal(new[] { "Inbound_7", "Outdial_7_Channel" }, entryPoints.Select(e => e.Name));
            Assert.Equal(("f1", "Live", "INBOUND"), (entryPoints[0].FlowId, entryPoints[0].FlowTagId, entryPoints[0].EntryPointType));
        }

        [Fact]
        public async Task FollowsANextLink()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.OK, "{\"data\":[{\"id\":\"a\",\"name\":\"A\"}],\"meta\":{\"links\":{\"next\":\"/organization/org-1/entry-point?page=1&pageSize=100\"}}}")
                .Then(HttpStatusCode.OK, "{\"data\":[],\"meta\":{}}");
            var entryPoints = await new EntryPointClient(Connection(), t.Client).ListEntryPointsAsync(CancellationToken.None);
            Assert.Single(entryPoints);
            Assert.Equal(EntryPoints + "?page=1&pageSize=100", t.Handler.Sent[1].Uri.AbsoluteUri);
        }

        [Fact]
        public async Task ANextLinkToAnotherHostIsNotFollowed()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.OK, "{\"data\":[{\"id\":\"a\",\"name\":\"A\"}],\"meta\":{\"links\":{\"next\":\"https://elsewhere.example/entry-point?page=1\"}}}");
            var entryPoints = await new EntryPointClient(Connection(), t.Client).ListEntryPointsAsync(CancellationToken.None);
            Assert.Single(entryPoints);
            Assert.Single(t.Handler.Sent);
        }

        [Fact]
        public async Task GetsOneByIdWithNames()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.OK, FullDto);
            WxccEntryPoint entryPoint = await new EntryPointClient(Connection(), t.Client).GetEntryPointAsync("ep-1", CancellationToken.None);
            Assert.Equal(EntryPoints + "/ep-1?includeNames=true", t.Handler.Sent[0].Uri.AbsoluteUri);
            Assert.Equal(("ep-1", "Inbound_7", "old", true), (entryPoint.Id, entryPoint.Name, entryPoint.FlowId, entryPoint.Active));
        }

        [Fact]
        public async Task SettingTheFlowReadsByIdThenPutsTheWholeDtoBack()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.OK, FullDto).Then(HttpStatusCode.OK, string.Empty);
            WxccEntryPoint updated = await new EntryPointClient(Connection(), t.Client).SetFlowAsync("ep-1", "f-new", "Live", CancellationToken.None);

            Assert.Equal(HttpMethod.Get, t.Handler.Sent[0].Method);
            Assert.Equal(HttpMethod.Put, t.Handler.Sent[1].Method);
            Assert.Equal(EntryPoints + "/ep-1", t.Handler.Sent[1].Uri.AbsoluteUri);
            JObject put = JObject.Parse(t.Handler.Sent[1].Body!);
            JObject expected = JObject.Parse(FullDto);
            expected["flowId"] = "f-new";
            expected["flowTagId"] = "Live";
            Assert.True(JToken.DeepEquals(expected, put), put.ToString());
            Assert.Equal(("f-new", "Live"), (updated.FlowId, updated.FlowTagId));
        }

        [Fact]
        public async Task WithoutATagTheMappedTagIsKeptAndThePutAnswerIsRead()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.OK, FullDto).Then(HttpStatusCode.OK, "{\"id\":\"ep-1\",\"name\":\"Inbound_7\",\"flowId\":\"f-new\",\"flowTagId\":\"Latest\",\"version\":2}");
            WxccEntryPoint updated = await new EntryPointClient(Connection(), t.Client).SetFlowAsync("ep-1", "f-new", null, CancellationToken.None);
            Assert.Equal("Latest", (string?)JObject.Parse(t.Handler.Sent[1].Body!)["flowTagId"]);
            Assert.Contains("\"version\":2", updated.Json);
        }

        [Theory]
        [InlineData(HttpStatusCode.Unauthorized)]
        [InlineData(HttpStatusCode.Forbidden)]
        [InlineData(HttpStatusCode.NotFound)]
        public async Task AFailedReadSendsNoPut(HttpStatusCode status)
        {
            var t = new TestClient();
            t.Handler.Then(status, "{\"trackingId\":\"T1\",\"error\":{\"key\":\"x\",\"message\":[{\"description\":\"No such entry point.\"}]}}");
            var ex = await Assert.ThrowsAsync<ApiException>(() => new EntryPointClient(Connection(), t.Client).SetFlowAsync("ep-9", "f", null, CancellationToken.None));
            Assert.Equal((status, "No such entry point."), (ex.StatusCode!.Value, ex.Description!));
            Assert.Single(t.Handler.Sent);
        }

        [Fact]
        public async Task APutIsIdempotentSoA5xxIsRetried()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.OK, FullDto).Then(HttpStatusCode.InternalServerError).Then(HttpStatusCode.OK, string.Empty);
            await new EntryPointClient(Connection(), t.Client).SetFlowAsync("ep-1", "f", null, CancellationToken.None);
            Assert.Equal(new[] { HttpMethod.Get, HttpMethod.Put, HttpMethod.Put }, t.Handler.Sent.Select(s => s.Method));
        }

        [Fact]
        public async Task WithoutAnOrganizationIdNothingIsSent()
        {
            var t = new TestClient();
            await Assert.ThrowsAsync<OrganizationIdRequiredException>(() => new EntryPointClient(Connection(null), t.Client).ListEntryPointsAsync(CancellationToken.None));
            Assert.Empty(t.Handler.Sent);
        }
    }
}
