using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Reports;
using CallbackLab.Core.Tests.Flows;

namespace CallbackLab.Core.Tests.Reports
{
    /// <summary>
    /// Opens real reports in headless Chromium and checks what the page drew: the steps in order with their ports, the
    /// visited activities numbered in that order, the ports taken, the end and the global error; screenshots of both.
    /// </summary>
    public sealed class BrowserReportTests : IDisposable
    {
        private readonly ReportFolder _reports = new ReportFolder("report-tests");

        public void Dispose() => _reports.Dispose();

        [BrowserFact]
        public async Task TheLabRunIsDrawnInOrderWithItsPortsTheGlobalErrorAndTheEnd()
        {
            IvrSimulationResult lab = await ReportRuns.LabRunAsync();
            RenderedReport page = Open(SimulationReport.Create(new[] { lab }), "lab.html");

            ReportAssertions.StepsMatch(lab, page);
            // The main canvas is on show first: each visited activity carries the numbers of its steps.
            ReportAssertions.NodesMatch(lab, page, s => s.Flow == "Main");
            Assert.True(RenderedReport.HasClass(page.Node("SimulateGlobalError"), "global-error"));
            Assert.True(RenderedReport.HasClass(page.Node("Callback"), "unvisited"));
            Assert.True(RenderedReport.HasClass(page.Node("QueueContact"), "unvisited"));
            // The ports taken are the links drawn as taken: WantCallback left by 3, nothing by 1 or 2.
            ReportAssertions.TakenEdgesMatch(lab, page, LabFlow.Flow, s => s.Flow == "Main");
            // The main flow and the one event flow the lab wires (OnGlobalError) each have a tab.
            string onError = FlowLayout.EventKey(lab.FlowName, FlowEvents.OnGlobalError);
            Assert.Equal(new[] { FlowLayout.MainKey(lab.FlowName), onError }, page.Tabs.Select(t => t["data-tab"]));

            // The OnGlobalError tab: its path, numbered on from the main flow, and the call ending at its last step.
            string path = Path.Combine(_reports.Path, "lab.html");
            var events = new RenderedReport(HeadlessChromium.DumpDom(path, "#canvas=" + Uri.EscapeDataString(onError)));
            Assert.Equal(onError, events.Canvas["data-tab"]);
            ReportAssertions.NodesMatch(lab, events, s => s.Flow == FlowEvents.OnGlobalError);
            SimulationStep last = lab.Steps.Last(s => s.Flow != FlowEvents.PhoneContactEnded);
            Assert.Equal(new[] { last.ActivityName }, events.Nodes.Where(n => RenderedReport.HasClass(n, "end")).Select(n => n["data-activity"]));
            Assert.DoesNotContain(page.Nodes, n => RenderedReport.HasClass(n, "end"));

            // Selecting an activity lists its steps: the failing set-variable, its port, its expression and Pebble's message.
            var details = new RenderedReport(HeadlessChromium.DumpDom(path, "#select=SimulateGlobalError"));
            SimulationStep failing = lab.FindStep("SimulateGlobalError")!;
            Assert.Contains(details.Elements, e => e["<tag>"] == "div" && RenderedReport.HasClass(e, "step-detail") && e["data-index"] == failing.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains(lab.GlobalError!.Message, details.Details);
            // The expression that failed is listed as the simulator recorded it, marked failed, with its reason.
            EvaluatedExpression failed = failing.Expressions.Single(e => e.Failed);
            (string expression, string value, bool isFailed) row = details.Expressions.Single(r => r.Expression == failed.Expression);
            Assert.True(row.isFailed);
            Assert.Equal("error: " + failed.Error, row.value);
        }

        [BrowserFact]
        public async Task TheDetailsPanelShowsTheExpressionsTheSimulatorRecordedWithTheirValues()
        {
            IvrSimulationResult lab = await ReportRuns.LabRunAsync();
            string path = _reports.Write(SimulationReport.Create(new[] { lab }), "expressions.html");

            // GET_CBID: the URL template and the URL it rendered to (the DNIS sliced), as the step recorded them.
            var get = new RenderedReport(HeadlessChromium.DumpDom(path, "#select=GET_CBID"));
            EvaluatedExpression url = lab.FindStep("GET_CBID")!.Expressions.Single();
            Assert.Equal(new[] { (url.Expression, (string)url.Value!, false) }, get.Expressions);

            // The OnGlobalError condition: httpStatusCode == 201 and the boolean it gave.
            string tab = Uri.EscapeDataString(FlowLayout.EventKey(lab.FlowName, FlowEvents.OnGlobalError));
            var condition = new RenderedReport(HeadlessChromium.DumpDom(path, "#canvas=" + tab + "&select=HTTPStatusCode"));
            EvaluatedExpression test = lab.FindStep("HTTPStatusCode")!.Expressions.Single();
            Assert.Equal("{{CallBackAPI_Request.httpStatusCode == 201}}", test.Expression);
            Assert.Equal(new[] { (test.Expression, test.Value is true ? "true" : "false", false) }, condition.Expressions);
        }

        [BrowserFact]
        public async Task TheThirtyOneActivityCarsFlowIsDrawnWithTheRunOnIt()
        {
            WxccFlow cars = SampleFlows.Load("Cars_Export_voice");
            IvrSimulationResult run = await ReportRuns.SampleRunAsync(cars, new[] { "1", "2" });
            Assert.True(run.Steps.Count(s => s.Flow == "Main") >= 3, "the Cars run should get past the first activities: " + string.Join(" / ", run.Steps));
            RenderedReport page = Open(SimulationReport.Create(new[] { run }, new[] { cars }), "cars.html");

            Assert.Equal(cars.Activities.Count, page.Nodes.Count);
            Assert.Equal(31, page.Nodes.Count);
            ReportAssertions.StepsMatch(run, page);
            ReportAssertions.NodesMatch(run, page, s => !cars.FindActivity(s.ActivityId)!.InEventFlow);
            ReportAssertions.TakenEdgesMatch(run, page, cars, s => !cars.FindActivity(s.ActivityId)!.InEventFlow);
            int visited = run.Steps.Where(s => !cars.FindActivity(s.ActivityId)!.InEventFlow).Select(s => s.ActivityId).Distinct().Count();
            Assert.Equal(cars.Activities.Count - visited, page.Nodes.Count(n => RenderedReport.HasClass(n, "unvisited")));
        }

        [BrowserFact]
        public async Task EachEventFlowOfTheCarsFlowIsItsOwnTabWithOnlyItsSteps()
        {
            WxccFlow cars = SampleFlows.Load("Cars_Export_voice");
            IvrSimulationResult run = await new IvrSimulator(new ScriptedTransport((_, _) => ScriptedTransport.Json(200, "{\"status\":\"ok\"}")))
                .RunAsync(cars, new IvrSimulationOptions { Ani = "+14085550100", Digits = new[] { "1", "2" }, StartTime = ReportRuns.Start, AgentAvailableAfter = TimeSpan.FromSeconds(20) });
            List<string> ran = run.Steps.Where(s => cars.FindActivity(s.ActivityId)!.InEventFlow).Select(s => s.Flow).Distinct().ToList();
            Assert.True(ran.Count >= 1, "the run should go through an event flow: " + string.Join(" / ", run.Steps.Select(s => s.Flow + ":" + s.ActivityName)));
            string path = _reports.Write(SimulationReport.Create(new[] { run }, new[] { cars }), "cars-events.html");

            // A tab for the main flow and one per wired event flow (three of the export's ten triggers), run or not.
            var page = new RenderedReport(HeadlessChromium.DumpDom(path));
            List<string> wired = cars.EventFlows.Activities.Where(a => a.EventName != null && cars.OutgoingLinks(a.Id).Any()).Select(a => FlowLayout.EventKey(cars.Name, a.EventName!)).ToList();
            Assert.Equal(new[] { FlowLayout.MainKey(cars.Name) }.Concat(wired), page.Tabs.Select(t => t["data-tab"]));
            // The event flows that ran carry their own steps, numbered on from the main flow; the others show none.
            foreach (FlowActivity trigger in cars.EventFlows.Activities.Where(a => a.EventName != null && cars.OutgoingLinks(a.Id).Any()))
            {
                string eventName = trigger.EventName!;
                var tab = new RenderedReport(HeadlessChromium.DumpDom(path, "#canvas=" + Uri.EscapeDataString(FlowLayout.EventKey(cars.Name, eventName))));
                Assert.Equal(FlowLayout.EventKey(cars.Name, eventName), tab.Canvas["data-tab"]);
                Assert.Contains(tab.Nodes, n => n["data-activity-id"] == trigger.Id);
                if (ran.Contains(eventName))
                {
                    ReportAssertions.NodesMatch(run, tab, s => s.Flow == eventName);
                    ReportAssertions.TakenEdgesMatch(run, tab, cars, s => s.Flow == eventName);
                }
                else
                {
                    Assert.DoesNotContain(tab.Nodes, n => RenderedReport.HasClass(n, "visited"));
                }
            }
        }

        [BrowserFact]
        public async Task CoveragePaintsTheUnwiredErrorPortsNoRunTookAndNotTheOneThatFailed()
        {
            IvrSimulationResult lab = await ReportRuns.LabRunAsync();
            SimulationReport report = SimulationReport.Create(new[] { lab });
            string path = _reports.Write(report, "coverage.html", coverage: true);
            var page = new RenderedReport(HeadlessChromium.DumpDom(path));

            FlowCoverage coverage = report.Coverage.Single();
            ActivityCoverage menu = coverage.Activities.Single(a => a.ActivityName == "WantCallback");
            ActivityCoverage failing = coverage.Activities.Single(a => a.ActivityName == "SimulateGlobalError");
            Assert.Equal(new[] { "error" }, menu.UnwiredPorts);
            Assert.Equal(new[] { "error" }, failing.UnwiredPorts);
            Assert.Contains("error", menu.PortsNeverTaken);
            Assert.Contains("error", failing.PortsTaken);
            // Drawn on the canvas (the lab has no widgets: the layout adds the error port), red when never taken.
            Assert.Equal("port never", page.PortClass("WantCallback", "error"));
            Assert.Equal("port taken", page.PortClass("SimulateGlobalError", "error"));
        }

        [BrowserFact]
        public async Task SeveralRunsMakeOnePageWhoseSelectorOpensEachRun()
        {
            WxccFlow flow = SampleFlows.Load("CL_1_start");
            IvrSimulationResult first = await ReportRuns.SampleRunAsync(flow, new[] { "1" });
            IvrSimulationResult second = await ReportRuns.SampleRunAsync(flow, new[] { "2" });
            Assert.NotEqual(first.Path, second.Path); // else the second page could pass by showing the first run
            SimulationReport report = SimulationReport.Create(new[] { first, second }, new[] { flow });
            string path = _reports.Write(report, "two.html", coverage: true);

            var pageOne = new RenderedReport(HeadlessChromium.DumpDom(path));
            var pageTwo = new RenderedReport(HeadlessChromium.DumpDom(path, "#run=2"));
            Assert.Equal(2, pageOne.Elements.Count(e => e["<tag>"] == "option"));
            ReportAssertions.StepsMatch(first, pageOne);
            ReportAssertions.StepsMatch(second, pageTwo);
        }

        [BrowserFact]
        public async Task ScreenshotsOfTheLabRunAndTheCarsFlowAreFullPagesOfTheWindowSize()
        {
            IvrSimulationResult lab = await ReportRuns.LabRunAsync();
            WxccFlow cars = SampleFlows.Load("Cars_Export_voice");
            IvrSimulationResult run = await ReportRuns.SampleRunAsync(cars, new[] { "1", "2" });
            foreach ((string name, SimulationReport report, string fragment) in new[]
            {
                ("lab", SimulationReport.Create(new[] { lab }), "#select=GET_CBID"),
                ("cars", SimulationReport.Create(new[] { run }, new[] { cars }), "#zoom=0.55"),
            })
            {
                string html = Path.Combine(ScreenshotFolder(), "report-" + name + ".html");
                File.WriteAllText(html, HtmlReportWriter.Write(report, name, coverage: false, ReportRuns.Start));
                string png = Path.Combine(ScreenshotFolder(), "report-" + name + ".png");
                HeadlessChromium.Screenshot(html, png, 1400, 1000, fragment);
                byte[] bytes = File.ReadAllBytes(png);
                Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes.Take(4));
                Assert.Equal(1400, BigEndian(bytes, 16));
                Assert.Equal(1000, BigEndian(bytes, 20));
                // A blank page compresses to a few kilobytes; a drawn flow does not.
                Assert.True(bytes.Length > 40_000, name + " screenshot is only " + bytes.Length + " bytes: nothing drawn?");
            }
        }

        private RenderedReport Open(SimulationReport report, string fileName)
        {
            var page = new RenderedReport(HeadlessChromium.DumpDom(_reports.Write(report, fileName)));
            Assert.True(page.Ready, string.Concat("the report's script did not finish: ", page.Dom.AsSpan(0, Math.Min(500, page.Dom.Length))));
            return page;
        }

        internal static string ScreenshotFolder()
        {
            string folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }

        internal static int BigEndian(byte[] bytes, int at) => (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
    }
}
