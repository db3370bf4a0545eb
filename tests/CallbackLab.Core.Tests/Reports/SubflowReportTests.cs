using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Reports;
using CallbackLab.Core.Tests.Flows;

namespace CallbackLab.Core.Tests.Reports
{
    /// <summary>
    /// Steps nested in a subflow (Flow column <c>Main &gt; Subflow</c>) and activity types the report has never heard of: the
    /// report puts each step on the canvas of the export that holds its activity, and draws what it cannot place from the steps.
    /// </summary>
    public sealed class SubflowReportTests
    {
        private static readonly WxccFlow Main = SampleFlows.Load("webex_api_mainflow");
        private static readonly WxccFlow Subflow = SampleFlows.Load("webex_api_refresh_token_subflow");

        private static IvrSimulationResult HandOff()
        {
            var steps = new List<SimulationStep>();
            void Add(WxccFlow flow, string flowPath, string name, string? port)
            {
                FlowActivity a = flow.FindActivityByName(name)!;
                steps.Add(new SimulationStep(steps.Count, flowPath, a.Id, a.Name, a.Type, port, true, TimeSpan.FromSeconds(steps.Count),
                    new Dictionary<string, object?>(), null, null));
            }

            Add(Main, "Main", "NewPhoneContact", "out");
            Add(Main, "Main", "Greeting", "default");
            Add(Main, "Main", "RefreshTheToken", "default");
            Add(Subflow, "Main > " + Subflow.Name, "StartSubflow", "out");
            Add(Subflow, "Main > " + Subflow.Name, "RefreshAccessToken", "default");
            Add(Subflow, "Main > " + Subflow.Name, "WasObtained", "true");
            steps.Add(new SimulationStep(steps.Count, "Main > " + Subflow.Name + " > Nested", "nested-1", "SomethingNew", "brand-new-activity", null, true,
                TimeSpan.FromSeconds(steps.Count), new Dictionary<string, object?>(), null, null));
            return new IvrSimulationResult(Main.Name, "+1", "+2", new string[0], SimulationOutcome.Ended, steps, new Dictionary<string, object?>(),
                new Dictionary<string, object?>(), new SimulationEvent[0], null, null, new CallbackRequest[0], null, TimeSpan.FromSeconds(steps.Count));
        }

        [Fact]
        public void SubflowStepsGoOnTheSubflowCanvasAndUnknownOnesOnACanvasFromTheSteps()
        {
            IvrSimulationResult run = HandOff();
            SimulationReport report = SimulationReport.Create(new[] { run }, new[] { Main, Subflow });
            ReportRun reportRun = report.Runs.Single();

            string subflowKey = FlowLayout.MainKey(Subflow.Name);
            Assert.Equal(
                new[] { FlowLayout.MainKey(Main.Name), FlowLayout.MainKey(Main.Name), FlowLayout.MainKey(Main.Name), subflowKey, subflowKey, subflowKey,
                    FlowLayout.StepsKey(Main.Name + " > Main > " + Subflow.Name + " > Nested") },
                reportRun.StepCanvases);
            FlowCanvas subflow = report.Canvases.Single(c => c.Key == subflowKey);
            Assert.Equal(CanvasKind.Subflow, subflow.Kind);
            Assert.All(subflow.Nodes, n => Assert.True(n.PlacedByExport));
            FlowCanvas fromSteps = report.Canvases.Single(c => c.Kind == CanvasKind.FromSteps);
            Assert.Equal("brand-new-activity", fromSteps.Nodes.Single().Type);
            // Coverage of each flow counts only its own steps.
            Assert.Equal(3, report.Coverage.Single(c => c.FlowName == Main.Name).ActivitiesCovered);
            Assert.Equal(3, report.Coverage.Single(c => c.FlowName == Subflow.Name).ActivitiesCovered);
        }

