using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.FlowStore;
using CallbackLab.Core.Http;
using CallbackLab.Core.Tests.Http;
using CallbackLab.Core.Wxcc;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.FlowStore
{
    public sealed class FlowStoreClientTests
    {
        private const string Flows = "https://api.wxcc-us1.cisco.com/flow-store/org-1/project/5e5c9ad6d61f870d6d778c1b/flows";

        private static WxccConnection Connection(string? orgId = "org-1", Uri? flowStore = null)
        {
            WxccConnection connection = WxccConnection.WithAccessToken(new Uri("https://api.wxcc-us1.cisco.com"), "TOKEN");
            connection.OrgId = orgId;
            connection.FlowStoreUri = flowStore;
            return connection;
        }

        private static string Flow(string id, string name, string type = "FLOW") =>
            "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"flowType\":\"" + type + "\",\"status\":\"Published\",\"version\":3,\"tags\":[\"Live\",\"Latest\"],\"lastModifiedDate\":1764000000000}";

        [Fact]
        public async Task ListsWithFiltersAndReadsEveryFieldOfAFlow()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.OK, "{\"data\":[" + Flow("f1", "Main_Flow_1") + "],\"meta\":{\"page\":0,\"size\":100,\"totalPages\":1,\"totalElements\":1}}");
            var client = new FlowStoreClient(Connection(), t.Client);
            var query = new FlowListQuery { Kind = FlowKind.Flow, PartialName = "Main Flow&1" };
            query.Ids.Add("f1");
            query.Ids.Add("f 2");

            var flows = await client.ListFlowsAsync(query, CancellationToken.None);

            Assert.Equal(Flows + "?flowType=FLOW&ids=f1,f%202&partialNameSearch=Main%20Flow%261&page=0&size=100&includePagination=true", t.Handler.Sent[0].Uri.AbsoluteUri);
            Assert.Equal("Bearer TOKEN", t.Handler.Sent[0].Headers["Authorization"]);
            Assert.StartsWith(TrackingIds.Prefix, t.Handler.Sent[0].Headers["TrackingId"]);
            WxccFlowSummary flow = Assert.Single(flows);
            Assert.Equal(("f1", "Main_Flow_1", FlowKind.Flow, "Published", "3"), (flow.Id, flow.Name, flow.Type, flow.Status, flow.Version));
            Assert.Equal(new[] { "Live", "Latest" }, flow.Tags);
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1764000000000), flow.Modified);
        }

        [Fact]
        public async Task FollowsPagesUntilTotalPages()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.OK, "{\"data\":[" + Flow("a", "A") + "," + Flow("b", "B") + "],\"meta\":{\"page\":0,\"size\":2,\"totalPages\":2}}")
                .Then(HttpStatusCode.OK, "{\"data\":[" + Flow("c", "C", "SUBFLOW") + "],\"meta\":{\"page\":1,\"size\":2,\"totalPages\":2}}");
            var client = new FlowStoreClient(Connection(), t.Client);

            var flows = await client.ListFlowsAsync(new FlowListQuery { PageSize = 2 }, CancellationToken.None);

            Assert.Equal(new[] { "A", "B", "C" }, flows.Select(f => f.Name));
            Assert.Equal(FlowKind.Subflow, flows[2].Type);
            Assert.Equal(new[] { "page=0&size=2", "page=1&size=2" }, t.Handler.Sent.Select(s => s.Uri.Query.Substring(1, 13)));
        }

        [Fact]
        public async Task AServerThatCapsThePageSizeIsFollowedByTheSizeItReports()
        {
            var t = new TestClient();
            // Asked for 100, the server used 1 and says there are 2 flows in all: a second page must be fetched.
            t.Handler.Then(HttpStatusCode.OK, "{\"data\":[" + Flow("a", "A") + "],\"pagination\":{\"size\":1,\"totalElements\":2}}")
                .Then(HttpStatusCode.OK, "{\"data\":[" + Flow("b", "B") + "],\"pagination\":{\"size\":1,\"totalElements\":2}}");
            var flows = await new FlowStoreClient(Connection(), t.Client).ListFlowsAsync(new FlowListQuery(), CancellationToken.None);
            Assert.Equal(new[] { "A", "B" }, flows.Select(f => f.Name));
            Assert.Equal(2, t.Handler.Sent.Count);
        }

        [Fact]
        public async Task APlainArrayShorterThanThePageIsTheLastPage()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.OK, "[" + Flow("a", "A") + "]");
            var flows = await new FlowStoreClient(Connection(), t.Client).ListFlowsAsync(new FlowListQuery { PageSize = 5 }, CancellationToken.None);
            Assert.Single(flows);
            Assert.Single(t.Handler.Sent);
        }

        [Fact]
        public async Task AServerThatIgnoresThePageNumberDoesNotLoop()
        {
            var t = new TestClient();
            string full = "[" + Flow("a", "A") + "]";
            t.Handler.Then(HttpStatusCode.OK, full).Then(HttpStatusCode.OK, full);
            var flows = await new FlowStoreClient(Connection(), t.Client).ListFlowsAsync(new FlowListQuery { PageSize = 1 }, CancellationToken.None);
            Assert.Single(flows);
            Assert.Equal(2, t.Handler.Sent.Count);
        }

        [Fact]
        public async Task FlowStoreUriOverridesTheDefaultBase()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.OK, "[]");
            var client = new FlowStoreClient(Connection(flowStore: new Uri("https://flow-store.produs1.ciscoccservice.com/flow-store")), t.Client);
            await client.ListFlowsAsync(new FlowListQuery(), CancellationToken.None);
            Assert.StartsWith("https://flow-store.produs1.ciscoccservice.com/flow-store/org-1/project/5e5c9ad6d61f870d6d778c1b/flows?", t.Handler.Sent[0].Uri.AbsoluteUri);
        }

        [Fact]
        public async Task WithoutAnOrganizationIdNothingIsSent()
        {
            var t = new TestClient();
            var client = new FlowStoreClient(Connection(orgId: null), t.Client);
            var ex = await Assert.ThrowsAsync<OrganizationIdRequiredException>(() => client.ListFlowsAsync(new FlowListQuery(), CancellationToken.None));
            Assert.Contains("organization id", ex.Message);
            Assert.Empty(t.Handler.Sent);
        }

        [Theory]
        [InlineData("Draft", "draft")]
        [InlineData("LATEST", "latest")]
        [InlineData("6650a1b2c3", "6650a1b2c3")]
        public async Task ExportsTheVersionAskedForAndKeepsTheJsonExactly(string version, string sent)
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.OK, LabFlow.Json);
            var client = new FlowStoreClient(Connection(), t.Client);

            FlowExport export = await client.ExportFlowAsync("f1", version, CancellationToken.None);

            Assert.Equal(Flows + "/f1:export?version=" + sent, t.Handler.Sent[0].Uri.AbsoluteUri);
            Assert.Equal(LabFlow.Json, export.Json);
            Assert.Equal(LabFlow.Flow.Name, export.Name);
            WxccFlow flow = export.ToFlow();
            Assert.Equal(LabFlow.Flow.Activities.Count, flow.Activities.Count);
            Assert.Equal(LabFlow.Json, flow.ExportJson);
        }

        [Fact]
        public async Task AnExportAnswerThatIsNotAnExportIsAnInvalidResponse()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.OK, "{\"id\":\"f1\"}");
            var ex = await Assert.ThrowsAsync<ApiException>(() => new FlowStoreClient(Connection(), t.Client).ExportFlowAsync("f1", "latest", CancellationToken.None));
            Assert.Equal(ApiFailureKind.InvalidResponse, ex.Kind);
        }

        [Theory]
        [InlineData(HttpStatusCode.Unauthorized)]
        [InlineData(HttpStatusCode.Forbidden)]
        [InlineData(HttpStatusCode.NotFound)]
        public async Task ExportRefusalsCarryStatusBodyAndTrackingId(HttpStatusCode status)
        {
            var t = new TestClient();
            t.Handler.Then(status, "{\"trackingId\":\"FS_1\",\"error\":{\"key\":\"" + (int)status + "\",\"message\":[{\"description\":\"Flow not visible.\"}]}}");
            var ex = await Assert.ThrowsAsync<ApiException>(() => new FlowStoreClient(Connection(), t.Client).ExportFlowAsync("f1", "latest", CancellationToken.None));
            Assert.Equal((status, "Flow not visible.", "FS_1", ApiService.FlowStore), (ex.StatusCode!.Value, ex.Description!, ex.TrackingId, ex.Request.Service));
            Assert.Contains("\"FS_1\"", ex.ResponseBody);
            Assert.Single(t.Handler.Sent); // 4xx is never retried
        }

        [Fact]
        public async Task A429IsRetriedAfterRetryAfterAndA5xxOnAGetToo()
        {
            var t = new TestClient();
            t.Handler.Then((HttpStatusCode)429, string.Empty, ("Retry-After", "4"))
                .Then(HttpStatusCode.BadGateway)
                .Then(HttpStatusCode.OK, "[]");
            var flows = await new FlowStoreClient(Connection(), t.Client).ListFlowsAsync(new FlowListQuery(), CancellationToken.None);
            Assert.Empty(flows);
            Assert.Equal(3, t.Handler.Sent.Count);
            Assert.Equal(TimeSpan.FromSeconds(4), t.Waits[0]);
            Assert.Single(t.Handler.Sent.Select(s => s.Headers["TrackingId"]).Distinct());
        }

        [Fact]
        public async Task ImportsAsMultipartWithContentLengthOverwriteAndFlowType()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.Created, "{\"id\":\"new-1\",\"name\":\"Main_Flow_7\",\"flowType\":\"FLOW\",\"status\":\"Draft\"}");
            var client = new FlowStoreClient(Connection(), t.Client);

            WxccFlowSummary created = await client.ImportFlowAsync(FlowImport.FromFlow(LabFlow.Flow, "Main_Flow_7", overwrite: false), CancellationToken.None);

            var sent = t.Handler.Sent[0];
            Assert.Equal(Flows + ":import?overwrite=no&flowType=FLOW", sent.Uri.AbsoluteUri);
            string contentType = sent.Headers["Content-Type"];
            Assert.StartsWith("multipart/form-data; boundary=", contentType);
            string boundary = contentType.Substring("multipart/form-data; boundary=".Length);
            Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(sent.Body!).ToString(System.Globalization.CultureInfo.InvariantCulture), sent.Headers["Content-Length"]);
            string[] lines = sent.Body!.Split("\r\n");
            Assert.Equal("--" + boundary, lines[0]);
            Assert.Equal("Content-Disposition: form-data; name=\"file\"; filename=\"Main_Flow_7.json\"", lines[1]);
            Assert.Equal("Content-Type: application/json", lines[2]);
            Assert.Equal(string.Empty, lines[3]);
            JObject uploaded = JObject.Parse(lines[4]);
            Assert.Equal("Main_Flow_7", (string?)uploaded["name"]);
            Assert.Equal(JObject.Parse(LabFlow.Json)["process"]!.ToString(), uploaded["process"]!.ToString());
            Assert.Equal("--" + boundary + "--", lines[5]);
            Assert.Equal(("new-1", "Main_Flow_7", "Draft"), (created.Id, created.Name, created.Status));
        }

        [Fact]
        public async Task A409IsAConflictNamingTheFlowAndIsNotRetried()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.Conflict, "{\"message\":\"Flow with name Main_Flow_7 already exists\"}");
            var client = new FlowStoreClient(Connection(), t.Client);
            var ex = await Assert.ThrowsAsync<FlowNameConflictException>(() =>
                client.ImportFlowAsync(FlowImport.FromFlow(LabFlow.Flow, "Main_Flow_7", overwrite: false), CancellationToken.None));
            Assert.Equal("Main_Flow_7", ex.FlowName);
            Assert.Contains("Main_Flow_7", ex.Message);
            Assert.Equal(HttpStatusCode.Conflict, ex.Conflict.StatusCode);
            Assert.Equal("Flow with name Main_Flow_7 already exists", ex.Conflict.Description);
            Assert.Single(t.Handler.Sent);
        }

        [Fact]
        public async Task AnImportWithoutOverwriteIsNotRetriedAfterA5xxButWithOverwriteItIs()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.InternalServerError, "{\"message\":\"boom\"}");
            var client = new FlowStoreClient(Connection(), t.Client);
            var ex = await Assert.ThrowsAsync<ApiException>(() => client.ImportFlowAsync(FlowImport.FromFlow(LabFlow.Flow, null, overwrite: false), CancellationToken.None));
            Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
            Assert.Single(t.Handler.Sent);

            var again = new TestClient();
            again.Handler.Then(HttpStatusCode.InternalServerError).Then(HttpStatusCode.Created, "{\"id\":\"f9\"}");
            WxccFlowSummary created = await new FlowStoreClient(Connection(), again.Client)
                .ImportFlowAsync(FlowImport.FromFlow(LabFlow.Flow, null, overwrite: true), CancellationToken.None);
            Assert.Equal(2, again.Handler.Sent.Count);
            Assert.EndsWith(":import?overwrite=yes&flowType=FLOW", again.Handler.Sent[1].Uri.AbsoluteUri);
            Assert.Equal(("f9", LabFlow.Flow.Name), (created.Id, created.Name));
        }

        [Fact]
        public async Task A201WithoutAnIdSaysTheFlowMayHaveBeenImported()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.Created, "{}");
            var ex = await Assert.ThrowsAsync<ApiException>(() =>
                new FlowStoreClient(Connection(), t.Client).ImportFlowAsync(FlowImport.FromFlow(LabFlow.Flow, null, false), CancellationToken.None));
            Assert.Equal(ApiFailureKind.InvalidResponse, ex.Kind);
            Assert.Contains("may have been imported", ex.Message);
        }

        [Fact]
        public void ASubflowImportsAsSubflowAndAFlowBuiltInMemoryCannotBeImported()
        {
            string json = System.IO.File.ReadAllText(CallbackLab.Core.Tests.Flows.SampleFlows.PathOf("webex_api_refresh_token_subflow"));
            WxccFlow subflow = WxccFlowReader.Parse(json);
            Assert.Equal(FlowKind.Subflow, subflow.Kind);
            Assert.Equal("SUBFLOW", FlowImport.FromFlow(subflow, null, false).FlowTypeValue);
            Assert.Same(json, FlowImport.FromFlow(subflow, subflow.Name, false).Json);

            var inMemory = new WxccFlow("x", null, null, Array.Empty<FlowVariableDefinition>(), Array.Empty<FlowActivity>(), Array.Empty<FlowLink>(),
                Array.Empty<FlowActivity>(), Array.Empty<FlowLink>(), null);
            Assert.Throws<ArgumentException>(() => FlowImport.FromFlow(inMemory, null, false));
        }

        [Fact]
        public void AnExportWithoutANameIsUploadedUnderTheNameItWasReadWith()
        {
            JObject nameless = JObject.Parse(LabFlow.Json);
            nameless.Remove("name");
            WxccFlow flow = WxccFlowReader.Parse(nameless.ToString(), "/exports/Main_Flow_9.json");
            FlowImport import = FlowImport.FromFlow(flow, null, false);
            Assert.Equal(("Main_Flow_9", "Main_Flow_9"), (import.Name, (string?)JObject.Parse(import.Json)["name"]));
        }

        [Fact]
        public async Task PublishesWithCommentAndTagsAndReadsTheFlowRes()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.OK, "{\"id\":\"f1\",\"status\":\"Published\",\"tags\":[\"Live\",\"Latest\"],\"latestVersion\":\"v2\",\"draftVersion\":\"v3\",\"flowVersions\":[{\"id\":\"v1\"},{\"id\":\"v2\"}]}");
            WxccPublishedFlow published = await new FlowStoreClient(Connection(), t.Client)
                .PublishFlowAsync("f1", "Main_Flow_7", "graded fix", new[] { "Live", "live" }, overwrote: true, CancellationToken.None);

            Assert.Equal(Flows + "/f1:publish", t.Handler.Sent[0].Uri.AbsoluteUri);
            Assert.Equal("{\"comment\":\"graded fix\",\"tagIds\":[\"Live\"]}", t.Handler.Sent[0].Body);
            Assert.StartsWith("application/json", t.Handler.Sent[0].Headers["Content-Type"]);
            Assert.Equal(("f1", "Main_Flow_7", "Published", "v2", "v3", true), (published.FlowId, published.Name, published.Status, published.LatestVersion, published.DraftVersion, published.Overwrote));
            Assert.Equal(new[] { "v1", "v2" }, published.Versions);
        }

        [Fact]
        public async Task APublishIsNeverRetriedAfterAnAmbiguousFailure()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.ServiceUnavailable);
            var ex = await Assert.ThrowsAsync<ApiException>(() =>
                new FlowStoreClient(Connection(), t.Client).PublishFlowAsync("f1", "n", null, Array.Empty<string>(), false, CancellationToken.None));
            Assert.True(ex.IsAmbiguous);
            Assert.False(ex.Request.IsIdempotent);
            Assert.Single(t.Handler.Sent);
        }

        [Fact]
        public async Task ImportAndPublishPublishesTheImportedId()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.Created, "{\"id\":\"f5\",\"name\":\"N\"}").Then(HttpStatusCode.Created, "{\"id\":\"f5\",\"status\":\"Published\"}");
            WxccPublishedFlow published = await new FlowStoreClient(Connection(), t.Client)
                .ImportAndPublishAsync(FlowImport.FromFlow(LabFlow.Flow, "N", true), "c", new[] { "Test" }, CancellationToken.None);
            Assert.Equal(Flows + "/f5:publish", t.Handler.Sent[1].Uri.AbsoluteUri);
            Assert.Equal(("f5", "N", "Published", true), (published.FlowId, published.Name, published.Status, published.Overwrote));
        }

        [Fact]
        public async Task TheMultipartBodyIsRedactedPartByPartInTheDebugLog()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.Created, "{\"id\":\"f1\"}");
            string json = LabFlow.Json.Replace("\"name\":", "\"accessToken\":\"SECRET-IN-EXPORT\",\"name\":", StringComparison.Ordinal);
            WxccFlow flow = WxccFlowReader.Parse(json);
            await new FlowStoreClient(Connection(), t.Client).ImportFlowAsync(FlowImport.FromFlow(flow, null, false), CancellationToken.None);
            Assert.Contains("SECRET-IN-EXPORT", t.Handler.Sent[0].Body);
            Assert.DoesNotContain(t.Log.DebugMessages, m => m.Contains("SECRET-IN-EXPORT", StringComparison.Ordinal));
            Assert.Contains(t.Log.DebugMessages, m => m.Contains("form-data; name=\"file\"", StringComparison.Ordinal));
        }
    }
}
