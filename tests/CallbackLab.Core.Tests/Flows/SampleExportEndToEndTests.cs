using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Flows.Simulation.World;
using CallbackLab.Core.Flows.Subflows;
using CallbackLab.Core.Stubs;

namespace CallbackLab.Core.Tests.Flows
{
    /// <summary>
    /// Issue 11's proof: every sample export (tests/TestData/Flows, copied from shared/flows) simulates to a natural end for
    /// scripted callers down each branch it has, with its HTTP hosts answered by the stub files in tests/TestData/Stubs and
    /// nothing sent to any network. Expected paths follow the exports' links; variables come from the stub answers.
    /// </summary>
    public sealed class SampleExportEndToEndTests
    {
        private static readonly DateTimeOffset s_tuesdayAfternoon = new DateTimeOffset(2026, 3, 3, 15, 0, 0, TimeSpan.Zero);

        private sealed class LoopbackConnector : IConnectorEndpoint
        {
            public Uri BaseUri { get; } = new Uri("http://127.0.0.1:9/");

            public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult("connector-token");
        }

        private sealed class Run
        {
            internal Run(IvrSimulationResult result, StubEngine stubs, ScriptedTransport network)
            {
                Result = result;
                Stubs = stubs;
                Network = network;
            }

            internal IvrSimulationResult Result { get; }

            internal StubEngine Stubs { get; }

            internal ScriptedTransport Network { get; }
        }

        private static async Task<Run> Simulate(string export, string[] stubFiles, Action<IvrSimulationOptions>? configure = null, IvrWorld? world = null)
        {
            var stubs = new StubEngine();
            foreach (string file in stubFiles)
            {
                stubs.Add(StubReader.ReadFile(System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "Stubs", file + ".json")));
            }

            // No pass-through bases: the connector's and every other host's requests are answered by stubs or not at all.
            var network = new ScriptedTransport((_, _) => null);
            var options = new IvrSimulationOptions
            {
                Connector = new LoopbackConnector(),
                Subflows = new SubflowLibrary(new[] { SampleFlows.Load("webex_api_refresh_token_subflow") }),
                World = world ?? new IvrWorld(),
            };
            options.World.StartTime ??= s_tuesdayAfternoon;
            configure?.Invoke(options);
            IvrSimulationResult result = await new IvrSimulator(new StubRoutingTransport(stubs, network, Array.Empty<Uri>())).RunAsync(SampleFlows.Load(export), options);
            Assert.Empty(network.Sent); // nothing left the machine
            Assert.Null(result.Failure);
            Assert.True(result.UnmatchedRequests.Count == 0, string.Join("; ", result.UnmatchedRequests.Select(u => u.Method + " " + u.Url)));
            return new Run(result, stubs, network);
        }

        private static string[] Path(params string[] activities) => activities;

        [Fact]
        public async Task FlowTemplateQueuesWithMusicUntilAnAgentAnswersOrTheCallerHangsUp()
        {
            Run answered = await Simulate("flow_template", Array.Empty<string>(), o => o.AgentAvailableAfter = TimeSpan.FromSeconds(45));
            Assert.Equal(SimulationOutcome.AgentAnswered, answered.Result.Outcome);
            Assert.Equal(Path("NewPhoneContact", "PlayMessage_ca8", "QueueContact_ypp", "PlayMusic_q5r"), answered.Result.Path.Take(4));
            Assert.True(answered.Result.Raised(FlowEvents.AgentAnswered));

            Run patient = await Simulate("flow_template", Array.Empty<string>());
            Assert.Equal(SimulationOutcome.CallerHungUp, patient.Result.Outcome);
            Assert.Equal(IvrSimulationOptions.DefaultCallerHangsUpAfter, patient.Result.Duration);
            Assert.Equal("PlayMusic_q5r", patient.Result.Path.Last());
        }

