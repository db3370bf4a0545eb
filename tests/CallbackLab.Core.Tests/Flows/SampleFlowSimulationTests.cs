using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;

namespace CallbackLab.Core.Tests.Flows
{
    /// <summary>The real sample exports, simulated down each branch with scripted digits (no HTTP in these flows).</summary>
    public sealed class SampleFlowSimulationTests
    {
        private static Task<IvrSimulationResult> Run(string flow, TimeSpan? agentAfter, params string[] digits) =>
            new IvrSimulator().RunAsync(SampleFlows.Load(flow), new IvrSimulationOptions
            {
                Ani = "+14085550123",
                Dnis = "+18005550100",
                Digits = digits,
                AgentAvailableAfter = agentAfter,
                InteractionId = "i-1",
            });

        [Fact]
        public async Task TemplateQueuesAndAnAgentAnswersDuringTheMusic()
        {
            IvrSimulationResult result = await Run("flow_template", TimeSpan.FromSeconds(50));
            Assert.Equal(SimulationOutcome.AgentAnswered, result.Outcome);
            Assert.Equal(new[] { "NewPhoneContact", "PlayMessage_ca8", "QueueContact_ypp", "PlayMusic_q5r", "PlayMusic_q5r" }, result.Path);
            Assert.Equal(TimeSpan.FromSeconds(50), result.Duration);
            Assert.True(result.Events.Single(e => e.Name == "AgentAnswered").Handled == false);
        }

        [Fact]
        public async Task CL1StartCountsTwoLoopsThenTheMenuOption1SchedulesTheCallback()
        {
            IvrSimulationResult result = await Run("CL_1_start", null, "1");
            Assert.Equal(SimulationOutcome.Disconnected, result.Outcome);
            Assert.Equal(new[]
            {
                "NewPhoneContact", "PlayMessage_oc2", "QueueContact_ys9",
                "PlayMusic_b9x", "Variable_Message", "counter", "Every_other",
                "PlayMusic_b9x", "Variable_Message", "counter", "Every_other",
                "opt_out", "Callback_noh", "PlayMessage_s4p", "DisconnectContact_23s",
            }, result.Path);
            Assert.Equal(new[] { "true", "false" }, result.Steps.Where(s => s.ActivityName == "Every_other").Select(s => s.Port));
            Assert.Equal(new[] { "comfort_1.wav", "comfort_2.wav" }, result.Steps.Where(s => s.ActivityName == "Variable_Message").Select(s => s.Message));
            Assert.Equal(new object?[] { 1L, 2L }, result.Steps.Where(s => s.ActivityName == "counter").Select(s => s.ModifiedVariables["count"]));
            Assert.Equal(2L, result.Variables["count"]);
            CallbackRequest callback = Assert.Single(result.Callbacks);
            Assert.Equal("+14085550123", callback.Number);
            Assert.Equal("+12027548691", callback.Ani);
            Assert.True(callback.Placed);
            Assert.Equal(new[] { "NewPhoneContact", "PhoneContactEnded" }, result.Events.Select(e => e.Name));
        }

        [Fact]
        public async Task CL1StartWithNoInputGoesBackToTheQueueLoopUntilAnAgentAnswers()
        {
            IvrSimulationResult result = await Run("CL_1_start", TimeSpan.FromSeconds(25));
            Assert.Equal(SimulationOutcome.AgentAnswered, result.Outcome);
            Assert.Equal("timeout", result.FindStep("opt_out")!.Port);
            Assert.Equal(new[]
            {
                "NewPhoneContact", "PlayMessage_oc2", "QueueContact_ys9",
                "PlayMusic_b9x", "Variable_Message", "counter", "Every_other",
                "PlayMusic_b9x", "Variable_Message", "counter", "Every_other",
                "opt_out", "PlayMusic_b9x", "Variable_Message",
            }, result.Path);

            // Queued at 5 s (after the 5 s welcome file), so the agent answers at 30 s, during the comfort message.
            Assert.Equal(TimeSpan.FromSeconds(30), result.Duration);
        }

        [Fact]
        public async Task CL1StartWithAnUnknownKeyLeavesByTheUnwiredInvalidPortAndTheFlowEnds()
        {
            IvrSimulationResult result = await Run("CL_1_start", null, "5");
            Assert.Equal(SimulationOutcome.Ended, result.Outcome);
            Assert.Equal("opt_out", result.Path[^1]);
            Assert.Equal("invalid", result.Steps[^1].Port);
        }

        [Fact]
        public async Task CL1ReadoutReadsTheCallersTenDigitsBackOneByOne()
        {
            IvrSimulationResult result = await Run("CL_1_readout", null, "1");
            Assert.Equal(SimulationOutcome.Disconnected, result.Outcome);
            Assert.Equal("4085550123", result.Variables["callbackANI"]);
            Assert.Equal(new[] { "4.wav", "0.wav", "8.wav", "5.wav", "5.wav", "5.wav", "0.wav", "1.wav", "2.wav", "3.wav" },
                result.Steps.Where(s => s.ActivityName == "playDigit").Select(s => s.Message));
            Assert.Equal(10L, result.Variables["sPosition"]);
            Assert.Equal(Enumerable.Repeat("true", 9).Append("false"), result.Steps.Where(s => s.ActivityName == "positionCheck").Select(s => s.Port));
            Assert.Equal(new[] { "Callback_noh", "PlayMessage_s4p", "DisconnectContact_23s" }, result.Path.Skip(result.Path.Count - 3));
            Assert.Equal("+14085550123", result.Callbacks.Single().Number);
        }

