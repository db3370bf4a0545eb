using System;
using System.Linq;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using static CallbackLab.Core.Tests.Flows.TestFlowBuilder;

namespace CallbackLab.Core.Tests.Flows
{
    /// <summary>Each activity type and event on small flows built for the purpose.</summary>
    public sealed class ActivitySimulationTests
    {
        private static Task<IvrSimulationResult> Run(WxccFlow flow, IFlowHttpTransport? transport = null, params string[] digits) =>
            new IvrSimulator(transport).RunAsync(flow, new IvrSimulationOptions { Digits = digits, Ani = "+14085550123", InteractionId = "i-42" });

        [Fact]
        public async Task CollectDigitsSetsDigitsEnteredAndLeavesByDefaultTimeoutOrInvalid()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Activity("Account", "ivr-collectdigits", Props(("minDigits", 4), ("maxDigits", 6)))
                .Activity("Ok", "end-flow").Activity("Silent", "end-flow").Activity("Bad", "end-flow")
                .Link("NewPhoneContact", "out", "Account").Link("Account", "default", "Ok").Link("Account", "timeout", "Silent").Link("Account", "invalid", "Bad")
                .Build();
            IvrSimulationResult ok = await Run(flow, null, "12345#");
            Assert.Equal("Ok", ok.Path[^1]);
            Assert.Equal("12345", ok.Outputs["Account.DigitsEntered"]);
            Assert.Equal("Silent", (await Run(flow)).Path[^1]);
            Assert.Equal("Bad", (await Run(flow, null, "12")).Path[^1]);
            Assert.Equal(SimulationOutcome.Ended, ok.Outcome);
        }

