using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Flows.Subflows;

namespace CallbackLab.Core.Tests.Flows
{
    /// <summary>Subflow handoff: the library, input and output mapping, nesting in the trace, errors, recursion, a subflow alone.</summary>
    public sealed class SubflowSimulationTests
    {
        private const string Subflow = "webex_api_refresh_token";

        private sealed class FixedConnector : IConnectorEndpoint
        {
            public Uri BaseUri { get; } = new Uri("http://127.0.0.1:9/");

            public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult("connector-token");
        }

        private static string? Header(FlowHttpRequest request, string name) =>
            request.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

        private static SubflowLibrary Library() => new SubflowLibrary(new[] { SampleFlows.Load("webex_api_refresh_token_subflow") });

        [Fact]
        public async Task TheMainFlowRefreshesItsTokenInTheSubflowAndRetriesWithIt()
        {
            var transport = new ScriptedTransport((request, n) =>
            {
                string url = request.Uri.ToString();
                if (url.StartsWith("https://webexapis.com/v1/people", StringComparison.Ordinal))
                {
                    return Header(request, "Authorization") == "Bearer tok-2"
                        ? ScriptedTransport.Json(200, "{\"items\":[{\"displayName\":\"Ada\",\"status\":\"active\"}]}")
                        : ScriptedTransport.Json(401, "{\"message\":\"expired\"}");
                }

                if (url == "https://webexapis.com/v1/access_token") return ScriptedTransport.Json(200, "{\"access_token\":\"tok-2\"}");
                if (url.StartsWith("http://127.0.0.1:9/organization/", StringComparison.Ordinal)) return ScriptedTransport.Json(200, "{}");
                return null;
            });
            var options = new IvrSimulationOptions
            {
                Subflows = Library(),
                Connector = new FixedConnector(),
                GlobalVariables = { ["webex_access_token"] = "tok-1" },
            };

            IvrSimulationResult result = await new IvrSimulator(transport).RunAsync(SampleFlows.Load("webex_api_mainflow"), options);

            Assert.True(result.Outcome == SimulationOutcome.Disconnected, string.Join(" | ", result.Steps.Select(s => s.ActivityName + ":" + s.Port + ":" + s.At + ":" + s.Message)));
            Assert.Equal(new[]
            {
                "NewPhoneContact", "Greeting", "GetPersonDetails", "RequestOutcome", "RefreshTheToken",
                "StartSubflow", "RefreshAccessToken", "WasObtained", "UpdateGlobalVariable", "UpdateSuccessCheck", "UpdateFailure",
                "HaveAccessToken", "TryAgain", "GetPersonDetails", "RequestOutcome", "NameAndStatus", "Success",
            }, result.Path);
            // UpdateSuccessCheck is {{ "200" equals UpdateGlobalVariable.httpStatusCode }}: Pebble compares the text "200" with the
            // number 200 and finds them unequal, so the subflow ends at UpdateFailure; which end was reached selects nothing.
            string nested = "Main > " + Subflow;
            Assert.Equal(Enumerable.Repeat("Main", 5).Concat(Enumerable.Repeat(nested, 6)).Concat(Enumerable.Repeat("Main", 6)), result.Steps.Select(s => s.Flow));
            SimulationStep handoff = result.Steps[4];
            Assert.Equal("default", handoff.Port);
            Assert.Equal("tok-2", handoff.ModifiedVariables["WEBEX_ACCESS_TOKEN"]);
            Assert.Equal("tok-2", result.Variables["WEBEX_ACCESS_TOKEN"]);
            Assert.Equal("Ada", result.Variables["name"]);
            Assert.Equal(new[] { "Bearer tok-1", "Bearer tok-2" },
                transport.Sent.Where(s => s.Request.Uri.Host == "webexapis.com" && s.Request.Uri.AbsolutePath == "/v1/people").Select(s => Header(s.Request, "Authorization")));
            // The subflow reads the call's metadata: NewPhoneContact.OrgId resolves inside it (empty here), the path is rendered.
            Assert.Contains(transport.Sent, s => s.Request.Uri.AbsolutePath.StartsWith("/organization/", StringComparison.Ordinal));
            Assert.False(result.Variables.ContainsKey("access_token"), "the subflow's own variables stay in the subflow");
            Assert.Null(result.Failure);
        }

