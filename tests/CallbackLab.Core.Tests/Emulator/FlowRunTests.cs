using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;
using CallbackLab.Core.Emulator.Room;
using CallbackLab.Core.Emulator.Runs;
using CallbackLab.Core.Flows.Simulation;
using Newtonsoft.Json.Linq;
using static CallbackLab.Core.Tests.Emulator.FlowStoreClient;

namespace CallbackLab.Core.Tests.Emulator
{
    public sealed class FlowRunTests : IDisposable
    {
        private static readonly Attendee s_attendee = Attendee.Numbered(1);
        private static readonly string s_inbound = WxccIds.EntryPointId(s_attendee.InboundEntryPointName);
        private static readonly string s_flowId = WxccIds.FlowId(s_attendee.FlowName);
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "cblab-run-" + Guid.NewGuid().ToString("N"));

        public FlowRunTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private static LabEmulatorOptions Room(string? data = null) => new LabEmulatorOptions { Attendees = new[] { s_attendee }, DataPath = data };

        /// <summary>The task a script sends to test a flow: the customer's number as destination, the attendee's DNIS as origin.</summary>
        internal static JObject FlowTest(string entryPointId, string digits, string destination = "+14085550123", string origin = "+14695550001") => new JObject
        {
            ["entryPointId"] = entryPointId,
            ["destination"] = destination,
            ["origin"] = origin,
            ["outboundType"] = "EXECUTE_FLOW",
            ["mediaType"] = "telephony",
            ["attributes"] = new JObject { ["callbackLabDigits"] = digits },
        };

        /// <summary>Makes the attendee's flow the built lab flow (import over it, publish Latest).</summary>
        private static async Task BuildTheLabAsync(EmulatorClient lab)
        {
            Assert.Equal(201, (await ImportAsync(lab, Export(s_attendee.FlowName), "?overwrite=yes")).Status);
            Assert.Equal(200, (await PublishAsync(lab, s_flowId)).Status);
        }

        [Fact]
        public async Task AnExecuteFlowTaskRunsTheBuiltLabFlowAgainstThisEmulatorAndKeepsTheRun()
        {
            using var lab = new EmulatorClient(Room());
            await BuildTheLabAsync(lab);
            var answer = await lab.PostTaskAsync(FlowTest(s_inbound, "3"));
            Assert.Equal(201, answer.Status);
            string taskId = (string)answer.Json["data"]!["id"]!;
            Assert.Equal(lab.Emulator.OrgId, (string?)answer.Json["meta"]!["orgId"]);

            EmulatorRun run = Assert.Single(lab.Emulator.Runs);
            Assert.Equal(taskId, run.Id);
            Assert.Equal(s_attendee.FlowName, run.FlowName);
            Assert.Equal(2, run.Version);
            Assert.Equal("Latest", run.Tag);
            Assert.Equal("+14085550123", run.Ani);
            Assert.Equal("+14695550001", run.Dnis);
            IvrSimulationResult result = run.Result!;
            Assert.Equal(SimulationOutcome.GlobalError, result.Outcome);
            Assert.Equal("+14695550001", (string?)result.Outputs["NewPhoneContact.DNIS"]);
            Assert.Equal(taskId, (string?)result.Outputs["NewPhoneContact.InteractionID"]);

            // GET_CBID found the attendee's record in this emulator's DynVars, and the callback went to this emulator's /v1/tasks
            Assert.Equal(WxccIds.EntryPointId(s_attendee.OutdialEntryPointName), (string?)result.Variables["outdialcbid"]);
            Assert.Equal(201, result.CallbackTask!.StatusCode);
            RecordedTask callback = lab.Emulator.Tasks.Single(t => t.OutboundType == "CALLBACK");
            Assert.Equal(LabSeed.LabTacNumber, callback.Destination);

            // the journal shows the run's requests, each marked with the run's id, and the task that started it
            JournalEntry lookup = lab.Emulator.Journal.Single(e => e.Path.EndsWith("/DynVars", StringComparison.Ordinal));
            Assert.Equal("dn=4695550001", lookup.Query);
            Assert.Equal(taskId, lookup.Headers["X-CallbackLab-Run"]);
            Assert.Equal(2, lab.Emulator.Journal.Count(e => e.Path == "/v1/tasks" && e.StatusCode == 201));
            Assert.Same(result, lab.Emulator.FindRun(taskId)!.Result);
        }

        [Fact]
        public async Task TheStartingFlowHasNoOptionThreeSoPressingItQueues()
        {
            using var lab = new EmulatorClient(Room());
            Assert.Equal(201, (await lab.PostTaskAsync(FlowTest(s_inbound, "3"))).Status);
            EmulatorRun run = Assert.Single(lab.Emulator.Runs);
            Assert.Equal(1, run.Version);
            Assert.DoesNotContain(run.Result!.Steps, s => s.ActivityName == "GET_CBID");
            Assert.Contains(run.Result.Steps, s => s.ActivityName == "QueueContact");
            Assert.Null(run.Result.GlobalError);
        }