        [Fact]
        public async Task CaseStatementTakesTheMatchingLinkElseDefault()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Variable("lang", "STRING", "fr")
                .Activity("ByLanguage", "case-statement", Props(("expression", "{{lang | upper}}")))
                .Activity("French", "end-flow").Activity("Other", "end-flow")
                .Link("NewPhoneContact", "out", "ByLanguage").Link("ByLanguage", "FR", "French").Link("ByLanguage", "default", "Other")
                .Build();
            Assert.Equal("French", (await Run(flow)).Path[^1]);
            IvrSimulationResult other = await new IvrSimulator().RunAsync(flow, new IvrSimulationOptions { Variables = { ["lang"] = "de" } });
            Assert.Equal("Other", other.Path[^1]);
        }

        [Fact]
        public async Task ASetVariableErrorTakesAWiredErrorPortInsteadOfTheGlobalError()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Variable("n", "INTEGER", "0")
                .Activity("SetN", "set-variable", Props(("srcVariable", "n"), ("srcVariableType", "INTEGER"), ("expr", "caller {{ ANI }}")))
                .Activity("Handled", "end-flow").Activity("Global", "end-flow", inEventFlow: true)
                .Link("NewPhoneContact", "out", "SetN").Link("SetN", "error", "Handled")
                .On("OnGlobalError", "Global")
                .Build();
            IvrSimulationResult result = await Run(flow);
            Assert.Equal(new[] { "NewPhoneContact", "SetN", "Handled" }, result.Path);
            Assert.False(result.Steps[1].Succeeded);
            Assert.Contains("INTEGER", result.Steps[1].Message);
            Assert.Null(result.GlobalError);
            Assert.False(result.Raised("OnGlobalError"));
        }

        [Fact]
        public async Task AJsonVariableIsReadableInTheFlowAndPlainInTheResult()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Variable("doc", "JSON", null).Variable("name", "STRING", null)
                .Activity("SetDoc", "set-variable", Props(("srcVariable", "doc"), ("srcVariableType", "JSON"), ("expr", "{\"customer\":{\"name\":\"Ada\"},\"tags\":[\"a\",\"b\"]}")))
                .Activity("SetName", "set-variable", Props(("srcVariable", "name"), ("expr", "{{doc.customer.name}}/{{doc.tags | last}}")))
                .Link("NewPhoneContact", "out", "SetDoc").Link("SetDoc", "out", "SetName")
                .Build();
            IvrSimulationResult result = await Run(flow);

            Assert.Equal("Ada/b", result.Variables["name"]);
            var doc = Assert.IsAssignableFrom<System.Collections.Generic.IReadOnlyDictionary<string, object?>>(result.Variables["doc"]);
            Assert.Equal("Ada", Assert.IsAssignableFrom<System.Collections.Generic.IReadOnlyDictionary<string, object?>>(doc["customer"])["name"]);
            Assert.Equal(new object?[] { "a", "b" }, doc["tags"]);
            Assert.IsAssignableFrom<System.Collections.Generic.IReadOnlyDictionary<string, object?>>(result.Steps[1].ModifiedVariables["doc"]);
        }

        [Fact]
        public async Task ContactOutputsResolveInAnyCaseAndBySortName()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Variable("v", "STRING", null)
                .Activity("SetV", "set-variable", Props(("srcVariable", "v"), ("expr", "{{NewPhoneContact.ani}}|{{ani}}|{{InteractionID}}|{{NewPhoneContact.dnis | slice(2)}}")))
                .Link("NewPhoneContact", "out", "SetV")
                .Build();
            IvrSimulationResult result = await Run(flow);
            Assert.Equal("+14085550123|+14085550123|i-42|4694096861", result.Variables["v"]);
        }

        [Fact]
        public async Task HttpRendersQueryAndHeadersRetriesA503AndParsesTypedOutputs()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Variable("count", "INTEGER", "0").Variable("name", "STRING", null)
                .Activity("Lookup", "http-request-v2", Props(
                    ("authenticated", false), ("httpRequestUrl", "http://127.0.0.1:9/api/customers"), ("httpRequestMethod", "POST"),
                    ("httpQueryParameters", Props(("ani", "{{ANI}}"))), ("httpRequestHeaders", Props(("X-Trace", "t-{{InteractionID}}"))),
                    ("httpContentType", "Application/JSON"), ("httpRequestBody", "{\"ani\":\"{{ANI}}\"}"), ("httpResponseTimeout", 1500), ("retryAttempts", 2),
                    ("outputVariableArray", new[] { Props(("outputVariable", "count"), ("jsonPathExp", "$.count")), Props(("outputVariable", "name"), ("jsonPathExp", "customer.name")) })))
                .Activity("Done", "end-flow")
                .Link("NewPhoneContact", "out", "Lookup").Link("Lookup", "default", "Done")
                .Build();
            var transport = new ScriptedTransport((request, n) => n == 1
                ? ScriptedTransport.Json(503, "busy")
                : ScriptedTransport.Json(200, "{\"count\":7,\"customer\":{\"name\":\"Ada\"}}"));
            IvrSimulationResult result = await Run(flow, transport);

            Assert.Equal(2, transport.Sent.Count);
            (FlowHttpRequest request, TimeSpan timeout) = transport.Sent.Last();
            Assert.Equal("http://127.0.0.1:9/api/customers?ani=%2B14085550123", request.Uri.AbsoluteUri);
            Assert.Equal("t-i-42", request.Headers.Single(h => h.Key == "X-Trace").Value);
            Assert.Equal("{\"ani\":\"+14085550123\"}", request.Body);
            Assert.Equal("application/json", request.ContentType);
            Assert.Equal(TimeSpan.FromMilliseconds(1500), timeout);
            Assert.Equal(7L, result.Variables["count"]);
            Assert.Equal("Ada", result.Variables["name"]);
            Assert.Equal(200L, result.Outputs["Lookup.httpStatusCode"]);
            Assert.Equal(2, result.FindStep("Lookup")!.Http!.Attempts);
        }

        [Fact]
        public async Task NoResponseRaisesTheGlobalErrorAndTheEventFlowSharesTheVariables()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Variable("reason", "STRING", null)
                .Activity("Lookup", "http-request-v2", Props(("authenticated", false), ("httpRequestUrl", "http://127.0.0.1:9/x"), ("retryAttempts", 1)))
                .Activity("Note", "set-variable", Props(("srcVariable", "reason"), ("expr", "lookup failed for {{ANI}}")), inEventFlow: true)
                .Link("NewPhoneContact", "out", "Lookup")
                .On("OnGlobalError", "Note")
                .Build();
            var transport = new ScriptedTransport((request, n) => null);
            IvrSimulationResult result = await Run(flow, transport);

            Assert.Equal(SimulationOutcome.GlobalError, result.Outcome);
            Assert.Equal(2, transport.Sent.Count);
            Assert.Equal("Lookup", result.GlobalError!.ActivityName);
            Assert.Equal(SimulationErrorKind.Http, result.GlobalError.Kind);
            Assert.Equal("Connection refused (127.0.0.1:9).", result.GlobalError.Message);
            Assert.Null(result.FindStep("Lookup")!.Http!.StatusCode);
            Assert.Equal("lookup failed for +14085550123", result.Variables["reason"]);
            Assert.Equal(new[] { "NewPhoneContact", "Lookup", "OnGlobalError", "Note" }, result.Path);
            Assert.Equal("OnGlobalError", result.Steps[^1].Flow);
        }

        [Fact]
        public async Task AnUndialableCallbackRaisesCallbackFailedAfterTheContactEnds()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Variable("note", "STRING", null)
                .Activity("Callback", "callback", Props(("callbackDn", "{{ missing }}")))
                .Activity("Bye", "disconnect-contact")
                .Activity("Ended", "set-variable", Props(("srcVariable", "note"), ("expr", "ended")), inEventFlow: true)
                .Activity("Failed", "set-variable", Props(("srcVariable", "note"), ("expr", "{{note}}+failed")), inEventFlow: true)
                .Link("NewPhoneContact", "out", "Callback").Link("Callback", "default", "Bye")
                .On("PhoneContactEnded", "Ended").On("CallbackFailed", "Failed")
                .Build();
            IvrSimulationResult result = await Run(flow);
            Assert.Equal(SimulationOutcome.Disconnected, result.Outcome);
            CallbackRequest callback = Assert.Single(result.Callbacks);
            Assert.False(callback.Placed);
            Assert.Equal(new[] { "NewPhoneContact", "PhoneContactEnded", "CallbackFailed" }, result.Events.Select(e => e.Name));
            Assert.Equal("ended+failed", result.Variables["note"]);
        }

        [Fact]
        public async Task QueueToAgentFiresAgentAnsweredAndRunsItsEventFlow()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Variable("who", "STRING", null)
                .Activity("ToAgent", "queue-to-agent", Props(("agentId", "agent-7")))
                .Activity("Hold", "play-music", Props(("duration", "10")))
                .Activity("Mark", "set-variable", Props(("srcVariable", "who"), ("expr", "answered")), inEventFlow: true)
                .Link("NewPhoneContact", "out", "ToAgent").Link("ToAgent", "default", "Hold").Link("Hold", "default", "Hold")
                .On("AgentAnswered", "Mark")
                .Build();
            IvrSimulationResult result = await new IvrSimulator().RunAsync(flow, new IvrSimulationOptions { AgentAvailableAfter = TimeSpan.FromSeconds(25) });
            Assert.Equal(SimulationOutcome.AgentAnswered, result.Outcome);
            Assert.Equal(new[] { "NewPhoneContact", "ToAgent", "Hold", "Hold", "Hold", "AgentAnswered", "Mark" }, result.Path);
            Assert.Equal(TimeSpan.FromSeconds(25), result.Duration);
            Assert.Equal("answered", result.Variables["who"]);
        }

        [Fact]
        public async Task ALinkToAMissingActivityStopsTheRunSayingWhere()
        {
            WxccFlow flow = new TestFlowBuilder().Link("NewPhoneContact", "out", "ghost").Build();
            IvrSimulationResult result = await Run(flow);
            Assert.Equal(SimulationOutcome.Failed, result.Outcome);
            Assert.Equal(SimulationErrorKind.BrokenLink, result.Failure!.Kind);
            Assert.Contains("'ghost'", result.Failure.Message);
        }

        [Fact]
        public async Task NowReadsTheVirtualClock()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Variable("t", "STRING", null)
                .Activity("Wait", "play-music", Props(("duration", "90")))
                .Activity("Stamp", "set-variable", Props(("srcVariable", "t"), ("expr", "{{ now() | epoch(inMillis=true) }}")))
                .Link("NewPhoneContact", "out", "Wait").Link("Wait", "default", "Stamp")
                .Build();
            var start = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
            IvrSimulationResult result = await new IvrSimulator().RunAsync(flow, new IvrSimulationOptions { StartTime = start });
            Assert.Equal((start.ToUnixTimeMilliseconds() + 90_000).ToString(System.Globalization.CultureInfo.InvariantCulture), result.Variables["t"]);
        }

        [Fact]
        public async Task APropertyOfTheWrongShapeFailsTheActivityAndRaisesTheGlobalError()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Activity("Odd", "set-variable", Props(("srcVariable", Props(("nested", 1))), ("expr", "x")))
                .Link("NewPhoneContact", "out", "Odd")
                .On("OnGlobalError", null)
                .Build();
            IvrSimulationResult result = await Run(flow);
            Assert.Equal(SimulationOutcome.GlobalError, result.Outcome);
            Assert.Equal(SimulationErrorKind.Activity, result.GlobalError!.Kind);
            Assert.StartsWith("Activity 'Odd' (set-variable) could not run:", result.GlobalError.Message);
            Assert.False(result.Events.Single(e => e.Name == "OnGlobalError").Handled);
        }

        [Fact]
        public async Task AConnectorThatCannotSupplyATokenFailsTheRequestWithoutSendingIt()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Activity("Create", "http-request-v2", Props(("authenticated", true), ("connectorId:name", "WxCC_API"), ("httpRequestPath", "/v1/tasks"), ("httpRequestMethod", "POST")))
                .Link("NewPhoneContact", "out", "Create")
                .Build();
            var transport = new ScriptedTransport((request, n) => ScriptedTransport.Json(201, "{}"));
            IvrSimulationResult result = await new IvrSimulator(transport).RunAsync(flow, new IvrSimulationOptions { Connector = new RefusingConnector() });
            Assert.Empty(transport.Sent);
            Assert.Equal("Create", result.GlobalError!.ActivityName);
            Assert.Equal("The connector could not supply an access token: refresh token expired", result.GlobalError.Message);
        }

        private sealed class RefusingConnector : IConnectorEndpoint
        {
            public Uri BaseUri { get; } = new Uri("http://127.0.0.1:9/");

            public Task<string> GetAccessTokenAsync(System.Threading.CancellationToken cancellationToken) =>
                Task.FromException<string>(new InvalidOperationException("refresh token expired"));
        }

        [Fact]
        public async Task InitialValuesGivenAsTextTakeTheDeclaredType()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Variable("count", "INTEGER", "0").Variable("label", "STRING", null)
                .Activity("Next", "set-variable", Props(("srcVariable", "count"), ("srcVariableType", "INTEGER"), ("expr", "{{count + 1}}")))
                .Link("NewPhoneContact", "out", "Next")
                .Build();
            var options = new IvrSimulationOptions { Variables = { ["COUNT"] = "41", ["label"] = "7", ["extra"] = "x" } };
            IvrSimulationResult result = await new IvrSimulator().RunAsync(flow, options);
            Assert.Equal(42L, result.Variables["count"]);
            Assert.Equal("7", result.Variables["label"]);
            Assert.Equal("x", result.Variables["extra"]);
        }

        [Fact]
        public async Task AnErrorInsideAnEventFlowFailsTheRunWithoutRaisingOnGlobalErrorAgain()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Variable("n", "INTEGER", "0")
                .Activity("Queue", "queue-contact")
                .Activity("Hold", "play-music", Props(("duration", "5")))
                .Activity("Bad", "set-variable", Props(("srcVariable", "n"), ("srcVariableType", "INTEGER"), ("expr", "{{ ANI | 1 }}")), inEventFlow: true)
                .Activity("Global", "end-flow", inEventFlow: true)
                .Link("NewPhoneContact", "out", "Queue").Link("Queue", "default", "Hold").Link("Hold", "default", "Hold")
                .On("AgentAnswered", "Bad").On("OnGlobalError", "Global")
                .Build();
            IvrSimulationResult result = await new IvrSimulator().RunAsync(flow, new IvrSimulationOptions { AgentAvailableAfter = TimeSpan.Zero });
            Assert.Equal(SimulationOutcome.Failed, result.Outcome);
            Assert.Equal("Bad", result.Failure!.ActivityName);
            Assert.Null(result.GlobalError);
            Assert.Equal(new[] { "NewPhoneContact", "AgentAnswered" }, result.Events.Select(e => e.Name));
            Assert.Equal(new[] { "NewPhoneContact", "Queue", "AgentAnswered", "Bad" }, result.Path);
        }
    }
}
