using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Flows.Simulation.World;

namespace CallbackLab.Core.Tests.Flows.World
{
    /// <summary>
    /// A caller's own virtual-agent script (IvrSimulationOptions.VirtualAgentTurns): it wins over the world's turns, the
    /// world's over the documented default, and the trace and AssumedWorld say whose turn each step took.
    /// </summary>
    public sealed class CallerVirtualAgentScriptTests
    {
        private static readonly DateTimeOffset s_tuesday = new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);

        /// <summary>Greeter, then Billing, both V2 agents; escalations go to Agent, an error to Oops.</summary>
        private static WxccFlow TwoAgents() => new TestFlowBuilder()
            .Activity("Greeter", "ivr-virtualassistantvoice")
            .Activity("Billing", "ivr-virtualassistant")
            .Activity("Agent", "end-flow").Activity("Done", "end-flow").Activity("Oops", "end-flow")
            .Link("NewPhoneContact", "out", "Greeter").Link("Greeter", "ENDED", "Billing").Link("Greeter", "ESCALATE", "Agent").Link("Greeter", "error", "Oops")
            .Link("Billing", "ENDED", "Done").Link("Billing", "ESCALATE", "Agent").Link("Billing", "error", "Oops")
            .Build();

        private static IvrSimulationOptions Caller(IvrWorld? world, params VirtualAgentTurn[] turns) =>
            new IvrSimulationOptions { StartTime = s_tuesday, World = world ?? new IvrWorld(), VirtualAgentTurns = turns.Length == 0 ? null : turns.ToList() };

        [Fact]
        public async Task TheCallersTurnsDecideEachAgentAndSetTheOutputsTheyName()
        {
            IvrSimulationResult result = await new IvrSimulator().RunAsync(TwoAgents(), Caller(null,
                new VirtualAgentTurn { End = VirtualAgentTurnEnd.Handled, Outputs = { ["StateEventName"] = "greeted" } },
                new VirtualAgentTurn { End = VirtualAgentTurnEnd.Escalated, Outputs = { ["LastIntent"] = "billing" } }));

            Assert.Equal(new[] { "NewPhoneContact", "Greeter", "Billing", "Agent" }, result.Path);
            Assert.Equal("greeted", result.Outputs["Greeter.StateEventName"]);
            Assert.Equal("billing", result.Outputs["Billing.LastIntent"]);
            Assert.EndsWith("(the caller's script)", result.FindStep("Billing")!.Message, StringComparison.Ordinal);
            Assert.Empty(result.AssumedWorld);
        }

        [Fact]
        public async Task TheCallerWinsOverTheWorldAndTheWorldFillsWhatTheCallerLeaves()
        {
            var world = new IvrWorld();
            world.VirtualAgentTurns.Add(new VirtualAgentTurn { End = VirtualAgentTurnEnd.Error });
            world.VirtualAgentTurns.Add(new VirtualAgentTurn { End = VirtualAgentTurnEnd.Escalated, Outputs = { ["LastIntent"] = "world" } });

            IvrSimulationResult result = await new IvrSimulator().RunAsync(TwoAgents(), Caller(world, new VirtualAgentTurn { End = VirtualAgentTurnEnd.Handled }));

            // Greeter takes the caller's Handled (not the world's Error); Billing, with the caller's script used up, the world's first turn.
            Assert.Equal(new[] { "NewPhoneContact", "Greeter", "Billing", "Oops" }, result.Path);
            Assert.EndsWith("(the caller's script)", result.FindStep("Greeter")!.Message, StringComparison.Ordinal);
            Assert.EndsWith("(the world's turn)", result.FindStep("Billing")!.Message, StringComparison.Ordinal);
            Assert.Equal("system_error", result.Outputs["Billing.ErrorCode"]);
            Assert.Empty(result.AssumedWorld);
        }

        [Fact]
        public async Task ATurnNamingAnActivityWaitsForItWhileUnnamedTurnsServeTheOthers()
        {
            IvrSimulationResult result = await new IvrSimulator().RunAsync(TwoAgents(), Caller(null,
                new VirtualAgentTurn { ActivityName = "billing", End = VirtualAgentTurnEnd.CallerHungUp },
                new VirtualAgentTurn { End = VirtualAgentTurnEnd.Handled, Outputs = { ["StateEventName"] = "first" } }));

            Assert.Equal(new[] { "NewPhoneContact", "Greeter", "Billing" }, result.Path);
            Assert.Equal("first", result.Outputs["Greeter.StateEventName"]);
            Assert.Equal(SimulationOutcome.CallerHungUp, result.Outcome);
        }