        [Fact]
        public async Task ASubflowAloneStartsAtNewSubFlowStartTakesInputsAndReturnsItsOutputs()
        {
            WxccFlow subflow = TestFlowBuilder.Subflow("Doubler")
                .Variable("input", "INTEGER", "0", "SUBFLOW_INPUT")
                .Variable("result", "INTEGER", "0", "SUBFLOW_OUTPUT")
                .Activity("Double", "set-variable", new { srcVariable = "result", srcVariableType = "INTEGER", expr = "{{ input * 2 }}" })
                .Activity("Done", "end-subflow")
                .Link("StartSubflow", "out", "Double").Link("Double", "out", "Done")
                .Build();
            Assert.Equal(FlowKind.Subflow, subflow.Kind);

            IvrSimulationResult result = await new IvrSimulator().RunAsync(subflow, new IvrSimulationOptions { Variables = { ["input"] = "21" } });

            Assert.Equal(SimulationOutcome.SubflowEnded, result.Outcome);
            Assert.Equal(new[] { "StartSubflow", "Double", "Done" }, result.Path);
            Assert.Equal(42L, result.SubflowOutputs["result"]);
            Assert.Single(result.SubflowOutputs);
        }

        private static WxccFlow Caller(string subflowName, bool errorPort) =>
            new TestFlowBuilder()
                .Variable("number", "INTEGER", "5")
                .Variable("doubled", "STRING", null)
                .Activity("CallIt", "subflow-handoff", new
                {
                    subflowId = "caller-side-id",
                    subflowName,
                    subflowInputVariables = new[] { new { src = "number", target = "input", type = "INTEGER" } },
                    subflowOutputVariables = new[] { new { src = "doubled", target = "result", type = "STRING" } },
                })
                .Activity("Bye", "disconnect-contact")
                .Activity("Sorry", "disconnect-contact")
                .Link("NewPhoneContact", "out", "CallIt").Link("CallIt", "default", "Bye")
                .Link(errorPort ? "CallIt" : "unused", "error", "Sorry")
                .On("OnGlobalError", null)
                .Build();

        private static WxccFlow Doubler(string expression) =>
            TestFlowBuilder.Subflow("Doubler", "69e155c72dc66e894254ad02")
                .Variable("input", "INTEGER", "0", "SUBFLOW_INPUT")
                .Variable("result", "INTEGER", "0", "SUBFLOW_OUTPUT")
                .Activity("Double", "set-variable", new { srcVariable = "result", srcVariableType = "INTEGER", expr = expression })
                .Activity("Done", "end-subflow")
                .Link("StartSubflow", "out", "Double").Link("Double", "out", "Done")
                .Build();