        [Fact]
        public async Task TheEntryPointsTagDecidesWhichVersionRuns()
        {
            using var lab = new EmulatorClient(Room());
            JObject entryPoint = (JObject)(await GetAsync(lab, EntryPointsPath(lab, "/" + s_inbound))).Json;
            entryPoint["flowTagId"] = "Live";
            Assert.Equal(200, (await SendJsonAsync(lab, HttpMethod.Put, EntryPointsPath(lab, "/" + s_inbound), entryPoint)).Status);
            await BuildTheLabAsync(lab); // version 2 gets Latest only; Live stays on version 1
            await lab.PostTaskAsync(FlowTest(s_inbound, "3"));
            Assert.Equal(1, Assert.Single(lab.Emulator.Runs).Version);

            entryPoint = (JObject)(await GetAsync(lab, EntryPointsPath(lab, "/" + s_inbound))).Json;
            entryPoint["flowTagId"] = "Dev";
            Assert.Equal(200, (await SendJsonAsync(lab, HttpMethod.Put, EntryPointsPath(lab, "/" + s_inbound), entryPoint)).Status);
            var none = await lab.PostTaskAsync(FlowTest(s_inbound, "3"));
            Assert.Equal(400, none.Status);
            Assert.Contains("runs the Dev version of 'Main_Flow_001', which has none", WxccTasksTests.Descriptions(none).Single());
        }

        [Fact]
        public async Task FaultsApplyToTheRunsRequests()
        {
            using var lab = new EmulatorClient(Room());
            await BuildTheLabAsync(lab);
            lab.Emulator.SetFault(new FaultRule { Method = "GET", PathPattern = "/flowdesigner/Lab/DynVars", StatusCode = 503 });
            await lab.PostTaskAsync(FlowTest(s_inbound, "3"));
            IvrSimulationResult result = Assert.Single(lab.Emulator.Runs).Result!;
            Assert.Equal(503, Convert.ToInt32(result.Outputs["GET_CBID.httpStatusCode"], System.Globalization.CultureInfo.InvariantCulture));
            var lookups = lab.Emulator.Journal.Where(e => e.Path.EndsWith("/DynVars", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(lookups); // the simulator retries a 5xx, so there may be several
            Assert.All(lookups, e => Assert.Equal(503, e.StatusCode));
        }

        [Fact]
        public async Task ATaskSentByARunIsRecordedButNotRunAgain()
        {
            using var lab = new EmulatorClient(Room());
            using var request = new HttpRequestMessage(HttpMethod.Post, "v1/tasks") { Content = new StringContent(FlowTest(s_inbound, "1").ToString(), System.Text.Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + lab.Emulator.AccessToken);
            request.Headers.TryAddWithoutValidation("X-CallbackLab-Run", "an-outer-run");
            using HttpResponseMessage answer = await lab.Http.SendAsync(request);
            Assert.Equal(201, (int)answer.StatusCode);
            Assert.Single(lab.Emulator.Tasks);
            Assert.Empty(lab.Emulator.Runs);
        }

        [Fact]
        public async Task ARunReadsTheSameAfterARestart()
        {
            string data = Path.Combine(_folder, "runs.json");
            IvrSimulationResult before;
            string id;
            using (var lab = new EmulatorClient(Room(data)))
            {
                await BuildTheLabAsync(lab);
                id = (string)(await lab.PostTaskAsync(FlowTest(s_inbound, "3"))).Json["data"]!["id"]!;
                before = lab.Emulator.FindRun(id)!.Result!;
            }

            // a new port: the replay answers from what was recorded, not from the emulator
            using var again = new EmulatorClient(Room(data));
            EmulatorRun run = again.Emulator.FindRun(id)!;
            IvrSimulationResult after = run.Result!;
            Assert.NotSame(before, after);
            Assert.Equal(before.Outcome, after.Outcome);
            Assert.Equal(before.Steps.Select(s => s.ActivityName + "/" + s.Port), after.Steps.Select(s => s.ActivityName + "/" + s.Port));
            Assert.Equal(before.Variables.OrderBy(p => p.Key).Select(p => p.Key + "=" + p.Value), after.Variables.OrderBy(p => p.Key).Select(p => p.Key + "=" + p.Value));
            Assert.Equal(before.CallbackTask!.StatusCode, after.CallbackTask!.StatusCode);
            Assert.Equal(before.Duration, after.Duration);
            Assert.Empty(again.Emulator.Journal); // replaying sent nothing
        }
    }
}
