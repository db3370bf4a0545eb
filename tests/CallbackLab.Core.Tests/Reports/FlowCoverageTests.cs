using System.Linq;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Reports;
using CallbackLab.Core.Tests.Flows;
using static CallbackLab.Core.Tests.Flows.TestFlowBuilder;

namespace CallbackLab.Core.Tests.Reports
{
    public sealed class FlowCoverageTests
    {
        // 5 main activities + the wired OnGlobalError trigger and its activity = 7; AgentAnswered has no link, so no flow.
        // Ports: NewPhoneContact.out, Account.default/timeout/invalid, OnGlobalError.out (wired) and Account.error (Collect
        // Digits has an error port; unwired, an error there runs OnGlobalError) = 6. End Flow has no ports.
        private static WxccFlow Flow() => new TestFlowBuilder()
            .Activity("Account", "ivr-collectdigits", Props(("minDigits", 4), ("maxDigits", 6)))
            .Activity("Ok", "end-flow").Activity("Silent", "end-flow").Activity("Bad", "end-flow")
            .Activity("Global", "end-flow", inEventFlow: true)
            .Link("NewPhoneContact", "out", "Account").Link("Account", "default", "Ok").Link("Account", "timeout", "Silent").Link("Account", "invalid", "Bad")
            .On("OnGlobalError", "Global")
            .On("AgentAnswered", null)
            .Build();

        private static Task<IvrSimulationResult> Run(WxccFlow flow, params string[] digits) =>
            new IvrSimulator().RunAsync(flow, new IvrSimulationOptions { Digits = digits });

        [Fact]
        public async Task TwoRunsCoverFourOfSevenActivitiesAndThreeOfSixPorts()
        {
            WxccFlow flow = Flow();
            FlowCoverage coverage = FlowCoverageCalculator.Measure(flow, new[] { await Run(flow, "12345#"), await Run(flow) });

            Assert.Equal(2, coverage.Runs);
            Assert.Equal(7, coverage.ActivitiesTotal);
            Assert.Equal(4, coverage.ActivitiesCovered);
            Assert.Equal(4d / 7, coverage.ActivityCoverage, 10);
            Assert.Equal(6, coverage.PortsTotal);
            Assert.Equal(3, coverage.PortsCovered);
            Assert.Equal(0.5, coverage.PortCoverage, 10);
            Assert.Equal(new[] { "Bad", "Global", "OnGlobalError" }, coverage.ActivitiesNeverRun); // export order
            Assert.Equal(new[] { "Account.invalid", "Account.error", "OnGlobalError.out" }, coverage.PortsNeverTaken);
            Assert.Equal(new[] { "invalid", "error" }, coverage.Activities.Single(a => a.ActivityName == "Account").PortsNeverTaken);
            Assert.Equal(new[] { "error" }, coverage.Activities.Single(a => a.ActivityName == "Account").UnwiredPorts);
            Assert.Equal(new[] { "OnGlobalError" }, coverage.EventFlows);
            Assert.Equal(new[] { "OnGlobalError" }, coverage.EventFlowsNeverRun);
            Assert.DoesNotContain(coverage.Activities, a => a.ActivityName == "AgentAnswered");
            Assert.Equal(2, coverage.Activities.Single(a => a.ActivityName == "Account").Visits);
        }

        [Fact]
        public async Task EveryWiredPortOfTheMainFlowTakenLeavesTheErrorBranchAndTheEventFlow()
        {
            WxccFlow flow = Flow();
            FlowCoverage coverage = FlowCoverageCalculator.Measure(flow, new[] { await Run(flow, "12345#"), await Run(flow), await Run(flow, "12") });
            Assert.Equal(5, coverage.ActivitiesCovered);
            Assert.Equal(4, coverage.PortsCovered);
            Assert.Equal(new[] { "Account.error", "OnGlobalError.out" }, coverage.PortsNeverTaken);
        }

        [Fact]
        public async Task AnUnwiredErrorPortCountsAndIsTakenWhenTheActivityFailsIntoOnGlobalError()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Activity("Hello", "play-message").Activity("Done", "end-flow").Activity("Sorry", "end-flow", inEventFlow: true)
                .Link("NewPhoneContact", "out", "Hello").Link("Hello", "default", "Done")
                .On("OnGlobalError", "Sorry")
                .Build();
            IvrSimulationResult played = await Run(flow);
            IvrSimulationResult failed = await new IvrSimulator().RunAsync(flow, new IvrSimulationOptions
            {
                World = new CallbackLab.Core.Flows.Simulation.World.IvrWorld { FailingActivities = { "Hello" } },
            });
            Assert.Equal("error", failed.FindStep("Hello")!.Port);
            Assert.NotNull(failed.GlobalError); // the unwired error port led to OnGlobalError