        [Theory]
        [InlineData("1", SimulationOutcome.Disconnected, "DisconnectContact_23s")]
        [InlineData("2", SimulationOutcome.Ended, "opt_out")]
        public async Task ClStartOffersACallbackOnTheSecondLoopOfItsQueueCounter(string digit, SimulationOutcome outcome, string last)
        {
            Run run = await Simulate("CL_1_start", Array.Empty<string>(), o => o.Digits = new[] { digit });

            Assert.Equal(outcome, run.Result.Outcome);
            Assert.Equal(Path("NewPhoneContact", "PlayMessage_oc2", "QueueContact_ys9", "PlayMusic_b9x", "Variable_Message", "counter", "Every_other",
                "PlayMusic_b9x", "Variable_Message", "counter", "Every_other", "opt_out"), run.Result.Path.Take(12));
            Assert.Equal(last, run.Result.Path.Last());
            Assert.Equal(2L, run.Result.Variables["count"]); // {{count is odd}}: 1 plays music again, 2 offers the menu
            Assert.Equal(digit == "1" ? 1 : 0, run.Result.Callbacks.Count);
        }

        [Fact]
        public async Task ClReadoutReadsTheCallbackNumberBackDigitByDigitThenSchedulesTheCallback()
        {
            Run run = await Simulate("CL_1_readout", Array.Empty<string>(), o => o.Digits = new[] { "1" });

            Assert.Equal(SimulationOutcome.Disconnected, run.Result.Outcome);
            Assert.Equal(10, run.Result.Path.Count(a => a == "playDigit")); // +14085550100 without +1 has ten digits
            Assert.Equal("4085550100", run.Result.Variables["callbackANI"]);
            Assert.Equal(10L, run.Result.Variables["sPosition"]);
            Assert.Equal(Path("Callback_noh", "PlayMessage_s4p", "DisconnectContact_23s"), run.Result.Path.Skip(run.Result.Path.Count - 3));
            Assert.Equal("+14085550100", Assert.Single(run.Result.Callbacks).Number);
        }

        [Theory]
        [InlineData("holidays", "Holiday_Closed", "DisconnectContact_wv8")]
        [InlineData("override", "Override_Emergency", "DisconnectContact_cjs")]
        public async Task BusinessHoursClosesOnHolidaysAndOverrides(string status, string prompt, string disconnect)
        {
            Run run = await Simulate("BusinessHours_Template", Array.Empty<string>(), world: new IvrWorld { BusinessHoursStatus = status });

            Assert.Equal(SimulationOutcome.Disconnected, run.Result.Outcome);
            Assert.Equal(Path("NewPhoneContact", "BusinessHours", prompt, disconnect, "ContactEnded", "EndFlow_mw8"), run.Result.Path);
            Assert.Equal(status, run.Result.FindStep("BusinessHours")!.Port);
        }

        [Theory]
        [InlineData("workingHours")]
        [InlineData("default")]
        public async Task BusinessHoursQueuesDuringWorkingHoursAndByDefault(string status)
        {
            Run run = await Simulate("BusinessHours_Template", Array.Empty<string>(), o => o.AgentAvailableAfter = TimeSpan.FromSeconds(40),
                new IvrWorld { BusinessHoursStatus = status });

            Assert.Equal(SimulationOutcome.AgentAnswered, run.Result.Outcome);
            Assert.Equal(Path("NewPhoneContact", "BusinessHours", "Work_Non_WorkHours_Match", "WorkingHours_Prompt", "Agent_Queue", "HoldMusic"),
                run.Result.Path.Take(6));
            Assert.Equal(Path("AgentContactAssigned", "EndFlow_7x3"), run.Result.Path.Skip(run.Result.Path.Count - 2));
        }

        [Fact]
        public async Task Cjds02GreetsAKnownFirstTimeCallerByNameAndPublishesTheQueueEvent()
        {
            Run run = await Simulate("CJDS02_Voice", new[] { "CJDS02_Voice" }, o => o.AgentAvailableAfter = TimeSpan.FromMinutes(1));

            Assert.Equal(SimulationOutcome.AgentAnswered, run.Result.Outcome);
            Assert.Equal(Path("NewPhoneContact", "GetMobile", "ParseCustomerRecord", "Play_Hello", "GetIdentity", "personIdExists", "GetCount",
                "NumberOfTimesCustomerCalledIn", "firstCallVariable", "PlayMessage_fistCall", "GetQueueInfoPayment", "UpdateJDSQueueInfo", "QueueContact_c33"),
                run.Result.Path.Take(13));
            Assert.Equal("Carlos", run.Result.Variables["firstName"]);
            Assert.Equal("stub-person-0001", run.Result.Variables["personId"]);
            Assert.Equal("1", run.Result.Variables["totalCalls"]);
            Assert.Equal("Payment Queue", run.Result.Variables["event"]);
            Assert.Equal(202, run.Result.FindStep("UpdateJDSQueueInfo")!.Http!.StatusCode);
        }

