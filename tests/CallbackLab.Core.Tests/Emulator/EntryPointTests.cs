using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;
using CallbackLab.Core.Emulator.Room;
using Newtonsoft.Json.Linq;
using static CallbackLab.Core.Tests.Emulator.FlowStoreClient;

namespace CallbackLab.Core.Tests.Emulator
{
    public sealed class EntryPointTests
    {
        private static readonly string s_inbound = WxccIds.EntryPointId("Inbound_001_Channel");

        private static EmulatorClient Room() => new EmulatorClient(new LabEmulatorOptions { Attendees = Roster.Numbered(1) });

        private static async Task<JObject> FetchAsync(EmulatorClient lab, string id) => (JObject)(await GetAsync(lab, EntryPointsPath(lab, "/" + id))).Json;

        [Fact]
        public async Task TheListHoldsTheRoomsEntryPointsWithoutArrayFields()
        {
            using EmulatorClient lab = Room();
            var list = await GetAsync(lab, EntryPointsPath(lab));
            Assert.Equal(200, list.Status);
            Assert.Equal(new[] { "Outdial_001_Channel", "Inbound_001_Channel" }, list.Json.Select(e => (string)e["name"]!));
            Assert.All(list.Json, e => Assert.Null(e["flowOverrideSettings"]));
            Assert.All(list.Json, e => Assert.Equal(lab.Emulator.OrgId, (string?)e["organizationId"]));
            JObject one = await FetchAsync(lab, s_inbound);
            Assert.Equal(new JArray(), one["flowOverrideSettings"]);
            Assert.Equal("INBOUND", (string?)one["entryPointType"]);
            Assert.Equal(WxccIds.FlowId("Main_Flow_001"), (string?)one["flowId"]);
            Assert.Equal("Latest", (string?)one["flowTagId"]);
        }

        [Fact]
        public async Task AnUnknownIdIs404AndTheListRefusesPut()
        {
            using EmulatorClient lab = Room();
            var missing = await GetAsync(lab, EntryPointsPath(lab, "/" + Guid.NewGuid()));
            Assert.Equal(404, missing.Status);
            Assert.Equal("404", (string?)missing.Json["error"]!["key"]);
            var put = await SendJsonAsync(lab, HttpMethod.Put, EntryPointsPath(lab), new JObject());
            Assert.Equal(405, put.Status);
            Assert.Equal("GET", put.Allow);
        }

        [Fact]
        public async Task APutOfTheFetchedDtoWithANewFlowIsStoredAndCountsAVersion()
        {
            using EmulatorClient lab = Room();
            Assert.Equal(201, (await ImportAsync(lab, Export("Proctor_Fix"))).Status);
            JObject entryPoint = await FetchAsync(lab, s_inbound);
            entryPoint["flowId"] = WxccIds.FlowId("Proctor_Fix");
            entryPoint["flowTagId"] = "Test";
            var updated = await SendJsonAsync(lab, HttpMethod.Put, EntryPointsPath(lab, "/" + s_inbound), entryPoint);
            Assert.Equal(200, updated.Status);
            Assert.Equal(1, (int)updated.Json["version"]!);
            JObject again = await FetchAsync(lab, s_inbound);
            Assert.Equal(WxccIds.FlowId("Proctor_Fix"), (string?)again["flowId"]);
            Assert.Equal("Test", (string?)again["flowTagId"]);
            Assert.Equal(again["createdTime"], entryPoint["createdTime"]);

            // the version sent is the one it had: a second PUT of the old copy is stale
            var stale = await SendJsonAsync(lab, HttpMethod.Put, EntryPointsPath(lab, "/" + s_inbound), entryPoint);
            Assert.Equal(412, stale.Status);
        }

        [Fact]
        public async Task APutMissingRequiredFieldsIs400NamingEachOne()
        {
            using EmulatorClient lab = Room();
            var answer = await SendJsonAsync(lab, HttpMethod.Put, EntryPointsPath(lab, "/" + s_inbound), new JObject { ["id"] = s_inbound, ["name"] = "Inbound_001_Channel", ["active"] = "yes" });
            Assert.Equal(400, answer.Status);
            Assert.Equal(new[]
            {
                "active is required: true or false.",
                "assetId is required: a string.",
                "channelType is required: a string.",
                "controlFlowScriptUrl is required: a string.",
                "entryPointType is required: a string.",
                "imiOrgType is required: a string.",
                "overflowNumber is required: a string.",
                "socialChannelType is required: a string.",
                "maximumActiveContacts is required: a whole number.",
                "serviceLevelThreshold is required: a whole number.",
            }, WxccTasksTests.Descriptions(answer));
            Assert.Equal(0, (int)(await FetchAsync(lab, s_inbound))["version"]!);
        }