        [Fact]
        public async System.Threading.Tasks.Task ARealSubflowRunIsDrawnOnTheSubflowsCanvasWithoutBeingGivenTheExports()
        {
            var options = new IvrSimulationOptions { Subflows = new CallbackLab.Core.Flows.Subflows.SubflowLibrary(new[] { Subflow }), StartTime = ReportRuns.Start };
            IvrSimulationResult run = await new IvrSimulator(new ScriptedTransport((_, n) =>
                    n == 1 ? ScriptedTransport.Json(401, "{\"message\":\"expired\"}") : ScriptedTransport.Json(200, "{\"access_token\":\"tok-123456\",\"expires_in\":3600}")))
                .RunAsync(Main, options);
            List<SimulationStep> inSubflow = run.Steps.Where(s => s.Flow.Contains(" > " + Subflow.Name, StringComparison.Ordinal)).ToList();
            Assert.True(inSubflow.Count > 0, "the run never entered the subflow: " + string.Join(" / ", run.Steps));

            SimulationReport report = SimulationReport.Create(new[] { run });

            Assert.Empty(report.MissingFlows);
            ReportRun reportRun = report.Runs.Single();
            for (int i = 0; i < run.Steps.Count; i++)
            {
                string expected = run.Steps[i].Flow.Contains(" > " + Subflow.Name, StringComparison.Ordinal)
                    ? FlowLayout.MainKey(Subflow.Name)
                    : Main.FindActivity(run.Steps[i].ActivityId)!.InEventFlow ? FlowLayout.EventsKey(Main.Name) : FlowLayout.MainKey(Main.Name);
                Assert.Equal(expected, reportRun.StepCanvases[i]);
            }

            Assert.Equal(CanvasKind.Subflow, report.Canvases.Single(c => c.Key == FlowLayout.MainKey(Subflow.Name)).Kind);
            // The token the subflow obtained never reaches the page.
            Assert.DoesNotContain("tok-123456", HtmlReportWriter.Write(report, "t", false, ReportRuns.Start));
        }

        [BrowserFact]
        public void TheSubflowTabShowsItsStepsAndAnUnknownTypeGetsAGenericBadge()
        {
            IvrSimulationResult run = HandOff();
            string folder = Path.Combine(Path.GetTempPath(), "callbacklab-subflow-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                string path = Path.Combine(folder, "subflow.html");
                File.WriteAllText(path, HtmlReportWriter.Write(SimulationReport.Create(new[] { run }, new[] { Main, Subflow }), "Subflow", false, ReportRuns.Start));

                var main = new RenderedReport(HeadlessChromium.DumpDom(path));
                Assert.Equal(
                    new[] { FlowLayout.MainKey(Main.Name), FlowLayout.EventsKey(Main.Name), FlowLayout.MainKey(Subflow.Name),
                        FlowLayout.StepsKey(Main.Name + " > Main > " + Subflow.Name + " > Nested") },
                    main.Tabs.Select(t => t["data-canvas"]));

                var sub = new RenderedReport(HeadlessChromium.DumpDom(path, "#canvas=" + Uri.EscapeDataString(FlowLayout.MainKey(Subflow.Name))));
                Assert.Equal(Subflow.Activities.Count, sub.Nodes.Count);
                Assert.Equal(new List<int> { 4 }, RenderedReport.Order(sub.Node("StartSubflow")));
                Assert.Equal(new List<int> { 6 }, RenderedReport.Order(sub.Node("WasObtained")));
                Assert.True(RenderedReport.HasClass(sub.Node("Success"), "unvisited"));

                var unknown = new RenderedReport(HeadlessChromium.DumpDom(path, "#canvas=" + Uri.EscapeDataString(FlowLayout.StepsKey(Main.Name + " > Main > " + Subflow.Name + " > Nested"))));
                Assert.Equal("brand-new-activity", unknown.Node("SomethingNew")["data-type"]);
                Assert.Contains(unknown.Elements, e => e["<tag>"] == "g" && RenderedReport.HasClass(e, "badge") && RenderedReport.HasClass(e, "generic"));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
