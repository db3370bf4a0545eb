using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Flows.Simulation.Activities;

namespace CallbackLab.Core.Tests.Flows.Activities
{
    /// <summary>Every activity type of the reference table, on its hand-made flow, down each of its ports.</summary>
    public sealed class ActivityFlowTests
    {
        /// <summary>
        /// Every activityName of the reference table (shared/reference/flow-activities.md §3) but subflow-handoff, whose
        /// handler belongs to the subflow work and is tested there.
        /// </summary>
        private static readonly string[] s_referenceTypes =
        {
            "NewPhoneContact", "NewContact", "NewSubFlowStart", "end", "end-subflow", "disconnect-contact",
            "play-message", "play-music", "ivr-menu", "ivr-collectdigits", "Feedback-V2", "Feedback",
            "set-variable", "condition-activity", "case-statement", "percent-allocation", "business-hours", "wait-activity", "hand-off", "fn-activity",
            "http-request-v2", "http-request", "parse-activity", "bre-request", "cryptographic-hash", "generate-otp", "verify-otp", "screen-pop",
            "queue-contact", "queue-to-agent", "queue-lookup", "advanced-queue-info", "escalate-cdg", "set-contact-priority", "callback",
            "scheduled-callback", "blind-transfer", "bridged-transfer", "SetCallerID", "set-announcement", "set-whisperannouncement", "send-digits",
            "ivr-virtualassistant", "ivr-virtualassistantvoice", "record", "RecordingControl", "upload-audio", "start-media-stream",
            "call-progress-analysis", "ReceiveMessage", "SendCustomMessage",
        };

        public static IEnumerable<object[]> Cases => ActivityCases.All.Keys.Select(name => new object[] { name });

        [Theory]
        [MemberData(nameof(Cases))]
        public async Task TheActivityLeavesByItsPortAndSetsItsOutputs(string caseName)
        {
            ActivityCase c = ActivityCases.All[caseName];
            var options = new IvrSimulationOptions
            {
                Ani = "+14085550123",
                InteractionId = "i-42",
                Digits = c.Digits.ToArray(),
                StartTime = ActivityCases.Tuesday10NewYork,
                CallerHangsUpAfter = TimeSpan.FromMinutes(10),
            };
            foreach (KeyValuePair<string, object?> variable in c.Variables)
            {
                options.Variables[variable.Key] = variable.Value;
            }

            c.Arrange?.Invoke(options);
            IvrSimulationResult result = await new IvrSimulator(c.Transport?.Invoke()).RunAsync(ActivityFlows.Load(c.File), options);

            SimulationStep? step = result.FindStep(c.Activity);
            Assert.True(step != null, c.Activity + " did not run; path: " + string.Join(" > ", result.Path) + "; " + result.Failure?.Message);
            Assert.True(c.Port == step!.Port, "left by " + (step.Port ?? "(end)") + ", not " + (c.Port ?? "(end)") + ": " + step.Message);
            Assert.Equal(c.Last ?? "On_" + c.Port, result.Path[^1]);
            Assert.Equal(c.Outcome, result.Outcome);
            Assert.Null(result.Failure);
            foreach (KeyValuePair<string, object?> expected in c.Expect)
            {
                Assert.True(result.Outputs.TryGetValue(expected.Key, out object? actual) || result.Variables.TryGetValue(expected.Key, out actual),
                    expected.Key + " was not set");
                Assert.Equal(expected.Value, actual);
            }

            c.Check?.Invoke(result);
        }

        [Fact]
        public void EveryTypeOfTheReferenceTableIsKnownAndHasAHandMadeFlow()
        {
            var typesInFlows = new HashSet<string>(ActivityFlows.Names.SelectMany(n => ActivityFlows.Load(n).Activities).Select(a => a.Type), StringComparer.OrdinalIgnoreCase);
            foreach (string type in s_referenceTypes)
            {
                Assert.True(ActivityHandlers.IsKnown(type), type + " is not known to the simulator");
                Assert.True(typesInFlows.Contains(type), type + " has no hand-made flow in TestData/Flows/Activities");
            }
        }