        [Theory]
        [InlineData("id", "\"00000000-0000-0000-0000-000000000000\"", "id '00000000-0000-0000-0000-000000000000' is not the id in the path")]
        [InlineData("flowId", "\"0123456789abcdef01234567\"", "flowId '0123456789abcdef01234567' is not a flow of this organization.")]
        [InlineData("flowTagId", "\"Prod\"", "flowTagId 'Prod' is not one of Live, Test, Dev, Latest.")]
        [InlineData("entryPointType", "\"SIDEWAYS\"", "entryPointType 'SIDEWAYS' is not one of INBOUND, OUTBOUND.")]
        [InlineData("name", "\"Outdial_001_Channel\"", "name 'Outdial_001_Channel' is already used by another entry point.")]
        public async Task APutWithAWrongValueIs400(string field, string json, string expected)
        {
            using EmulatorClient lab = Room();
            JObject entryPoint = await FetchAsync(lab, s_inbound);
            entryPoint[field] = JToken.Parse(json);
            var answer = await SendJsonAsync(lab, HttpMethod.Put, EntryPointsPath(lab, "/" + s_inbound), entryPoint);
            Assert.Equal(400, answer.Status);
            Assert.StartsWith(expected, WxccTasksTests.Descriptions(answer).Single());
        }

        [Fact]
        public async Task ReadingNeedsConfigReadChangingConfigWriteAndTheRightOrganization()
        {
            using EmulatorClient lab = Room();
            string readOnly = lab.Emulator.IssueAccessToken(WxccScopes.ConfigRead);
            JObject entryPoint = await FetchAsync(lab, s_inbound);
            Assert.Equal(200, (await GetAsync(lab, EntryPointsPath(lab), readOnly)).Status);
            Assert.Equal(403, (await SendJsonAsync(lab, HttpMethod.Put, EntryPointsPath(lab, "/" + s_inbound), entryPoint, readOnly)).Status);
            Assert.Equal(403, (await GetAsync(lab, EntryPointsPath(lab), lab.Emulator.IssueAccessToken(WxccScopes.User))).Status);
            Assert.Equal(403, (await GetAsync(lab, EntryPointsPath(lab, orgId: Guid.NewGuid().ToString()))).Status);
        }

        [Fact]
        public async Task AFaultOnEntryPointsAnswersInWxccStyleAndOtherOrganizationPathsStayMockApi()
        {
            using EmulatorClient lab = Room();
            lab.Emulator.SetFault(new FaultRule { PathPattern = "/organization/*", StatusCode = 500 });
            var entryPoints = await GetAsync(lab, EntryPointsPath(lab));
            Assert.Equal(500, entryPoints.Status);
            Assert.Equal("500", (string?)entryPoints.Json["error"]!["key"]);
            var resource = await lab.GetAsync("organization/acme/members");
            Assert.Equal(500, resource.Status);
            Assert.Equal(JTokenType.String, resource.Json.Type); // MockAPI's JSON string body
        }

        [Fact]
        public async Task WithoutARosterTheLabsOwnEntryPointsAndQueueAreThere()
        {
            using var lab = new EmulatorClient();
            JToken list = (await GetAsync(lab, EntryPointsPath(lab))).Json;
            JToken outdial = list.Single(e => (string?)e["name"] == "Outdial_Lab_Channel");
            Assert.Equal(LabSeed.LabOutboundEntryPointId, (string?)outdial["id"]);
            Assert.Equal(WxccIds.QueueId("Outdial_Lab_Queue"), (string?)outdial["outdialQueueId"]);
            JToken queue = (await GetAsync(lab, "organization/" + lab.Emulator.OrgId + "/contact-service-queue/" + WxccIds.QueueId("Outdial_Lab_Queue"))).Json;
            Assert.Equal("Outdial_Lab_Queue", (string?)queue["name"]);
            Assert.Contains("Lab_Team", (string?)queue["description"]);
        }
    }
}