        [Fact]
        public async Task InputsMapInAndOutputsMapBackWithTheCallersTypesMatchedByNameWhenTheIdsDiffer()
        {
            var options = new IvrSimulationOptions { Subflows = new SubflowLibrary(new[] { Doubler("{{ input * 2 }}") }) };

            IvrSimulationResult result = await new IvrSimulator().RunAsync(Caller("doubler", errorPort: false), options);

            Assert.Equal(SimulationOutcome.Disconnected, result.Outcome);
            Assert.Equal(new[] { "NewPhoneContact", "CallIt", "StartSubflow", "Double", "Done", "Bye" }, result.Path);
            Assert.Equal("10", result.Variables["doubled"]);
            Assert.Equal(10L, result.Steps[3].ModifiedVariables["result"]);
            Assert.Contains("runs subflow 'Doubler' with input", result.Steps[1].Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(true, SimulationOutcome.Disconnected, "Sorry")]
        [InlineData(false, SimulationOutcome.GlobalError, "Double")]
        public async Task AnErrorTheSubflowDoesNotHandleLeavesByTheCallersErrorPortElseRaisesOnGlobalError(bool errorPort, SimulationOutcome outcome, string last)
        {
            var options = new IvrSimulationOptions { Subflows = new SubflowLibrary(new[] { Doubler("{{ input | 123 }}") }) };

            IvrSimulationResult result = await new IvrSimulator().RunAsync(Caller("Doubler", errorPort), options);

            Assert.Equal(outcome, result.Outcome);
            Assert.Equal(last, result.Path.Last());
            SimulationStep handoff = result.FindStep("CallIt")!;
            Assert.False(handoff.Succeeded);
            Assert.Equal("error", handoff.Port);
            Assert.Contains("; Subflow 'Doubler' failed at 'Double': ", handoff.Message, StringComparison.Ordinal);
            Assert.Equal(errorPort, result.GlobalError == null);
            if (!errorPort)
            {
                Assert.Equal(SimulationErrorKind.Expression, result.GlobalError!.Kind);
                Assert.Equal("CallIt", result.GlobalError.ActivityName);
                Assert.True(result.Raised("OnGlobalError"));
            }
        }

        [Fact]
        public async Task ASubflowTheLibraryDoesNotHoldStopsTheRunNamingWhatWasLookedForAndWhatTheLibraryHolds()
        {
            IvrSimulationResult empty = await new IvrSimulator(new ScriptedTransport((_, _) => ScriptedTransport.Json(401, "{}"))).RunAsync(
                SampleFlows.Load("webex_api_mainflow"), new IvrSimulationOptions());

            Assert.Equal(SimulationOutcome.Failed, empty.Outcome);
            Assert.Equal(SimulationErrorKind.SubflowNotFound, empty.Failure!.Kind);
            Assert.Equal("RefreshTheToken", empty.Failure.ActivityName);
            Assert.Equal("Subflow activity 'RefreshTheToken': No subflow matches name 'webex_api_refresh_token' (id 687fab57eee2ed7313dcc33c, version "
                + "69e1527fb8cb31d1b678ac9a): the subflow library is empty.", empty.Failure.Message);
            Assert.Equal("RefreshTheToken", empty.Path.Last());
            Assert.False(empty.Steps.Last().Succeeded);
            Assert.Null(empty.Steps.Last().Port);
        }

        [Fact]
        public async Task AnInputTemplateThatDoesNotRenderFailsTheSubflowActivityBeforeTheSubflowStarts()
        {
            WxccFlow caller = new TestFlowBuilder()
                .Activity("CallIt", "subflow-handoff", new
                {
                    subflowName = "Doubler",
                    subflowInputVariables = new[] { new { src = "{{ 1 / 0 }}", target = "input", type = "INTEGER" } },
                })
                .Activity("Sorry", "disconnect-contact")
                .Link("NewPhoneContact", "out", "CallIt").Link("CallIt", "error", "Sorry")
                .Build();
            var options = new IvrSimulationOptions { Subflows = new SubflowLibrary(new[] { Doubler("{{ input * 2 }}") }) };

            IvrSimulationResult result = await new IvrSimulator().RunAsync(caller, options);

            Assert.Equal(new[] { "NewPhoneContact", "CallIt", "Sorry" }, result.Path);
            Assert.Equal("error", result.Steps[1].Port);
            Assert.StartsWith("Subflow input 'input' from '{{ 1 / 0 }}': ", result.Steps[1].Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task ASubflowThatHandsOffToItselfIsStoppedByTheStepLimit()
        {
            WxccFlow loop = TestFlowBuilder.Subflow("Loop")
                .Activity("Again", "subflow-handoff", new { subflowName = "Loop" })
                .Link("StartSubflow", "out", "Again")
                .Build();
            var options = new IvrSimulationOptions { Subflows = new SubflowLibrary(new[] { loop }), MaxSteps = 40 };

            IvrSimulationResult result = await new IvrSimulator().RunAsync(loop, options);

            Assert.Equal(SimulationOutcome.StepLimitExceeded, result.Outcome);
            Assert.Equal(SimulationErrorKind.StepLimit, result.Failure!.Kind);
            Assert.Equal(40, result.Steps.Count);
            Assert.Equal("Main > Loop > Loop", result.Steps[4].Flow);
        }

        [Fact]
        public async Task NestingDeeperThanTheCapStopsBeforeTheStackDoesWhateverTheStepLimit()
        {
            WxccFlow loop = TestFlowBuilder.Subflow("Loop")
                .Activity("Again", "subflow-handoff", new { subflowName = "Loop" })
                .Link("StartSubflow", "out", "Again")
                .Build();
            var options = new IvrSimulationOptions { Subflows = new SubflowLibrary(new[] { loop }), MaxSteps = 1000000 };

            IvrSimulationResult result = await new IvrSimulator().RunAsync(loop, options);

            Assert.Equal(SimulationOutcome.StepLimitExceeded, result.Outcome);
            Assert.Contains("65 levels deep", result.Failure!.Message, StringComparison.Ordinal);
            Assert.True(result.Steps.Count < 200);
        }
    }
}