        [Fact]
        public async Task TheTemplatesEndlessMusicLoopEndsWhenTheCallerHangsUpAfterTenMinutes()
        {
            IvrSimulationResult result = await Run("flow_template", null);
            Assert.Equal(SimulationOutcome.CallerHungUp, result.Outcome);
            Assert.Null(result.Failure);

            // The template's play-message has no prompts (0 s); each loop plays 30 s of music (duration unset): 20 loops.
            Assert.Equal(23, result.Steps.Count);
            Assert.Equal(TimeSpan.FromMinutes(10), result.Duration);
            Assert.Equal(("PlayMusic_q5r", (string?)null, TimeSpan.FromMinutes(10)), (result.Steps[^1].ActivityName, result.Steps[^1].Port, result.Steps[^1].At));
            SimulationEvent ended = result.Events.Single(e => e.Name == "PhoneContactEnded");
            Assert.Equal(TimeSpan.FromMinutes(10), ended.At);
            Assert.False(ended.Handled);
        }

        [Fact]
        public async Task ACallerWithThirtySecondsOfPatienceHangsUpAtTheEndOfTheFirstMusic()
        {
            var options = new IvrSimulationOptions { CallerHangsUpAfter = TimeSpan.FromSeconds(30) };
            IvrSimulationResult result = await new IvrSimulator().RunAsync(SampleFlows.Load("flow_template"), options);
            Assert.Equal(SimulationOutcome.CallerHungUp, result.Outcome);
            Assert.Equal(new[] { "NewPhoneContact", "PlayMessage_ca8", "QueueContact_ypp", "PlayMusic_q5r" }, result.Path);
            Assert.Equal(TimeSpan.FromSeconds(30), result.Duration);
            Assert.Equal("defaultmusic_on_hold.wav; the caller hung up at 00:00:30, before an agent answered", result.Steps[^1].Message);
            Assert.Null(result.Steps[^1].Port);
        }

        [Fact]
        public async Task AHangUpInsideALongActivityRewindsTheClockToThePatience()
        {
            var options = new IvrSimulationOptions { CallerHangsUpAfter = TimeSpan.FromSeconds(45) };
            IvrSimulationResult result = await new IvrSimulator().RunAsync(SampleFlows.Load("flow_template"), options);
            Assert.Equal(SimulationOutcome.CallerHungUp, result.Outcome);
            Assert.Equal(5, result.Steps.Count);
            Assert.Equal(new[] { TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(45) }, result.Steps.Skip(3).Select(s => s.At));
            Assert.Equal(new[] { "NewPhoneContact", "PhoneContactEnded" }, result.Events.Select(e => e.Name));
        }

        [Fact]
        public async Task AnAgentAnsweringAtTheMomentTheCallerWouldHangUpWins()
        {
            var options = new IvrSimulationOptions { AgentAvailableAfter = TimeSpan.FromSeconds(60), CallerHangsUpAfter = TimeSpan.FromSeconds(60) };
            IvrSimulationResult result = await new IvrSimulator().RunAsync(SampleFlows.Load("flow_template"), options);
            Assert.Equal(SimulationOutcome.AgentAnswered, result.Outcome);
            Assert.Equal(TimeSpan.FromSeconds(60), result.Duration);
        }

        [Fact]
        public async Task TheStepLimitStillEndsALoopThatTakesNoVirtualTime()
        {
            // Music of 0 s loops forever without the clock moving: the caller's patience never runs out.
            string json = File.ReadAllText(SampleFlows.PathOf("flow_template")).Replace("\"duration\":null", "\"duration\":0");
            var options = new IvrSimulationOptions { MaxSteps = 25 };
            IvrSimulationResult result = await new IvrSimulator().RunAsync(WxccFlowReader.Parse(json, "zero-music.json"), options);
            Assert.Equal(SimulationOutcome.StepLimitExceeded, result.Outcome);
            Assert.Equal(25, result.Steps.Count);
            Assert.Equal(SimulationErrorKind.StepLimit, result.Failure!.Kind);
            Assert.Equal("PlayMusic_q5r", result.Failure.ActivityName);
            Assert.Equal(TimeSpan.Zero, result.Duration);
            Assert.DoesNotContain(result.Events, e => e.Name == "PhoneContactEnded");
        }

        [Fact]
        public async Task ACallerWhoNeverHangsUpLoopsToTheStepLimit()
        {
            var options = new IvrSimulationOptions { MaxSteps = 25, CallerHangsUpAfter = null };
            IvrSimulationResult result = await new IvrSimulator().RunAsync(SampleFlows.Load("flow_template"), options);
            Assert.Equal(SimulationOutcome.StepLimitExceeded, result.Outcome);
            Assert.Equal(25, result.Steps.Count);
            Assert.Equal("PlayMusic_q5r", result.Failure!.ActivityName);
            Assert.Equal(TimeSpan.FromSeconds(22 * 30), result.Duration);
        }
    }
}