        [Fact]
        public async Task Cjds02TreatsAnUnknownCallerAsNew()
        {
            Run run = await Simulate("CJDS02_Voice", new[] { "CJDS02_Voice", "CJDS02_Voice.unknown-caller" }, o => o.AgentAvailableAfter = TimeSpan.FromMinutes(1));

            Assert.Equal(SimulationOutcome.AgentAnswered, run.Result.Outcome);
            Assert.Equal(Path("GetIdentity", "personIdExists", "PlayMessage_new_user", "GetQueueInfoPayment"), run.Result.Path.Skip(4).Take(4));
            Assert.Equal("false", run.Result.FindStep("personIdExists")!.Port);
            Assert.Equal(404, run.Result.FindStep("GetIdentity")!.Http!.StatusCode);
            Assert.Equal(string.Empty, run.Result.Variables["personId"]);
        }

        [Theory]
        [InlineData(VirtualAgentTurnEnd.Handled, SimulationOutcome.Disconnected, new[] { "NewPhoneContact", "AI_Agent", "Disconnect_Contact" })]
        [InlineData(VirtualAgentTurnEnd.Escalated, SimulationOutcome.Ended, new[] { "NewPhoneContact", "AI_Agent", "Queue_Contact", "End_Flow" })]
        [InlineData(VirtualAgentTurnEnd.Error, SimulationOutcome.Disconnected, new[] { "NewPhoneContact", "AI_Agent", "Play_Error", "Disconnect_Contact" })]
        public async Task TheAiAgentFlowFollowsHowTheVirtualAgentTurnEnds(VirtualAgentTurnEnd end, SimulationOutcome outcome, string[] path)
        {
            var world = new IvrWorld { VirtualAgentTurns = { new VirtualAgentTurn { End = end } } };
            Run run = await Simulate("Generic_AI_Agent_Flow", Array.Empty<string>(), world: world);

            Assert.Equal(outcome, run.Result.Outcome);
            Assert.Equal(path, run.Result.Path);
            Assert.Equal(FlowKind.Flow, SampleFlows.Load("Generic_AI_Agent_Flow").Kind);
            Assert.Equal(ActivityTypes.NewContact, SampleFlows.Load("Generic_AI_Agent_Flow").StartActivity!.Type);
        }

        [Theory]
        [InlineData("1", SimulationOutcome.AgentAnswered, "EndFlow_agentAnswered")]
        [InlineData("2", SimulationOutcome.Disconnected, "EndFlow_callEnded")]
        public async Task ZendeskLooksUpTheCallerAndTheirTicketThenQueuesOrLeavesAComment(string digit, SimulationOutcome outcome, string last)
        {
            Run run = await Simulate("Zendesk_HTTP_Connector", new[] { "Zendesk_HTTP_Connector" }, o =>
            {
                o.Digits = new[] { digit };
                o.AgentAvailableAfter = TimeSpan.FromSeconds(30);
            });

            Assert.Equal(outcome, run.Result.Outcome);
            Assert.Equal(Path("NewPhoneContact", "Greeting", "LookupUser", "LookupTicket", "ConditionCheck", "PlayTicketDetails", "MainMenu"), run.Result.Path.Take(7));
            Assert.Equal(last, run.Result.Path.Last());
            Assert.Equal("Ada Lovelace", run.Result.Variables["userName"]);
            Assert.Equal("4711", run.Result.Variables["ticketID"]?.ToString());
            Assert.Equal(digit == "1", run.Result.Raised("ScreenPop"));
            Assert.Equal(digit == "2", run.Result.Path.Contains("PostComments"));
        }

