using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;
using CallbackLab.Core.Emulator.Room;
using Newtonsoft.Json.Linq;
using static CallbackLab.Core.Tests.Emulator.FlowStoreClient;

namespace CallbackLab.Core.Tests.Emulator
{
    public sealed class FlowStoreTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "cblab-fs-" + Guid.NewGuid().ToString("N"));

        public FlowStoreTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private static EmulatorClient Room(int attendees) => new EmulatorClient(new LabEmulatorOptions { Attendees = Roster.Numbered(attendees) });

        private static string[] Names(JToken flows) => flows.Select(f => (string)f["name"]!).ToArray();

        [Fact]
        public async Task TheListPagesByNameTenAtATimeAndReportsTotalsWhenAsked()
        {
            using EmulatorClient lab = Room(25);
            var first = await GetAsync(lab, FlowsPath(lab));
            Assert.Equal(200, first.Status);
            Assert.Equal(Enumerable.Range(1, 10).Select(n => "Main_Flow_" + n.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)), Names(first.Json));
            var third = await GetAsync(lab, FlowsPath(lab, "?page=2"));
            Assert.Equal(new[] { "Main_Flow_021", "Main_Flow_022", "Main_Flow_023", "Main_Flow_024", "Main_Flow_025" }, Names(third.Json));
            var paged = await GetAsync(lab, FlowsPath(lab, "?page=1&size=20&includePagination=true"));
            Assert.Equal(5, paged.Json["data"]!.Count());
            Assert.Equal(25, (int)paged.Json["meta"]!["totalRecords"]!);
            Assert.Equal(2, (int)paged.Json["meta"]!["totalPages"]!);
            Assert.Equal(20, (int)paged.Json["meta"]!["pageSize"]!);
            Assert.Equal(100, (await GetAsync(lab, FlowsPath(lab, "?size=500&includePagination=true"))).Json["meta"]!["pageSize"]!.Value<int>());
            Assert.Empty((await GetAsync(lab, FlowsPath(lab, "?page=3"))).Json);
        }

        [Fact]
        public async Task TheListFiltersByNamePartTypeAndIds()
        {
            using EmulatorClient lab = Room(25);
            Assert.Equal(Enumerable.Range(20, 6).Select(n => "Main_Flow_0" + n), Names((await GetAsync(lab, FlowsPath(lab, "?partialNameSearch=flow_02&size=50"))).Json));
            Assert.Empty((await GetAsync(lab, FlowsPath(lab, "?flowType=SUBFLOW"))).Json);
            Assert.Equal(10, (await GetAsync(lab, FlowsPath(lab, "?flowType=FLOW"))).Json.Count());
            string a = WxccIds.FlowId("Main_Flow_004"), b = WxccIds.FlowId("Main_Flow_017");
            JToken byIds = (await GetAsync(lab, FlowsPath(lab, "?ids=" + a + "," + b))).Json;
            Assert.Equal(new[] { a, b }, byIds.Select(f => (string)f["id"]!));
            var bad = await GetAsync(lab, FlowsPath(lab, "?flowType=FLOWS&page=-1"));
            Assert.Equal(400, bad.Status);
            Assert.Equal(new[] { "flowType 'FLOWS' is not FLOW or SUBFLOW.", "page must be a whole number from 0." }, WxccTasksTests.Descriptions(bad));
        }

        [Fact]
        public async Task ASeededFlowIsPublishedOnceWithLiveAndLatestAndDescribesItself()
        {
            using EmulatorClient lab = Room(1);
            JToken flow = (await GetAsync(lab, FlowsPath(lab))).Json.Single();
            Assert.Equal(WxccIds.FlowId("Main_Flow_001"), (string?)flow["id"]);
            Assert.Equal("FLOW", (string?)flow["flowType"]);
            Assert.Equal("Published", (string?)flow["status"]);
            Assert.Equal(1, (int)flow["version"]!);
            Assert.Equal(lab.Emulator.OrgId, (string?)flow["orgId"]);
            Assert.Equal(new[] { "Live", "Latest" }, flow["tags"]!.Select(t => (string)t["id"]!));
            Assert.All(flow["tags"]!, t => Assert.Equal(WxccIds.VersionId((string)flow["id"]!, 1), (string?)t["flowVersionId"]));
        }

        [Fact]
        public async Task ExportAnswersTheDraftTheLatestOrANamedVersionAnd404sTheRest()
        {
            using EmulatorClient lab = Room(1);
            string id = WxccIds.FlowId("Main_Flow_001");
            var latest = await GetAsync(lab, FlowsPath(lab, "/" + id + ":export"));
            Assert.Equal(200, latest.Status);
            Assert.Equal(WxccIds.VersionId(id, 1), (string?)latest.Json["id"]);
            Assert.Equal(id, (string?)latest.Json["flowId"]);
            Assert.Equal(1, (int)latest.Json["version"]!);
            Assert.Equal(lab.Emulator.OrgId, (string?)latest.Json["orgId"]);
            Assert.NotNull(latest.Json["process"]!["activities"]);
            var draft = await GetAsync(lab, FlowsPath(lab, "/" + id + ":export?version=draft"));
            Assert.Equal(WxccIds.DraftId(id), (string?)draft.Json["id"]);
            Assert.Equal(0, (int)draft.Json["version"]!);
            Assert.Equal(200, (await GetAsync(lab, FlowsPath(lab, "/" + id + ":export?version=" + WxccIds.VersionId(id, 1)))).Status);
            Assert.Equal(404, (await GetAsync(lab, FlowsPath(lab, "/" + id + ":export?version=" + WxccIds.VersionId(id, 2)))).Status);
            var unknown = await GetAsync(lab, FlowsPath(lab, "/0123456789abcdef01234567:export"));
            Assert.Equal(404, unknown.Status);
            Assert.Equal("Flow '0123456789abcdef01234567' does not exist.", WxccTasksTests.Descriptions(unknown)[0]);
        }

        [Fact]
        public async Task ImportCreatesADraft409sOnANameClashAndOverwritesWhenAsked()
        {
            using EmulatorClient lab = Room(1);
            var created = await ImportAsync(lab, Export("Grading_Copy"));
            Assert.Equal(201, created.Status);
            Assert.Equal(WxccIds.FlowId("Grading_Copy"), (string?)created.Json["id"]);
            Assert.Equal("Draft", (string?)created.Json["status"]);
            Assert.Equal(0, (int)created.Json["version"]!);
            Assert.Empty(created.Json["tags"]!);

            var clash = await ImportAsync(lab, Export("main_flow_001"));
            Assert.Equal(409, clash.Status);
            Assert.Contains("A flow named 'Main_Flow_001' already exists", WxccTasksTests.Descriptions(clash)[0]);

            var overwritten = await ImportAsync(lab, Export("Main_Flow_001", "fixed by the proctor"), "?overwrite=yes&flowType=FLOW");
            Assert.Equal(201, overwritten.Status);
            Assert.Equal(WxccIds.FlowId("Main_Flow_001"), (string?)overwritten.Json["id"]);
            Assert.Equal("Published", (string?)overwritten.Json["status"]); // overwriting the draft keeps the published versions
            string id = WxccIds.FlowId("Main_Flow_001");
            Assert.Equal("fixed by the proctor", (string?)(await GetAsync(lab, FlowsPath(lab, "/" + id + ":export?version=draft"))).Json["description"]);
            Assert.NotEqual("fixed by the proctor", (string?)(await GetAsync(lab, FlowsPath(lab, "/" + id + ":export"))).Json["description"]);
            Assert.Equal(2, (await GetAsync(lab, FlowsPath(lab, "?size=50"))).Json.Count());
        }

        [Theory]
        [InlineData("{not json", "The file is not valid JSON")]
        [InlineData("[1,2]", "The file is not a flow export: it is not a JSON object.")]
        [InlineData("{\"name\":\"  \",\"process\":{\"activities\":{},\"links\":[]}}", "The flow name is empty.")]
        [InlineData("{\"name\":\"X\",\"flowType\":\"MAIN\",\"process\":{\"activities\":{},\"links\":[]}}", "The flow type 'MAIN' is not FLOW or SUBFLOW.")]
        [InlineData("{\"name\":\"X\",\"flowType\":\"SUBFLOW\",\"process\":{\"activities\":{},\"links\":[]}}", "The file is a SUBFLOW but the import asks for flowType=FLOW.")]
        [InlineData("{\"name\":\"X\",\"process\":{\"activities\":[1],\"links\":[]}}", "The flow is not valid:")]
        public async Task ABadExportIs400AndStoresNothing(string file, string expected)
        {
            using EmulatorClient lab = Room(1);
            var answer = await ImportAsync(lab, file, "?flowType=FLOW");
            Assert.Equal(400, answer.Status);
            Assert.StartsWith(expected, WxccTasksTests.Descriptions(answer)[0]);
            Assert.Single((await GetAsync(lab, FlowsPath(lab))).Json);
        }

        [Fact]
        public async Task ImportNeedsMultipartWithAFilePartAndAContentLength()
        {
            using EmulatorClient lab = Room(1);
            var json = await lab.SendAsync(HttpMethod.Post, FlowsPath(lab, ":import"), Export("Raw"), Bearer(lab));
            Assert.Equal(400, json.Status);
            Assert.Contains("multipart/form-data", WxccTasksTests.Descriptions(json)[0]);
            var chunked = await ImportAsync(lab, Export("Chunked"), chunked: true);
            Assert.Equal(411, chunked.Status);
            Assert.Equal("The Content-Length header is required.", WxccTasksTests.Descriptions(chunked)[0]);
            var badOverwrite = await ImportAsync(lab, Export("X"), "?overwrite=maybe");
            Assert.Equal(400, badOverwrite.Status);
        }

        [Fact]
        public async Task PublishMakesTheNextVersionAndMovesTheTagsItNames()
        {
            using EmulatorClient lab = Room(1);
            string id = WxccIds.FlowId("Main_Flow_001");
            var published = await PublishAsync(lab, id, "live");
            Assert.Equal(200, published.Status);
            JToken flow = published.Json;
            Assert.Equal(2, (int)flow["version"]!);
            Assert.Equal(FlowStoreClient.Project, (string?)flow["projectId"]);
            Assert.Equal(new[] { WxccIds.VersionId(id, 1), WxccIds.VersionId(id, 2) }, flow["flowVersions"]!.Select(v => (string)v!));
            Assert.Equal(WxccIds.VersionId(id, 2), (string?)flow["latestVersion"]!["id"]);
            Assert.Equal(WxccIds.DraftId(id), (string?)flow["draftVersion"]!["id"]);
            Assert.All(flow["tags"]!, t => Assert.Equal(2, (int)t["versionNumber"]!));

            var test = await PublishAsync(lab, id, "Test");
            JToken tags = test.Json["tags"]!;
            Assert.Equal(2, (int)tags.Single(t => (string?)t["id"] == "Live")["versionNumber"]!);
            Assert.Equal(3, (int)tags.Single(t => (string?)t["id"] == "Test")["versionNumber"]!);
            Assert.Equal(3, (int)tags.Single(t => (string?)t["id"] == "Latest")["versionNumber"]!);
        }

        [Fact]
        public async Task PublishRefusesABadBodyAnUnknownTagAndAnUnknownFlow()
        {
            using EmulatorClient lab = Room(1);
            string id = WxccIds.FlowId("Main_Flow_001");
            var noTags = await SendJsonAsync(lab, HttpMethod.Post, FlowsPath(lab, "/" + id + ":publish"), new JObject { ["comment"] = "x" });
            Assert.Equal(400, noTags.Status);
            Assert.Equal("tagIds is required: an array of Live, Test, Dev or Latest.", WxccTasksTests.Descriptions(noTags)[0]);
            var badTag = await PublishAsync(lab, id, "Prod");
            Assert.Equal(400, badTag.Status);
            Assert.Equal("tagIds value 'Prod' is not one of Live, Test, Dev, Latest.", WxccTasksTests.Descriptions(badTag)[0]);
            Assert.Equal(404, (await PublishAsync(lab, "0123456789abcdef01234567", "Live")).Status);
            Assert.Equal(1, (int)(await GetAsync(lab, FlowsPath(lab))).Json[0]!["version"]!);
        }

        [Fact]
        public async Task ScopesOrganizationAndProjectAreChecked()
        {
            using EmulatorClient lab = Room(1);
            string readOnly = lab.Emulator.IssueAccessToken(WxccScopes.ConfigRead);
            string userOnly = lab.Emulator.IssueAccessToken(WxccScopes.User);
            Assert.Equal(200, (await GetAsync(lab, FlowsPath(lab), readOnly)).Status);
            var noWrite = await ImportAsync(lab, Export("New"), token: readOnly);
            Assert.Equal(403, noWrite.Status);
            Assert.Equal("The access token lacks the scope cjp:config_write this request needs.", WxccTasksTests.Descriptions(noWrite)[0]);
            Assert.Equal(403, (await SendJsonAsync(lab, HttpMethod.Post, FlowsPath(lab, "/" + WxccIds.FlowId("Main_Flow_001") + ":publish"),
                new JObject { ["comment"] = "", ["tagIds"] = new JArray() }, readOnly)).Status);
            Assert.Equal(403, (await GetAsync(lab, FlowsPath(lab), userOnly)).Status);
            var otherOrg = await GetAsync(lab, FlowsPath(lab, orgId: Guid.NewGuid().ToString()));
            Assert.Equal(403, otherOrg.Status);
            Assert.StartsWith("The access token is not authorized for organization", WxccTasksTests.Descriptions(otherOrg)[0]);
            Assert.Equal(404, (await GetAsync(lab, "flow-store/" + lab.Emulator.OrgId + "/project/000000000000000000000000/flows")).Status);
            Assert.Equal(401, (await GetAsync(lab, FlowsPath(lab), "not-a-token")).Status);
            Assert.Equal(400, (await lab.GetAsync(FlowsPath(lab))).Status);
            var delete = await lab.SendAsync(HttpMethod.Delete, FlowsPath(lab), bearer: Bearer(lab));
            Assert.Equal(405, delete.Status);
            Assert.Equal("GET", delete.Allow);
        }

        [Fact]
        public async Task PublishAcceptsAReadOnlyTokenOnlyWhenToldTo()
        {
            using var lab = new EmulatorClient(new LabEmulatorOptions { Attendees = Roster.Numbered(1), PublishAcceptsReadScope = true });
            string readOnly = lab.Emulator.IssueAccessToken(WxccScopes.ConfigRead);
            var published = await SendJsonAsync(lab, HttpMethod.Post, FlowsPath(lab, "/" + WxccIds.FlowId("Main_Flow_001") + ":publish"),
                new JObject { ["comment"] = "", ["tagIds"] = new JArray() }, readOnly);
            Assert.Equal(200, published.Status);
            Assert.Equal(403, (await ImportAsync(lab, Export("Still_Needs_Write"), token: readOnly)).Status);
        }

        [Fact]
        public async Task FaultsAndTheJournalApplyToFlowStoreRoutes()
        {
            using EmulatorClient lab = Room(1);
            lab.Emulator.SetFault(new FaultRule { PathPattern = "/flow-store/*", StatusCode = 503, Count = 1 });
            var faulted = await GetAsync(lab, FlowsPath(lab));
            Assert.Equal(503, faulted.Status);
            Assert.Equal("503", (string?)faulted.Json["error"]!["key"]); // the WxCC error body, as on /v1/
            Assert.Equal(200, (await GetAsync(lab, FlowsPath(lab))).Status);
            var withSecret = JObject.Parse(Export("Journalled"));
            withSecret["connectorSettings"] = new JObject { ["clientSecret"] = "S3cr3t-in-the-export" };
            Assert.Equal(201, (await ImportAsync(lab, withSecret.ToString())).Status);
            JournalEntry import = lab.Emulator.Journal.Last();
            Assert.DoesNotContain("S3cr3t-in-the-export", import.Body); // the multipart body is redacted part by part
            Assert.Contains("\"name\":\"Journalled\"", import.Body); // redacted JSON is written compact
            Assert.Contains("Content-Disposition: form-data; name=file", import.Body);
            Assert.Equal("POST", import.Method);
            Assert.EndsWith("/flows:import", import.Path);
            Assert.Equal(201, import.StatusCode);
            Assert.Equal("Bearer ***", import.Headers["Authorization"]);
            Assert.DoesNotContain(lab.Emulator.AccessToken, string.Join(" ", lab.Emulator.Journal.Select(e => string.Join(" ", e.Headers.Values) + e.Body)));
        }

        [Fact]
        public async Task FlowsVersionsEntryPointsAndTheOrganizationSurviveARestart()
        {
            string data = Path.Combine(_folder, "room.json");
            var options = new LabEmulatorOptions { DataPath = data, Attendees = Roster.Numbered(2) };
            string orgId;
            string id = WxccIds.FlowId("Main_Flow_002");
            using (var lab = new EmulatorClient(options))
            {
                orgId = lab.Emulator.OrgId;
                Assert.Equal(201, (await ImportAsync(lab, Export("Main_Flow_002", "attempt 2"), "?overwrite=yes")).Status);
                Assert.Equal(200, (await PublishAsync(lab, id, "Live")).Status);
                Assert.Equal(201, (await ImportAsync(lab, Export("Extra_Flow"))).Status);
                string epPath = EntryPointsPath(lab, "/" + WxccIds.EntryPointId("Inbound_001_Channel"));
                var entryPoint = (JObject)(await GetAsync(lab, epPath)).Json;
                entryPoint["flowId"] = id;
                entryPoint["flowTagId"] = "Live";
                Assert.Equal(200, (await SendJsonAsync(lab, HttpMethod.Put, epPath, entryPoint)).Status);
            }

            using (var again = new EmulatorClient(options))
            {
                Assert.Equal(orgId, again.Emulator.OrgId);
                JToken flows = (await GetAsync(again, FlowsPath(again))).Json;
                Assert.Equal(new[] { "Extra_Flow", "Main_Flow_001", "Main_Flow_002" }, Names(flows));
                Assert.Equal(2, (int)flows.Single(f => (string?)f["name"] == "Main_Flow_002")["version"]!);
                Assert.Equal("attempt 2", (string?)(await GetAsync(again, FlowsPath(again, "/" + id + ":export"))).Json["description"]);
                JToken entryPoint = (await GetAsync(again, EntryPointsPath(again, "/" + WxccIds.EntryPointId("Inbound_001_Channel")))).Json;
                Assert.Equal(id, (string?)entryPoint["flowId"]);
                Assert.Equal("Live", (string?)entryPoint["flowTagId"]);
                Assert.Equal(1, (int)entryPoint["version"]!);
            }
        }

        [Fact]
        public async Task ResetRestoresTheSeededRoom()
        {
            using EmulatorClient lab = Room(1);
            await ImportAsync(lab, Export("Gone_After_Reset"));
            await PublishAsync(lab, WxccIds.FlowId("Main_Flow_001"), "Dev");
            lab.Emulator.Reset();
            JToken flows = (await GetAsync(lab, FlowsPath(lab))).Json;
            Assert.Equal("Main_Flow_001", (string?)flows.Single()["name"]);
            Assert.Equal(1, (int)flows.Single()["version"]!);
        }
    }
}
