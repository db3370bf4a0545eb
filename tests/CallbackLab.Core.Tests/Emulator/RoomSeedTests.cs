using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;
using CallbackLab.Core.Emulator.Room;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Model;
using Newtonsoft.Json.Linq;
using static CallbackLab.Core.Tests.Emulator.FlowStoreClient;

namespace CallbackLab.Core.Tests.Emulator
{
    public sealed class RoomSeedTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "cblab-room-" + Guid.NewGuid().ToString("N"));

        public RoomSeedTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private string Csv(string text)
        {
            string path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".csv");
            File.WriteAllText(path, text);
            return path;
        }

        [Fact]
        public async Task FortyAttendeesGetTheLabsEntitiesAndADynVarsRecordTheLabQueryFinds()
        {
            using var lab = new EmulatorClient(new LabEmulatorOptions { Attendees = Roster.Numbered(40) });
            var record = await lab.GetAsync("flowdesigner/Lab/DynVars?dn=4695550007");
            Assert.Equal(200, record.Status);
            JToken only = Assert.Single(record.Json);
            Assert.Equal("007", (string?)only["attendeeId"]);
            Assert.Equal(WxccIds.EntryPointId("Outdial_007_Channel"), (string?)only["outboundcallbackep"]);
            Assert.Equal(LabSeed.LabTacNumber, (string?)only["tacnumber"]);

            JToken entryPoints = (await GetAsync(lab, EntryPointsPath(lab))).Json;
            Assert.Equal(80, entryPoints.Count());
            JToken outdial = entryPoints.Single(e => (string?)e["name"] == "Outdial_040_Channel");
            Assert.Equal("OUTBOUND", (string?)outdial["entryPointType"]);
            Assert.Equal(WxccIds.QueueId("Outdial_040_Queue"), (string?)outdial["outdialQueueId"]);
            Assert.Equal(WxccIds.FlowId("Main_Flow_040"), (string?)entryPoints.Single(e => (string?)e["name"] == "Inbound_040_Channel")["flowId"]);
            JToken queues = (await GetAsync(lab, "organization/" + lab.Emulator.OrgId + "/contact-service-queue")).Json;
            Assert.Equal(40, queues.Count());
            Assert.Contains("040_Team", (string?)queues.Single(q => (string?)q["name"] == "Outdial_040_Queue")["description"]);
            Assert.Equal(40, (await GetAsync(lab, FlowsPath(lab, "?partialNameSearch=Main_Flow_&includePagination=true"))).Json["meta"]!["totalRecords"]!.Value<int>());

            // the outdial entry points are ones the lab's callback task may use
            Assert.Contains(WxccIds.EntryPointId("Outdial_040_Channel"), lab.Emulator.OutboundEntryPointIds);
        }

        [Fact]
        public void TheStartingFlowIsTheLabFlowWithoutWhatTheBuildStepsAdd()
        {
            JObject built = JObject.Parse(LabFlow.Json);
            JObject start = StartingFlow.Build("Main_Flow_123");
            WxccFlow flow = WxccFlowReader.Parse(start.ToString(), "start");
            Assert.Equal("Main_Flow_123", flow.Name);
            Assert.Equal(WxccIds.FlowId("Main_Flow_123"), (string?)start["flowId"]);
            Assert.Equal(built["variables"]!.Count() - 4, start["variables"]!.Count());
            Assert.DoesNotContain(start["variables"]!, v => StartingFlow.BuildVariables.Contains((string?)v["name"]));

            string[] Names(JToken process) => ((JObject)process["activities"]!).Properties().Select(p => (string)p.Value["name"]!).ToArray();
            JToken builtEvents = built["eventFlows"]!["eventsMap"]!["GLOBAL_EVENTS"]!["process"]!;
            JToken startEvents = start["eventFlows"]!["eventsMap"]!["GLOBAL_EVENTS"]!["process"]!;
            Assert.Equal(Names(built["process"]!).Except(new[] { "GET_CBID", "SetGetResult", "SimulateGlobalError" }), Names(start["process"]!));
            Assert.Equal(Names(builtEvents).Except(new[] { "CallBackAPI_Request", "HTTPStatusCode" }), Names(startEvents));
            Assert.Equal(built["process"]!["links"]!.Count() - 4, start["process"]!["links"]!.Count());

            JObject menu = ((JObject)start["process"]!["activities"]!).Properties().Select(p => (JObject)p.Value).Single(a => (string?)a["name"] == "WantCallback");
            Assert.Equal(new[] { "1", "2" }, menu["properties"]!["menuLinks"]!.Select(o => (string)o!));
            Assert.Equal(new[] { "Callback", "Queue" }, menu["properties"]!["menuLinks_input"]!.Select(o => (string)o!));
            Assert.Equal("All agents are busy. Please press 1 if you want to schedule a callback. Press 2 if you want to wait in queue.",
                (string?)menu["properties"]!["promptsTts"]![0]!["value"]);

            // OnGlobalError goes straight to EndFlow, the edge Build step 7 deletes
            JToken link = Assert.Single(startEvents["links"]!);
            string Named(string id) => (string)startEvents["activities"]![id]!["name"]!;
            Assert.Equal(("GlobalErrorHandling", "out", "EndFlow"), (Named((string)link["sourceActivityId"]!), (string?)link["conditionExpr"], Named((string)link["targetActivityId"]!)));
        }

        [Fact]
        public void ARosterCsvGivesIdsAndNumbersAndFillsAMissingNumber()
        {
            var attendees = Roster.ReadCsv(Csv("AttendeeId,Dnis\n\"alice\",+14695551111\nbob,\n"));
            Assert.Equal(new[] { "alice", "bob" }, attendees.Select(a => a.Id));
            Assert.Equal("4695551111", attendees[0].Dn);
            Assert.Equal(Attendee.Numbered(2).Dnis, attendees[1].Dnis);
            Assert.Equal("4695550005", Roster.ReadCsv(Csv("Team,AttendeeId\nx,1\ny,2\nz,3\nw,4\nv,5\n"))[4].Dn);
        }

        [Theory]
        [InlineData("Id,Dnis\n1,+14695550001\n", "has no AttendeeId column")]
        [InlineData("AttendeeId\n", "has a header but no attendees")]
        [InlineData("AttendeeId\nA\na\n", "The attendee id 'a' appears twice")]
        [InlineData("AttendeeId,Dnis\nA,+1469555\nB,+14695550001\n", "'4695550001' contains '469555'")]
        [InlineData("AttendeeId,Dnis\nA B,+14695550001\n", "line 2: The attendee id 'A B' must be")]
        [InlineData("AttendeeId,Dnis\nA,4695550001\n", "line 2: The DNIS '4695550001' of attendee 'A' must be")]
        public void ABadRosterIsRefusedSayingWhy(string csv, string expected)
        {
            var error = Assert.Throws<FormatException>(() => Roster.ReadCsv(Csv(csv)));
            Assert.Contains(expected, error.Message);
        }

        [Fact]
        public void AnAttendeeWhoseDnMatchesASeedRecordIsRefused()
        {
            var error = Assert.Throws<FormatException>(() => LabEmulator.Start(new LabEmulatorOptions { Attendees = new[] { new Attendee("X", "+1" + LabSeed.LabDn) } }));
            Assert.Contains("the seed record dn '4694096861'", error.Message);
        }

        [Fact]
        public void NumberedIdsAndNumbersArePredictable()
        {
            Attendee seventh = Roster.Numbered(40)[6];
            Assert.Equal(("007", "+14695550007", "Main_Flow_007", "Outdial_007_Channel", "Outdial_007_Queue", "007_Team"),
                (seventh.Id, seventh.Dnis, seventh.FlowName, seventh.OutdialEntryPointName, seventh.OutdialQueueName, seventh.TeamName));
            Assert.Equal(WxccIds.EntryPointId("Outdial_007_Channel"), WxccIds.EntryPointId("OUTDIAL_007_CHANNEL"));
            Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", WxccIds.EntryPointId("Outdial_007_Channel"));
            Assert.Matches("^[0-9a-f]{24}$", WxccIds.FlowId("Main_Flow_007"));
        }
    }
}
