using System;
using System.Linq;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.Flows
{
    /// <summary>The shipped lab flow against the real emulator on 127.0.0.1.</summary>
    public sealed class LabFlowSimulationTests : IDisposable
    {
        private readonly LabEmulator _emulator = LabEmulator.Start();

        public void Dispose() => _emulator.Dispose();

        private Task<IvrSimulationResult> Run(params string[] digits) => Dial("+14694096861", digits);

        private Task<IvrSimulationResult> Dial(string dnis, params string[] digits) =>
            new IvrSimulator().RunAsync(LabFlow.Flow, new IvrSimulationOptions
            {
                Dnis = dnis,
                Digits = digits,
                MockApiUri = _emulator.MockApiUri,
                Connector = _emulator.Connection,
                StartTime = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero),
            });

        [Fact]
        public async Task Digit3FailsSimulateGlobalErrorAndOnGlobalErrorCreatesTheCallbackTask()
        {
            IvrSimulationResult result = await Run("3");

            Assert.Equal(SimulationOutcome.GlobalError, result.Outcome);
            Assert.Equal(
                new[] { "NewPhoneContact", "WelcomeMessage", "WantCallback", "GET_CBID", "SetGetResult", "SimulateGlobalError",
                    "GlobalErrorHandling", "CallBackAPI_Request", "HTTPStatusCode", "EndFlow" },
                result.Path);
            Assert.Equal("true", result.FindStep("HTTPStatusCode")!.Port);
            Assert.False(result.FindStep("SimulateGlobalError")!.Succeeded);
            Assert.Equal("SimulateGlobalError", result.GlobalError!.ActivityName);
            Assert.Equal("Unexpected token of value \"123\" and type NUMBER, expected token of type NAME", result.GlobalError.Message);
            Assert.Equal(LabSeed.LabOutboundEntryPointId, result.Variables["outdialcbid"]);
            Assert.Equal(LabSeed.LabTacNumber, result.Variables["customANI"]);
            Assert.Equal(string.Empty, result.Variables["simulatederror"]);
            Assert.StartsWith("[{", (string)result.Variables["getresult"]!);
            Assert.Equal(201L, result.Outputs["CallBackAPI_Request.httpStatusCode"]);
            Assert.Equal(200L, result.Outputs["GET_CBID.httpStatusCode"]);
            Assert.Equal(201, result.HttpStatusCode);
            Assert.Equal(new[] { "NewPhoneContact", "OnGlobalError", "PhoneContactEnded" }, result.Events.Select(e => e.Name));

            RecordedTask task = Assert.Single(_emulator.Tasks);
            Assert.Equal(task.Id, result.CallbackTask!.TaskId);
            Assert.Equal(LabSeed.LabTacNumber, task.Destination);
            Assert.Equal(LabSeed.LabOutboundEntryPointId, task.EntryPointId);
            var expected = JObject.Parse(LabFlow.Flow.FindActivityByName("CallBackAPI_Request")!.GetString("httpRequestBody")!
                .Replace("{{outdialcbid}}", LabSeed.LabOutboundEntryPointId).Replace("{{customANI}}", LabSeed.LabTacNumber));
            Assert.True(JToken.DeepEquals(expected, task.Request), task.Request.ToString());
        }

        [Fact]
        public async Task TheGetGoesToTheSessionMockApiWithTheDnisWithoutPlusOne()
        {
            IvrSimulationResult result = await Run("3");
            HttpExchange get = result.FindStep("GET_CBID")!.Http!;
            Assert.Equal(_emulator.MockApiUri.ToString().TrimEnd('/') + "/DynVars?dn=4694096861", get.Url);
            Assert.False(get.Authenticated);
            Assert.True(result.FindStep("CallBackAPI_Request")!.Http!.Authenticated);
            Assert.DoesNotContain(_emulator.AccessToken, string.Join("\n", result.Steps.Select(s => s.Http?.ToString() + s.Message)));
        }

        [Fact]
        public async Task Digit1SchedulesTheCallbackAndDisconnects()
        {
            IvrSimulationResult result = await Run("1");
            Assert.Equal(SimulationOutcome.Disconnected, result.Outcome);
            Assert.Equal(new[] { "NewPhoneContact", "WelcomeMessage", "WantCallback", "Callback", "CallbackConfirmation", "DisconnectContact" }, result.Path);
            CallbackRequest callback = Assert.Single(result.Callbacks);
            Assert.Equal("+14085267209", callback.Number);
            Assert.True(callback.Placed);
            Assert.Equal("1", result.Outputs["WantCallback.OptionEntered"]);
            Assert.Empty(_emulator.Tasks);
        }

        [Fact]
        public async Task Digit2WithNoAgentHangsUpAfterTenVirtualMinutesAndEndsTheContact()
        {
            IvrSimulationResult result = await Run("2");

            Assert.Equal(SimulationOutcome.CallerHungUp, result.Outcome);
            Assert.Null(result.Failure);
            Assert.Null(result.GlobalError);
            Assert.Equal(TimeSpan.FromMinutes(10), result.Duration);

            // Welcome 3.6 s + menu 11.2 s (28 words) + key press 1 s: queued at 15.8 s; the 20th 30-second loop of music passes 10:00.
            Assert.Equal(TimeSpan.FromSeconds(15.8), result.FindStep("QueueContact")!.At);
            Assert.Equal(new[] { "NewPhoneContact", "WelcomeMessage", "WantCallback", "QueueContact" }.Concat(Enumerable.Repeat("QueueMusic", 20)), result.Path);
            SimulationStep last = result.Steps[^1];
            Assert.Equal(("Main", "QueueMusic", (string?)null, true, TimeSpan.FromMinutes(10)), (last.Flow, last.ActivityName, last.Port, last.Succeeded, last.At));
            Assert.Equal("defaultmusic_on_hold.wav; the caller hung up at 00:10:00, before an agent answered", last.Message);
            Assert.Equal(TimeSpan.FromSeconds(585.8), result.Steps[^2].At);

            Assert.Equal(new[] { "NewPhoneContact", "PhoneContactEnded" }, result.Events.Select(e => e.Name));
            Assert.Equal(TimeSpan.FromMinutes(10), result.Events[^1].At);
        }

        [Fact]
        public async Task Digit2WithAnAgentSoonerThanThePatienceStillEndsWithAgentAnswered()
        {
            var options = new IvrSimulationOptions { Digits = new[] { "2" }, AgentAvailableAfter = TimeSpan.FromMinutes(9), CallerHangsUpAfter = TimeSpan.FromMinutes(9.5) };
            IvrSimulationResult result = await new IvrSimulator().RunAsync(LabFlow.Flow, options);
            Assert.Equal(SimulationOutcome.AgentAnswered, result.Outcome);
            Assert.Equal(TimeSpan.FromSeconds(15.8) + TimeSpan.FromMinutes(9), result.Duration);
            Assert.Equal(new[] { "NewPhoneContact", "AgentAnswered" }, result.Events.Select(e => e.Name));
        }

        [Fact]
        public async Task Digit2WithAnAgentLaterThanThePatienceHangsUpFirst()
        {
            var options = new IvrSimulationOptions { Digits = new[] { "2" }, AgentAvailableAfter = TimeSpan.FromMinutes(12) };
            IvrSimulationResult result = await new IvrSimulator().RunAsync(LabFlow.Flow, options);
            Assert.Equal(SimulationOutcome.CallerHungUp, result.Outcome);
            Assert.Equal(TimeSpan.FromMinutes(10), result.Duration);
            Assert.Equal(new[] { "NewPhoneContact", "PhoneContactEnded" }, result.Events.Select(e => e.Name));
        }

        [Fact]
        public async Task ACallerWhoNeverHangsUpStillStopsAtTheStepLimit()
        {
            var options = new IvrSimulationOptions { Digits = new[] { "2" }, CallerHangsUpAfter = null };
            IvrSimulationResult result = await new IvrSimulator().RunAsync(LabFlow.Flow, options);
            Assert.Equal(SimulationOutcome.StepLimitExceeded, result.Outcome);
            Assert.Equal(IvrSimulationOptions.DefaultMaxSteps, result.Steps.Count);
            Assert.Equal(SimulationErrorKind.StepLimit, result.Failure!.Kind);
            Assert.Contains("1000 steps", result.Failure.Message);
            Assert.Equal("QueueMusic", result.Steps[^1].ActivityName);
        }

        [Fact]
        public async Task Digit2WithAnAgentAfter45SecondsEndsWithAgentAnswered()
        {
            var options = new IvrSimulationOptions { Digits = new[] { "2" }, AgentAvailableAfter = TimeSpan.FromSeconds(45) };
            IvrSimulationResult result = await new IvrSimulator().RunAsync(LabFlow.Flow, options);
            Assert.Equal(SimulationOutcome.AgentAnswered, result.Outcome);
            Assert.Equal(new[] { "NewPhoneContact", "WelcomeMessage", "WantCallback", "QueueContact", "QueueMusic", "QueueMusic" }, result.Path);
            Assert.Equal(result.Steps.Single(s => s.ActivityName == "QueueContact").At + TimeSpan.FromSeconds(45), result.Duration);
            Assert.Equal(new[] { "NewPhoneContact", "AgentAnswered" }, result.Events.Select(e => e.Name));
        }

        [Fact]
        public async Task NoInputTimesOutToTheQueueAndAnUnknownDigitIsInvalid()
        {
            var timeout = await Run(Array.Empty<string>());
            Assert.Equal("timeout", timeout.FindStep("WantCallback")!.Port);
            var invalid = await Run("7");
            Assert.Equal("invalid", invalid.FindStep("WantCallback")!.Port);
            Assert.Equal("7", invalid.Outputs["WantCallback.OptionEntered"]);
        }

        [Fact]
        public async Task AFaultMakingTasksAnswer500TakesTheFalseBranch()
        {
            _emulator.SetFault(new FaultRule { Method = "POST", PathPattern = "/v1/tasks", StatusCode = 500 });
            IvrSimulationResult result = await Run("3");
            Assert.Equal("false", result.FindStep("HTTPStatusCode")!.Port);
            Assert.Equal(500, result.CallbackTask!.StatusCode);
            Assert.Null(result.CallbackTask.TaskId);
            Assert.Equal(2, result.FindStep("CallBackAPI_Request")!.Http!.Attempts);
            Assert.Empty(_emulator.Tasks);
        }

        [Fact]
        public async Task AnUnknownDnisGets404AndTheTaskGoesOutWithEmptyFields()
        {
            IvrSimulationResult result = await Dial("+15555550000", "3");
            Assert.Equal(404L, result.Outputs["GET_CBID.httpStatusCode"]);
            Assert.Equal(string.Empty, result.Variables["outdialcbid"]);
            Assert.Contains("no match", result.FindStep("GET_CBID")!.Message);
            Assert.Equal("false", result.FindStep("HTTPStatusCode")!.Port);
            Assert.Equal(400, result.CallbackTask!.StatusCode);
            Assert.Empty(_emulator.Tasks);
        }

        [Fact]
        public async Task WithoutAConnectorTheEventFlowRequestFailsAndTheRunSaysWhy()
        {
            var options = new IvrSimulationOptions { Digits = new[] { "3" }, MockApiUri = _emulator.MockApiUri };
            IvrSimulationResult result = await new IvrSimulator().RunAsync(LabFlow.Flow, options);
            Assert.Equal(SimulationOutcome.Failed, result.Outcome);
            Assert.Equal("CallBackAPI_Request", result.Failure!.ActivityName);
            Assert.Contains("WxCC_API", result.Failure.Message);
        }


        [Fact]
        public async Task AResponseSlowerThanTheTimeoutRaisesTheGlobalErrorThroughTheRealTransport()
        {
            _emulator.SetFault(new FaultRule { Method = "GET", PathPattern = "/flowdesigner/Lab/DynVars", Latency = TimeSpan.FromMilliseconds(1500) });
            // Only GET_CBID (the first HTTP activity of the export) gets a 200 ms timeout and no retry.
            WxccFlow slow = WxccFlowReader.Parse(new System.Text.RegularExpressions.Regex("\"httpResponseTimeout\": 2000,(\\s*)\"retryAttempts\": 1")
                .Replace(LabFlow.Json, "\"httpResponseTimeout\": 200,$1\"retryAttempts\": 0", 1));
            Assert.Equal("200", slow.FindActivityByName("GET_CBID")!.GetString("httpResponseTimeout"));
            IvrSimulationResult result = await new IvrSimulator().RunAsync(slow, new IvrSimulationOptions
            {
                Digits = new[] { "3" },
                MockApiUri = _emulator.MockApiUri,
                Connector = _emulator.Connection,
            });
            Assert.Equal("GET_CBID", result.GlobalError!.ActivityName);
            Assert.Equal(SimulationErrorKind.Http, result.GlobalError.Kind);
            Assert.Contains("within 200 ms", result.GlobalError.Message);
            Assert.Equal(new[] { "GET_CBID", "GlobalErrorHandling", "CallBackAPI_Request" }, result.Path.Skip(3).Take(3));
        }

        [Fact]
        public async Task ADroppedConnectionIsATransportFailureThatRaisesTheGlobalError()
        {
            _emulator.SetFault(new FaultRule { Method = "GET", PathPattern = "/flowdesigner/*", DropConnection = true });
            IvrSimulationResult result = await Run("3");
            Assert.Equal("GET_CBID", result.GlobalError!.ActivityName);
            Assert.Contains("failed", result.GlobalError.Message);
            Assert.Equal(2, result.FindStep("GET_CBID")!.Http!.Attempts);
            Assert.Equal(400, result.CallbackTask!.StatusCode);
        }
    }
}