            FlowCoverage once = FlowCoverageCalculator.Measure(flow, new[] { played });
            ActivityCoverage hello = once.Activities.Single(a => a.ActivityName == "Hello");
            Assert.Equal(new[] { "default", "error" }, hello.Ports);
            Assert.Equal(new[] { "error" }, hello.UnwiredPorts);
            Assert.Equal(new[] { "Hello.error", "OnGlobalError.out" }, once.PortsNeverTaken);

            FlowCoverage both = FlowCoverageCalculator.Measure(flow, new[] { played, failed });
            Assert.Empty(both.PortsNeverTaken);
            Assert.Equal(1d, both.PortCoverage);
            Assert.Equal(new[] { "default", "error" }, both.Activities.Single(a => a.ActivityName == "Hello").PortsTaken);
        }

        [Fact]
        public void OnlyTheErrorPortCountsUnwired()
        {
            // HTTP Request has no error port (its transport errors go straight to OnGlobalError); a queue's failure and a menu
            // option without a link are unverified paths the simulator ends at, so they do not count.
            WxccFlow flow = new TestFlowBuilder()
                .Activity("Lookup", "http-request-v2").Activity("Choose", "ivr-menu", Props(("menuLinks", new Newtonsoft.Json.Linq.JArray("1", "2"))))
                .Activity("Queue", "queue-contact").Activity("Done", "end-flow")
                .Link("NewPhoneContact", "out", "Lookup").Link("Lookup", "default", "Choose").Link("Choose", "1", "Queue").Link("Queue", "default", "Done")
                .Build();
            FlowCoverage coverage = FlowCoverageCalculator.Measure(flow, System.Array.Empty<IvrSimulationResult>());
            Assert.Equal(new[] { "default" }, coverage.Activities.Single(a => a.ActivityName == "Lookup").Ports);
            Assert.Equal(new[] { "1", "error" }, coverage.Activities.Single(a => a.ActivityName == "Choose").Ports);
            Assert.Equal(new[] { "default" }, coverage.Activities.Single(a => a.ActivityName == "Queue").Ports);
            Assert.Equal(5, coverage.PortsTotal); // NewPhoneContact.out, Lookup.default, Choose.1, Choose.error, Queue.default
        }

        [Fact]
        public void InAnExportTheCanvasSaysWhichActivitiesHaveAnErrorPort()
        {
            WxccFlow cars = SampleFlows.Load("Cars_Export_voice");
            FlowCoverage coverage = FlowCoverageCalculator.Measure(cars, System.Array.Empty<IvrSimulationResult>());
            foreach (ActivityCoverage activity in coverage.Activities)
            {
                DiagramActivity widget = cars.Diagram.FindActivity(activity.ActivityId)!;
                bool drawn = widget.Ports.Any(p => !p.IsInput && p.Name == "error");
                bool wired = cars.FindLink(activity.ActivityId, "error") != null;
                Assert.Equal(drawn && !wired ? new[] { "error" } : System.Array.Empty<string>(), activity.UnwiredPorts);
                Assert.Equal(drawn, activity.Ports.Contains("error"));
            }

            // The condition draws true, false and error; the HTTP Request draws no error port.
            Assert.Contains("error", coverage.Activities.Single(a => a.ActivityName == "No_ANI_check").UnwiredPorts);
            Assert.All(coverage.Activities.Where(a => a.ActivityType == "http-request-v2"), a => Assert.DoesNotContain("error", a.Ports));
        }

        [Fact]
        public async Task RunsOfAnotherFlowAddNothingButCountAsRuns()
        {
            WxccFlow flow = Flow();
            WxccFlow other = SampleFlows.Load("flow_template");
            IvrSimulationResult elsewhere = await new IvrSimulator().RunAsync(other, new IvrSimulationOptions { CallerHangsUpAfter = System.TimeSpan.FromSeconds(30) });
            Assert.NotEmpty(elsewhere.Steps);
            FlowCoverage coverage = FlowCoverageCalculator.Measure(flow, new[] { elsewhere });
            Assert.Equal(1, coverage.Runs);
            Assert.Equal(0, coverage.ActivitiesCovered);
            Assert.Equal(0, coverage.PortCoverage);
        }

        [Fact]
        public void NoRunsCoverNothingAndAFlowWithoutLinksIsFullyCoveredByDefinition()
        {
            FlowCoverage none = FlowCoverageCalculator.Measure(Flow(), System.Array.Empty<IvrSimulationResult>());
            Assert.Equal(0, none.ActivitiesCovered);
            Assert.Equal(0d, none.PortCoverage);
            FlowCoverage empty = FlowCoverageCalculator.Measure(new TestFlowBuilder().Build(), System.Array.Empty<IvrSimulationResult>());
            Assert.Equal(0, empty.PortsTotal);
            Assert.Equal(1d, empty.PortCoverage);
        }
    }
}