        [Fact]
        public async Task WithNeitherScriptTheDefaultAppliesAndIsListedOnce()
        {
            IvrSimulationResult result = await new IvrSimulator().RunAsync(TwoAgents(), Caller(null));

            Assert.Equal(new[] { "NewPhoneContact", "Greeter", "Billing", "Done" }, result.Path);
            Assert.Contains("the default, Handled, applies", result.FindStep("Greeter")!.Message, StringComparison.Ordinal);
            Assert.Contains("the default, Handled, applies", result.FindStep("Billing")!.Message, StringComparison.Ordinal);
            AssumedWorldEntry assumed = Assert.Single(result.AssumedWorld, a => a.Setting == nameof(IvrWorld.VirtualAgentTurns));
            Assert.Equal("Handled", assumed.Value);
            Assert.Equal("Greeter", assumed.ActivityName);
        }

        [Fact]
        public async Task ACallerScriptThatRunsOutFallsToTheDefaultAndSaysSo()
        {
            IvrSimulationResult result = await new IvrSimulator().RunAsync(TwoAgents(), Caller(null, new VirtualAgentTurn { End = VirtualAgentTurnEnd.Handled }));

            Assert.EndsWith("(the caller's script)", result.FindStep("Greeter")!.Message, StringComparison.Ordinal);
            Assert.Contains("the default, Handled, applies", result.FindStep("Billing")!.Message, StringComparison.Ordinal);
            Assert.Equal("Billing", Assert.Single(result.AssumedWorld).ActivityName);
        }

        [Fact]
        public async Task OneScriptObjectServesManyCallersAlike()
        {
            // The script is only read: a turn used by one caller is still there for the next.
            var script = new List<VirtualAgentTurn> { new VirtualAgentTurn { End = VirtualAgentTurnEnd.Escalated } };
            var simulator = new IvrSimulator();
            foreach (int caller in Enumerable.Range(0, 2))
            {
                IvrSimulationResult result = await simulator.RunAsync(TwoAgents(), new IvrSimulationOptions { StartTime = s_tuesday, VirtualAgentTurns = script });
                Assert.Equal("Agent", result.Path.Last());
            }
        }

        [Theory]
        [InlineData("Escalated LastIntent=billing", VirtualAgentTurnEnd.Escalated, null, "LastIntent", "billing")]
        [InlineData("escalated:LastIntent=billing", VirtualAgentTurnEnd.Escalated, null, "LastIntent", "billing")]
        [InlineData("Billing:Escalated:LastIntent=billing", VirtualAgentTurnEnd.Escalated, "Billing", "LastIntent", "billing")]
        [InlineData("Billing:error ErrorCode=timeout", VirtualAgentTurnEnd.Error, "Billing", "ErrorCode", "timeout")]
        [InlineData("Handled TranscriptURL=https://t.example.test/1?a=b", VirtualAgentTurnEnd.Handled, null, "TranscriptURL", "https://t.example.test/1?a=b")]
        [InlineData("Handled MetaData={\"intent\":\"pay\",\"score\":0.9}", VirtualAgentTurnEnd.Handled, null, "MetaData", "{\"intent\":\"pay\",\"score\":0.9}")]
        [InlineData("Handled LastIntent=pay my bill", VirtualAgentTurnEnd.Handled, null, "LastIntent", "pay my bill")]
        public void TurnTextReadsTheEndTheActivityAndTheOutputs(string text, VirtualAgentTurnEnd end, string? activity, string output, string value)
        {
            VirtualAgentTurn turn = Assert.Single(WorldText.ParseTurns(text));
            Assert.Equal(end, turn.End);
            Assert.Equal(activity, turn.ActivityName);
            Assert.Equal(value, turn.Outputs[output]);
        }

        [Fact]
        public void SemicolonsAndCommasInsideJsonDoNotSplitTurnsOrOutputs()
        {
            IList<VirtualAgentTurn> turns = WorldText.ParseTurns("Handled MetaData={\"a\":[1,2],\"b\":\"x;y\"},LastIntent=done; Error");

            Assert.Equal(2, turns.Count);
            Assert.Equal("{\"a\":[1,2],\"b\":\"x;y\"}", turns[0].Outputs["MetaData"]);
            Assert.Equal("done", turns[0].Outputs["LastIntent"]);
            Assert.Equal(VirtualAgentTurnEnd.Error, turns[1].End);
        }

        [Theory]
        [InlineData("LastIntent=billing")]
        [InlineData("Transferred")]
        [InlineData("1")]
        [InlineData("Escalated LastIntent")]
        [InlineData("Billing Escalated LastIntent=x")]
        public void TurnTextWithoutAValidEndOrPairsIsRejected(string text)
        {
            Assert.Throws<FormatException>(() => WorldText.ParseTurns(text));
        }

        [Fact]
        public async Task MetaDataTextFromAScriptArrivesAsJson()
        {
            IvrSimulationResult result = await new IvrSimulator().RunAsync(TwoAgents(), new IvrSimulationOptions
            {
                StartTime = s_tuesday,
                VirtualAgentTurns = WorldText.ParseTurns("Escalated MetaData={\"intent\":\"pay\",\"score\":0.9}"),
            });

            var metaData = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(result.Outputs["Greeter.MetaData"]);
            Assert.Equal("pay", metaData["intent"]);
        }
    }
}
