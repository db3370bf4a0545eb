using System;
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
    /// The same reports in headless Firefox: the DOM after the page's script ran (posted back to a loopback server, see
    /// <see cref="HeadlessFirefox"/>) shows the same steps, visited activities, order and ports as in Chromium.
    /// </summary>
    public sealed class FirefoxReportTests : IDisposable
    {
        private readonly ReportFolder _reports = new ReportFolder("firefox-tests");

        public void Dispose() => _reports.Dispose();

        [FirefoxFact]
        public async Task TheLabRunIsDrawnInFirefoxInOrderWithItsPortsTheGlobalErrorAndTheEnd()
        {
            IvrSimulationResult lab = await ReportRuns.LabRunAsync();
            string path = _reports.Write(SimulationReport.Create(new[] { lab }), "lab.html");

            var page = new RenderedReport(HeadlessFirefox.DumpDom(path));
            Assert.True(page.Ready, string.Concat("the report's script did not finish in Firefox: ", page.Dom.AsSpan(0, Math.Min(500, page.Dom.Length))));
            ReportAssertions.StepsMatch(lab, page);
            ReportAssertions.NodesMatch(lab, page, s => s.Flow == "Main");
            ReportAssertions.TakenEdgesMatch(lab, page, LabFlow.Flow, s => s.Flow == "Main");
            Assert.True(RenderedReport.HasClass(page.Node("SimulateGlobalError"), "global-error"));
            Assert.True(RenderedReport.HasClass(page.Node("Callback"), "unvisited"));
            string onError = FlowLayout.EventKey(lab.FlowName, FlowEvents.OnGlobalError);
            Assert.Equal(new[] { FlowLayout.MainKey(lab.FlowName), onError }, page.Tabs.Select(t => t["data-tab"]));

            // The OnGlobalError tab and the details panel, opened by the fragment as in Chromium.
            var events = new RenderedReport(HeadlessFirefox.DumpDom(path, "#canvas=" + Uri.EscapeDataString(onError) + "&select=HTTPStatusCode"));
            Assert.Equal(onError, events.Canvas["data-tab"]);
            ReportAssertions.NodesMatch(lab, events, s => s.Flow == FlowEvents.OnGlobalError);
            SimulationStep last = lab.Steps.Last(s => s.Flow != FlowEvents.PhoneContactEnded);
            Assert.Equal(new[] { last.ActivityName }, events.Nodes.Where(n => RenderedReport.HasClass(n, "end")).Select(n => n["data-activity"]));
            EvaluatedExpression test = lab.FindStep("HTTPStatusCode")!.Expressions.Single();
            Assert.Equal(new[] { (test.Expression, test.Value is true ? "true" : "false", false) }, events.Expressions);
        }

        [FirefoxFact]
        public async Task TheThirtyOneActivityCarsFlowIsDrawnInFirefoxWithTheRunOnIt()
        {
            WxccFlow cars = SampleFlows.Load("Cars_Export_voice");
            IvrSimulationResult run = await ReportRuns.SampleRunAsync(cars, new[] { "1", "2" });
            var page = new RenderedReport(HeadlessFirefox.DumpDom(_reports.Write(SimulationReport.Create(new[] { run }, new[] { cars }), "cars.html")));

            Assert.Equal(31, page.Nodes.Count);
            ReportAssertions.StepsMatch(run, page);
            ReportAssertions.NodesMatch(run, page, s => !cars.FindActivity(s.ActivityId)!.InEventFlow);
            ReportAssertions.TakenEdgesMatch(run, page, cars, s => !cars.FindActivity(s.ActivityId)!.InEventFlow);
        }

        [FirefoxFact]
        public async Task AFirefoxScreenshotOfTheLabRunIsAFullPageOfTheWindowSize()
        {
            IvrSimulationResult lab = await ReportRuns.LabRunAsync();
            string html = Path.Combine(BrowserReportTests.ScreenshotFolder(), "report-lab-firefox.html");
            File.WriteAllText(html, HtmlReportWriter.Write(SimulationReport.Create(new[] { lab }), "lab", coverage: false, ReportRuns.Start));
            string png = Path.Combine(BrowserReportTests.ScreenshotFolder(), "report-lab-firefox.png");
            File.Delete(png);
            HeadlessFirefox.Screenshot(html, png, 1400, 1000, "#select=GET_CBID");

            byte[] bytes = File.ReadAllBytes(png);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes.Take(4));
            Assert.Equal(1400, BrowserReportTests.BigEndian(bytes, 16));
            Assert.Equal(1000, BrowserReportTests.BigEndian(bytes, 20));
            Assert.True(bytes.Length > 40_000, "the Firefox screenshot is only " + bytes.Length + " bytes: nothing drawn?");
        }
    }
}
