using System;
using System.Linq;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Flows.Simulation.Activities;
using CallbackLab.Core.JsonPath;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.Flows.Activities
{
    /// <summary>
    /// What handlers read once per activity (ActivityCache, OutputMapping, the scheduled window, the screen-pop base URL)
    /// must never carry one run's values into the next: the same flow object runs again with other inputs and must answer
    /// as a fresh read would.
    /// </summary>
    public sealed class ActivityCacheTests
    {
        private static readonly DateTimeOffset s_monday9Utc = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

        [Fact]
        public async Task ALiteralScheduleWindowIsJudgedAgainstEachRunsClock()
        {
            WxccFlow flow = Schedule("2026-12-02", "America/New_York");
            var simulator = new IvrSimulator();

            IvrSimulationResult early = await simulator.RunAsync(flow, Options(s_monday9Utc));
            IvrSimulationResult late = await simulator.RunAsync(flow, Options(new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero)));
            IvrSimulationResult again = await simulator.RunAsync(flow, Options(s_monday9Utc));

            Assert.Equal("default", early.FindStep("Schedule")!.Port);
            Assert.Equal(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(-5)), Assert.Single(early.Callbacks).ScheduledStart);
            Assert.Equal("failure", late.FindStep("Schedule")!.Port);
            Assert.Equal(4L, late.Outputs["Schedule.FailureCode"]);
            Assert.Equal("default", again.FindStep("Schedule")!.Port);
            Assert.Equal("callback to +14085550123 scheduled 2026-12-02 10:00-12:00 -05:00", again.FindStep("Schedule")!.Message);
        }

        [Fact]
        public async Task ALiteralWindowInAnUnknownZoneFailsEveryRunWithCode2()
        {
            WxccFlow flow = Schedule("2026-12-02", "Mars/Olympus_Mons");
            var simulator = new IvrSimulator();
            foreach (int run in Enumerable.Range(0, 2))
            {
                IvrSimulationResult result = await simulator.RunAsync(flow, Options(s_monday9Utc));
                Assert.Equal("failure", result.FindStep("Schedule")!.Port);
                Assert.Equal(2L, result.Outputs["Schedule.FailureCode"]);
                Assert.Empty(result.Callbacks);
            }
        }

        [Fact]
        public async Task ATemplatedWindowIsReadAgainOnEveryRun()
        {
            WxccFlow flow = Schedule("{{ day }}", "America/New_York");
            var simulator = new IvrSimulator();
            IvrSimulationOptions first = Options(s_monday9Utc);
            first.Variables["day"] = "2026-12-02";
            IvrSimulationOptions second = Options(s_monday9Utc);
            second.Variables["day"] = "2026-12-03";

            Assert.Equal(2, (await simulator.RunAsync(flow, first)).Callbacks.Single().ScheduledStart!.Value.Day);
            Assert.Equal(3, (await simulator.RunAsync(flow, second)).Callbacks.Single().ScheduledStart!.Value.Day);
        }

        [Fact]
        public async Task AVariableNamedByItsRadioIsReadOnEveryRun()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Variable("branch", "STRING", "+14085550199")
                .Activity("ToBranch", "blind-transfer", TestFlowBuilder.Props(("transfertodn", " branch "), ("transfertodn:radioName", "setToVariable")))
                .Link("NewPhoneContact", "out", "ToBranch")
                .Build();
            var simulator = new IvrSimulator();
            IvrSimulationOptions other = Options(s_monday9Utc);
            other.Variables["branch"] = "+14085550177";

            Assert.Equal("+14085550199", (await simulator.RunAsync(flow, Options(s_monday9Utc))).Destination);
            Assert.Equal("+14085550177", (await simulator.RunAsync(flow, other)).Destination);
        }

        [Fact]
        public async Task AScreenPopBaseUrlThatChangesIsCheckedAgain()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Activity("PopCrm", "screen-pop", TestFlowBuilder.Props(("screenPopUrl", "{{ crm }}"), ("queryParameters", new JObject { ["ani"] = "{{NewPhoneContact.ANI}}" })))
                .Link("NewPhoneContact", "out", "PopCrm")
                .Link("PopCrm", "default", "Done")
                .Activity("Done", "disconnect-contact")
                .Build();
            var simulator = new IvrSimulator();
            IvrSimulationOptions good = Options(s_monday9Utc);
            good.Variables["crm"] = "https://crm.example.test/contact";
            IvrSimulationOptions bad = Options(s_monday9Utc);
            bad.Variables["crm"] = "crm.example.test/contact";

            IvrSimulationResult first = await simulator.RunAsync(flow, good);
            IvrSimulationResult second = await simulator.RunAsync(flow, bad);
            IvrSimulationResult third = await simulator.RunAsync(flow, good);

            Assert.Equal("https://crm.example.test/contact?ani=%2B14085550123", first.Events.Single(e => e.Name == "ScreenPop").Payload!["Url"]);
            Assert.Equal(SimulationOutcome.GlobalError, second.Outcome);
            Assert.Contains("is not an absolute URL", second.GlobalError!.Message, StringComparison.Ordinal);
            Assert.Equal("default", third.FindStep("PopCrm")!.Port);
        }

        [Theory]
        [InlineData("+1 408-555-0199", true, true)]
        [InlineData("+14085550199", true, true)]
        [InlineData("*123#", true, false)]
        [InlineData("12", false, false)]
        [InlineData("1+23", false, false)]
        [InlineData("++123", false, false)]
        [InlineData("+", false, false)]
        [InlineData("", false, false)]
        [InlineData("call me", false, false)]
        [InlineData("123456789012345678901234567890123456", true, true)]
        [InlineData("1234567890123456789012345678901234567", false, false)]
        public void DialableNumbersAreThreeTo36KeysWithAnOptionalLeadingPlus(string number, bool withKeys, bool digitsOnly)
        {
            Assert.Equal(withKeys, TransferTarget.IsDialable(number));
            Assert.Equal(digitsOnly, TransferTarget.IsDialable(number, withKeys: false));
        }

        [Theory]
        [InlineData("$.customer.tier")]
        [InlineData("customer.tier")]
        [InlineData("$.customer.missing")]
        [InlineData("$.customer.nothing")]
        [InlineData("$.list.first")]
        [InlineData("$.customer")]
        [InlineData("$.list[0]")]
        [InlineData("$..tier")]
        [InlineData("$['customer']['tier']")]
        public void APlainDottedPathSelectsWhatTheJsonPathEngineSelects(string path)
        {
            JToken document = JToken.Parse("{\"customer\":{\"tier\":\"gold\",\"nothing\":null},\"list\":[{\"first\":1}]}");
            var mappings = new JArray(new JObject { ["outputVariable"] = "v", ["jsonPathExp"] = path });

            JToken? ours = OutputMapping.Of(mappings).Single().Select(document);
            JToken? engine = NewtonsoftJsonPathEngine.Instance.SelectForVariable(document, path);

            Assert.Equal(engine?.ToString(Newtonsoft.Json.Formatting.None), ours?.ToString(Newtonsoft.Json.Formatting.None));
            Assert.Equal(engine?.Type, ours?.Type);
        }

        [Fact]
        public void PlaceholderMappingRowsAreLeftOut()
        {
            var mappings = new JArray(
                new JObject { ["outputVariable"] = string.Empty, ["jsonPathExp"] = string.Empty },
                new JObject { ["outputVariable"] = "tier", ["jsonPathExp"] = "$.tier" });

            Assert.Equal("tier", OutputMapping.Of(mappings).Single().Variable);
        }

        [Fact]
        public void SnapshotsSplitFlowVariablesFromOutputsAndHoldPlainValues()
        {
            var store = new FlowVariableStore(4);
            store.Declare("Tier", "gold");
            store.Declare("Profile", JToken.Parse("{\"a\":1}"));
            store.Initialize("NewPhoneContact.ANI", "+1");
            store.Set("Parse.body", JToken.Parse("[1,2]"));

            var variables = store.Snapshot(flowVariables: true);
            var outputs = store.Snapshot(flowVariables: false);

            Assert.Equal(new[] { "Profile", "Tier" }, variables.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.Equal(new[] { "NewPhoneContact.ANI", "Parse.body" }, outputs.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.IsNotAssignableFrom<JToken>(variables["profile"]);
            Assert.Equal(1L, Convert.ToInt64(((System.Collections.IDictionary)variables["Profile"]!)["a"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.IsNotAssignableFrom<JToken>(outputs["parse.BODY"]);
            Assert.Equal("+1", outputs["newphonecontact.ani"]);
        }

        [Fact]
        public async Task PromptsAreJoinedInOrderAndTimedByTheirWords()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Activity("Greet", "play-message", TestFlowBuilder.Props(
                    ("promptsTts", new JArray(new JObject { ["value"] = "  Hello\tdear   {{ name }} " }, new JObject { ["value"] = "Bye" })),
                    ("prompts", new JArray(new JObject { ["type"] = "audio", ["value"] = "jingle.wav" }))))
                .Link("NewPhoneContact", "out", "Greet")
                .Build();
            IvrSimulationOptions options = Options(s_monday9Utc);
            options.Variables["name"] = "Ada";

            SimulationStep step = (await new IvrSimulator().RunAsync(flow, options)).FindStep("Greet")!;

            Assert.Equal("  Hello\tdear   Ada  | Bye | jingle.wav", step.Message);
            // Three words at 2.5 a second (1.2 s), one word (at least 1 s), an audio file (5 s).
            Assert.Equal(TimeSpan.FromSeconds(7.2), step.At);
        }

        private static WxccFlow Schedule(string day, string zone) => new TestFlowBuilder()
            .Activity("Schedule", "scheduled-callback", TestFlowBuilder.Props(
                ("callbackDn", "{{NewPhoneContact.ANI}}"), ("callbackQueue", "Q_Callback"), ("scheduleDate", day),
                ("scheduleStartTime", "10:00:00"), ("scheduleEndTime", "12:00:00"), ("scheduleTimezone", zone)))
            .Link("NewPhoneContact", "out", "Schedule")
            .Build();

        private static IvrSimulationOptions Options(DateTimeOffset start) =>
            new IvrSimulationOptions { Ani = "+14085550123", InteractionId = "cache", StartTime = start };
    }
}