        [Theory]
        [InlineData(new[] { "2" }, "SetCallTypeSales", false)]
        [InlineData(new[] { "3" }, null, false)]
        [InlineData(new[] { "2", "1" }, "SetCallTypeSales", true)]
        public async Task CarsQueuesSalesAndServiceCallersOffersAnSmsOnLongWaitsAndPopsTheCustomerForTheAgent(string[] digits, string? setType, bool sms)
        {
            Run run = await Simulate("Cars_Export_voice", new[] { "Cars_Export_voice" }, o =>
            {
                o.Digits = digits;
                o.AgentAvailableAfter = TimeSpan.FromSeconds(30);
            });

            Assert.Equal(SimulationOutcome.AgentAnswered, run.Result.Outcome);
            Assert.Equal(Path("NewPhoneContact", "WelcomeMessage1_npy", "No_ANI_check", "Get_mockapi_info", "API_Dip_Succeed", "FoundANI", "MainMenu"),
                run.Result.Path.Take(7));
            Assert.Equal(setType != null, run.Result.Path.Contains("SetCallTypeSales"));
            Assert.Equal(sms, run.Result.Path.Contains("SMS_Deflect_1"));
            Assert.Equal(Path("AgentContactAssigned", "ScreenPop_5v9", "SetAgentName", "EndFlow5"), run.Result.Path.Skip(run.Result.Path.Count - 4));
            Assert.True(run.Result.Raised("ScreenPop"));
        }

        [Fact]
        public async Task WebexApiMainFlowReadsThePersonWithTheGlobalToken()
        {
            Run run = await Simulate("webex_api_mainflow", new[] { "webex_api" }, o => o.GlobalVariables["WEBEX_ACCESS_TOKEN"] = "global-token");

            Assert.Equal(SimulationOutcome.Disconnected, run.Result.Outcome);
            Assert.Equal(Path("NewPhoneContact", "Greeting", "GetPersonDetails", "RequestOutcome", "NameAndStatus", "Success"), run.Result.Path);
            Assert.Equal("Valkyrie Supervisor", run.Result.Variables["name"]);
            Assert.Equal("active", run.Result.Variables["status"]);
            Assert.Equal("global-token", run.Result.Variables["WEBEX_ACCESS_TOKEN"]);
            Assert.Equal("2", run.Result.FindStep("RequestOutcome")!.Port);
        }

        [Fact]
        public async Task WebexApiMainFlowRefreshesAnExpiredTokenInItsSubflowAndRetries()
        {
            Run run = await Simulate("webex_api_mainflow", new[] { "webex_api", "webex_api.token-expired" });

            Assert.Equal(SimulationOutcome.Disconnected, run.Result.Outcome);
            Assert.Equal(Path("NewPhoneContact", "Greeting", "GetPersonDetails", "RequestOutcome", "RefreshTheToken", "StartSubflow", "RefreshAccessToken",
                "WasObtained", "UpdateGlobalVariable", "UpdateSuccessCheck", "UpdateFailure", "HaveAccessToken", "TryAgain", "GetPersonDetails",
                "RequestOutcome", "NameAndStatus", "Success"), run.Result.Path);
            Assert.Equal(6, run.Result.Steps.Count(s => s.Flow == "Main > webex_api_refresh_token"));
            Assert.Equal("STUB_REFRESHED_ACCESS_TOKEN", run.Result.Variables["WEBEX_ACCESS_TOKEN"]);
            Assert.Equal("1", run.Result.Steps[3].Port);
        }

        [Fact]
        public async Task WebexApiMainFlowWaitsOutARateLimitFromTheRetryAfterHeader()
        {
            Run run = await Simulate("webex_api_mainflow", new[] { "webex_api", "webex_api.rate-limited" });

            Assert.Equal(SimulationOutcome.Disconnected, run.Result.Outcome);
            Assert.Equal(Path("NewPhoneContact", "Greeting", "GetPersonDetails", "RequestOutcome", "GetRetryDelay", "PerformDelay", "TryAgain",
                "GetPersonDetails", "RequestOutcome", "NameAndStatus", "Success"), run.Result.Path);
            Assert.True(Equals(30L, run.Result.Variables["retry_delay"]), run.Result.Variables["retry_delay"]?.GetType().Name);
            Assert.Equal("Too many requests.", run.Result.Variables["error_message"]);
        }

        [Fact]
        public async Task TheTokenRefreshSubflowRunsAloneAndReturnsItsOutput()
        {
            Run run = await Simulate("webex_api_refresh_token_subflow", new[] { "webex_api" });

            Assert.Equal(SimulationOutcome.SubflowEnded, run.Result.Outcome);
            Assert.Equal(Path("StartSubflow", "RefreshAccessToken", "WasObtained", "UpdateGlobalVariable", "UpdateSuccessCheck", "UpdateFailure"), run.Result.Path);
            Assert.Equal("STUB_REFRESHED_ACCESS_TOKEN", run.Result.SubflowOutputs["access_token"]);
        }
    }
}
