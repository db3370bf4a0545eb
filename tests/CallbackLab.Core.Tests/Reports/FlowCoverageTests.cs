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
        // Wired ports: NewPhoneContact.out, Account.default/timeout/invalid, OnGlobalError.out = 5.
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
        public async Task TwoRunsCoverFourOfSevenActivitiesAndThreeOfFivePorts()
        {
            WxccFlow flow = Flow();
            FlowCoverage coverage = FlowCoverageCalculator.Measure(flow, new[] { await Run(flow, "12345#"), await Run(flow) });

            Assert.Equal(2, coverage.Runs);
            Assert.Equal(7, coverage.ActivitiesTotal);
            Assert.Equal(4, coverage.ActivitiesCovered);
            Assert.Equal(4d / 7, coverage.ActivityCoverage, 10);
            Assert.Equal(5, coverage.PortsTotal);
            Assert.Equal(3, coverage.PortsCovered);
            Assert.Equal(0.6, coverage.PortCoverage, 10);
            Assert.Equal(new[] { "Bad", "Global", "OnGlobalError" }, coverage.ActivitiesNeverRun); // export order
            Assert.Equal(new[] { "Account.invalid", "OnGlobalError.out" }, coverage.PortsNeverTaken);
            Assert.Equal(new[] { "invalid" }, coverage.Activities.Single(a => a.ActivityName == "Account").PortsNeverTaken);
            Assert.Equal(new[] { "OnGlobalError" }, coverage.EventFlows);
            Assert.Equal(new[] { "OnGlobalError" }, coverage.EventFlowsNeverRun);
            Assert.DoesNotContain(coverage.Activities, a => a.ActivityName == "AgentAnswered");
            Assert.Equal(2, coverage.Activities.Single(a => a.ActivityName == "Account").Visits);
        }

        [Fact]
        public async Task EveryPortTakenIsFullPortCoverageOfTheMainFlow()
        {
            WxccFlow flow = Flow();
            FlowCoverage coverage = FlowCoverageCalculator.Measure(flow, new[] { await Run(flow, "12345#"), await Run(flow), await Run(flow, "12") });
            Assert.Equal(5, coverage.ActivitiesCovered);
            Assert.Equal(4, coverage.PortsCovered);
            Assert.Equal(new[] { "OnGlobalError.out" }, coverage.PortsNeverTaken);
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