        [Fact]
        public void TheCasesTakeEveryPortEachHandMadeFlowWiresOutOfItsActivityUnderTest()
        {
            foreach (IGrouping<(string File, string Activity), ActivityCase> group in ActivityCases.All.Values.GroupBy(c => (c.File, c.Activity)))
            {
                WxccFlow flow = ActivityFlows.Load(group.Key.File);
                FlowActivity activity = flow.FindActivityByName(group.Key.Activity)!;
                var wired = flow.OutgoingLinks(activity.Id).Select(l => l.Port).ToHashSet(StringComparer.Ordinal);
                Assert.True(wired.IsSubsetOf(ActivityCatalog.PortsOf(activity)!), group.Key + " wires a port its type does not have");
                var taken = group.Where(c => c.Port != null).Select(c => c.Port!).ToHashSet(StringComparer.Ordinal);
                Assert.True(wired.IsSubsetOf(taken), group.Key + " wires " + string.Join(",", wired.Except(taken)) + " that no case takes");
            }

            var tested = ActivityCases.All.Values.Select(c => c.File).ToHashSet(StringComparer.Ordinal);
            Assert.All(ActivityFlows.Names, n => Assert.True(tested.Contains(n), n + ".json has no case"));
        }

        [Fact]
        public async Task APercentAllocationRepeatsWithItsSeedAndFollowsTheWeights()
        {
            WxccFlow flow = ActivityFlows.Load("percent-allocation");
            var simulator = new IvrSimulator();
            var counts = new Dictionary<string, int>(StringComparer.Ordinal) { ["0"] = 0, ["1"] = 0, ["2"] = 0 };
            for (int seed = 1; seed <= 2000; seed++)
            {
                IvrSimulationResult result = await simulator.RunAsync(flow, new IvrSimulationOptions { World = { Seed = seed } });
                counts[result.FindStep("Split")!.Port!]++;
            }

            // 50/30/20 in the export; 2000 draws keep each share within 4 points.
            Assert.InRange(counts["0"], 920, 1080);
            Assert.InRange(counts["1"], 520, 680);
            Assert.InRange(counts["2"], 320, 480);
            string first = (await simulator.RunAsync(flow, new IvrSimulationOptions { World = { Seed = 7 } })).FindStep("Split")!.Port!;
            for (int i = 0; i < 5; i++)
            {
                Assert.Equal(first, (await simulator.RunAsync(flow, new IvrSimulationOptions { World = { Seed = 7 } })).FindStep("Split")!.Port);
            }

            IvrSimulationResult unseeded = await simulator.RunAsync(flow, new IvrSimulationOptions());
            Assert.Contains(unseeded.AssumedWorld, a => a.Setting == "Seed" && a.Value == "1" && a.ActivityName == "Split");
        }

        [Fact]
        public async Task AParseReadsEachRunsOwnInputWhenTheSameFlowRunsAgain()
        {
            // The Parse keeps the document it read last: a run with other text or another content type must not see it.
            WxccFlow flow = ActivityFlows.Load("parse-activity");
            var simulator = new IvrSimulator();
            (string Format, string Profile, string? Name)[] runs =
            {
                ("JSON", "{\"customer\":{\"name\":\"Ada\",\"tier\":\"gold\"}}", "Ada"),
                ("JSON", "{\"customer\":{\"name\":\"Bob\",\"tier\":\"gold\"}}", "Bob"),
                ("XML", "<customer><name>Cy</name><tier>gold</tier></customer>", "Cy"),
                ("JSON", "{\"customer\":{\"name\":\"Ada\",\"tier\":\"gold\"}}", "Ada"),
                ("JSON", "{\"customer\": ", null),
            };
            foreach ((string format, string profile, string? name) in runs)
            {
                var options = new IvrSimulationOptions { StartTime = ActivityCases.Tuesday10NewYork };
                options.Variables["format"] = format;
                options.Variables["profile"] = profile;
                IvrSimulationResult result = await simulator.RunAsync(flow, options);
                SimulationStep step = result.FindStep("ParseProfile")!;
                Assert.Equal(name == null ? "error" : "default", step.Port);
                if (name != null)
                {
                    Assert.Equal(name, result.Variables["name"]);
                }
            }
        }
    }
}
