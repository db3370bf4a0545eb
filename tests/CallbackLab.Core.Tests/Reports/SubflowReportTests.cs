using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
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
        private static readonly WxccFlow s_main = SampleFlows.Load("webex_api_mainflow");
        private static readonly WxccFlow s_subflow = SampleFlows.Load("webex_api_refresh_token_subflow");

        private sealed class LoopbackConnector : CallbackLab.Core.Flows.Http.IConnectorEndpoint
        {
            public Uri BaseUri { get; } = new Uri("http://127.0.0.1:9/");

            public Task<string> GetAccessTokenAsync(System.Threading.CancellationToken cancellationToken) => Task.FromResult("connector-token");
        }

        private static IvrSimulationResult HandOff()
        {
            var steps = new List<SimulationStep>();
            void Add(WxccFlow flow, string flowPath, string name, string? port)
            {
                FlowActivity a = flow.FindActivityByName(name)!;
                steps.Add(new SimulationStep(steps.Count, flowPath, a.Id, a.Name, a.Type, port, true, TimeSpan.FromSeconds(steps.Count),
                    new Dictionary<string, object?>(), null, null));
            }

            Add(s_main, "Main", "NewPhoneContact", "out");
            Add(s_main, "Main", "Greeting", "default");
            Add(s_main, "Main", "RefreshTheToken", "default");
            Add(s_subflow, "Main > " + s_subflow.Name, "StartSubflow", "out");
            Add(s_subflow, "Main > " + s_subflow.Name, "RefreshAccessToken", "default");
            Add(s_subflow, "Main > " + s_subflow.Name, "WasObtained", "true");
            steps.Add(new SimulationStep(steps.Count, "Main > " + s_subflow.Name + " > Nested", "nested-1", "SomethingNew", "brand-new-activity", null, true,
                TimeSpan.FromSeconds(steps.Count), new Dictionary<string, object?>(), null, null));
            return new IvrSimulationResult(s_main.Name, "+1", "+2", Array.Empty<string>(), SimulationOutcome.Ended, steps, new Dictionary<string, object?>(),
                new Dictionary<string, object?>(), Array.Empty<SimulationEvent>(), null, null, Array.Empty<CallbackRequest>(), null, TimeSpan.FromSeconds(steps.Count));
        }

        [Fact]
        public void SubflowStepsGoOnTheSubflowCanvasAndUnknownOnesOnACanvasFromTheSteps()
        {
            IvrSimulationResult run = HandOff();
            SimulationReport report = SimulationReport.Create(new[] { run }, new[] { s_main, s_subflow });
            ReportRun reportRun = report.Runs.Single();

            string subflowKey = FlowLayout.MainKey(s_subflow.Name);
            Assert.Equal(
                new[] { FlowLayout.MainKey(s_main.Name), FlowLayout.MainKey(s_main.Name), FlowLayout.MainKey(s_main.Name), subflowKey, subflowKey, subflowKey,
                    FlowLayout.StepsKey(s_main.Name + " > Main > " + s_subflow.Name + " > Nested") },
                reportRun.StepCanvases);
            FlowCanvas subflow = report.Canvases.Single(c => c.Key == subflowKey);
            Assert.Equal(CanvasKind.Subflow, subflow.Kind);
            Assert.All(subflow.Nodes, n => Assert.True(n.PlacedByExport));
            FlowCanvas fromSteps = report.Canvases.Single(c => c.Kind == CanvasKind.FromSteps);
            Assert.Equal("brand-new-activity", fromSteps.Nodes.Single().Type);
            // Coverage of each flow counts only its own steps.
            Assert.Equal(3, report.Coverage.Single(c => c.FlowName == s_main.Name).ActivitiesCovered);
            Assert.Equal(3, report.Coverage.Single(c => c.FlowName == s_subflow.Name).ActivitiesCovered);
        }

        [Fact]
        public async System.Threading.Tasks.Task ARealSubflowRunIsDrawnOnTheSubflowsCanvasWithoutBeingGivenTheExports()
        {
            var options = new IvrSimulationOptions { Subflows = new CallbackLab.Core.Flows.Subflows.SubflowLibrary(new[] { s_subflow }), StartTime = ReportRuns.Start };
            IvrSimulationResult run = await new IvrSimulator(new ScriptedTransport((_, n) =>
                    n == 1 ? ScriptedTransport.Json(401, "{\"message\":\"expired\"}") : ScriptedTransport.Json(200, "{\"access_token\":\"tok-123456\",\"expires_in\":3600}")))
                .RunAsync(s_main, options);
            List<SimulationStep> inSubflow = run.Steps.Where(s => s.Flow.Contains(" > " + s_subflow.Name, StringComparison.Ordinal)).ToList();
            Assert.True(inSubflow.Count > 0, "the run never entered the subflow: " + string.Join(" / ", run.Steps));

            SimulationReport report = SimulationReport.Create(new[] { run });

            Assert.Empty(report.MissingFlows);
            ReportRun reportRun = report.Runs.Single();
            for (int i = 0; i < run.Steps.Count; i++)
            {
                string expected = run.Steps[i].Flow.Contains(" > " + s_subflow.Name, StringComparison.Ordinal)
                    ? FlowLayout.MainKey(s_subflow.Name)
                    : s_main.FindActivity(run.Steps[i].ActivityId)!.InEventFlow ? FlowLayout.EventKey(s_main.Name, run.Steps[i].Flow) : FlowLayout.MainKey(s_main.Name);
                Assert.Equal(expected, reportRun.StepCanvases[i]);
            }

            Assert.Equal(CanvasKind.Subflow, report.Canvases.Single(c => c.Key == FlowLayout.MainKey(s_subflow.Name)).Kind);
            // The token the subflow obtained never reaches the page.
            Assert.DoesNotContain("tok-123456", HtmlReportWriter.Write(report, "t", false, ReportRuns.Start));
        }

        /// <summary>
        /// A real run that calls the token subflow twice: the person lookup answers 401 twice (each time the main flow hands
        /// off to the refresh subflow), then 200.
        /// </summary>
        private static Task<IvrSimulationResult> TwoRefreshesAsync()
        {
            int lookups = 0;
            var transport = new ScriptedTransport((request, _) =>
            {
                string url = request.Uri.ToString();
                if (url.StartsWith("https://webexapis.com/v1/people", StringComparison.Ordinal))
                {
                    return ++lookups <= 2 ? ScriptedTransport.Json(401, "{\"message\":\"expired\"}")
                        : ScriptedTransport.Json(200, "{\"items\":[{\"displayName\":\"Ada\",\"status\":\"active\"}]}");
                }

                return url == "https://webexapis.com/v1/access_token" ? ScriptedTransport.Json(200, "{\"access_token\":\"tok-654321\"}") : ScriptedTransport.Json(200, "{}");
            });
            var options = new IvrSimulationOptions
            {
                Subflows = new CallbackLab.Core.Flows.Subflows.SubflowLibrary(new[] { s_subflow }),
                Connector = new LoopbackConnector(),
                StartTime = ReportRuns.Start,
            };
            return new IvrSimulator(transport).RunAsync(s_main, options);
        }

        [Fact]
        public async Task EachRunOfASubflowIsItsOwnTabWithItsOwnSteps()
        {
            IvrSimulationResult run = await TwoRefreshesAsync();
            List<int> handoffs = run.Steps.Where(s => s.ActivityName == "RefreshTheToken").Select(s => s.Index).ToList();
            Assert.True(handoffs.Count == 2, "expected two calls of the subflow: " + string.Join(" / ", run.Steps));

            ReportRun reportRun = SimulationReport.Create(new[] { run }).Runs.Single();
            string canvas = FlowLayout.MainKey(s_subflow.Name);
            Assert.Equal(new[] { FlowLayout.MainKey(s_main.Name), canvas + "#1", canvas + "#2" }, reportRun.Tabs.Select(t => t.Key));
            Assert.Equal(new[] { "Main flow", "Subflow " + s_subflow.Name + " · call 1", "Subflow " + s_subflow.Name + " · call 2" }, reportRun.Tabs.Select(t => t.Title));
            Assert.All(reportRun.Tabs.Skip(1), t => Assert.Equal(canvas, t.CanvasKey));
            // The steps after each handoff, up to the caller's next step, are that call's.
            for (int i = 0; i < run.Steps.Count; i++)
            {
                bool inSubflow = run.Steps[i].Flow != "Main";
                string expected = !inSubflow ? FlowLayout.MainKey(s_main.Name) : i < handoffs[1] ? canvas + "#1" : canvas + "#2";
                Assert.Equal(expected, reportRun.StepTabs[i]);
            }
        }

        [Fact]
        public async Task MermaidDrawsEachSubflowRunAsItsOwnSubgraph()
        {
            IvrSimulationResult run = await TwoRefreshesAsync();
            string[] lines = MermaidWriter.Write(SimulationReport.Create(new[] { run }), coverage: false).Split('\n');
            Assert.Equal(new[] { "Main flow", "Subflow " + s_subflow.Name + " · call 1", "Subflow " + s_subflow.Name + " · call 2" },
                lines.Where(l => l.StartsWith("  subgraph ", StringComparison.Ordinal)).Select(l => l.Substring(l.IndexOf("[\"", StringComparison.Ordinal) + 2).TrimEnd('"', ']')));
            // StartSubflow ran once in each call: numbered with that call's step in each subgraph.
            List<int> starts = run.Steps.Where(s => s.ActivityName == "StartSubflow").Select(s => s.Index + 1).ToList();
            Assert.Equal(2, starts.Count);
            Assert.Equal(starts, lines.Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, "^    c[12]_\\d+\\[\"\\d+\\. StartSubflow<br/>"))
                .Select(l => int.Parse(l.Substring(l.IndexOf("[\"", StringComparison.Ordinal) + 2).Split('.')[0], System.Globalization.CultureInfo.InvariantCulture)));
        }

        [BrowserFact]
        public async Task TheTabOfEachSubflowRunHighlightsOnlyThatRunsPath()
        {
            IvrSimulationResult run = await TwoRefreshesAsync();
            using var reports = new ReportFolder("subflow");
            string path = reports.Write(SimulationReport.Create(new[] { run }), "twice.html");
            string canvas = FlowLayout.MainKey(s_subflow.Name);
            var main = new RenderedReport(HeadlessChromium.DumpDom(path));
            Assert.Equal(new[] { FlowLayout.MainKey(s_main.Name), canvas + "#1", canvas + "#2" }, main.Tabs.Select(t => t["data-tab"]));
            Assert.Equal(new[] { canvas, canvas }, main.Tabs.Skip(1).Select(t => t["data-canvas"]));

            int second = run.Steps.Where(s => s.ActivityName == "RefreshTheToken").Select(s => s.Index).Last();
            foreach ((string tab, Func<SimulationStep, bool> inRun) in new (string, Func<SimulationStep, bool>)[]
            {
                (canvas + "#1", s => s.Flow != "Main" && s.Index < second),
                (canvas + "#2", s => s.Flow != "Main" && s.Index > second),
            })
            {
                var page = new RenderedReport(HeadlessChromium.DumpDom(path, "#canvas=" + Uri.EscapeDataString(tab)));
                Assert.Equal(tab, page.Canvas["data-tab"]);
                var expected = run.Steps.Where(inRun).GroupBy(s => s.ActivityName).ToDictionary(g => g.Key, g => g.Select(s => s.Index + 1).ToList());
                Assert.NotEmpty(expected);
                Assert.Equal(expected.Keys.OrderBy(k => k, StringComparer.Ordinal),
                    page.Nodes.Where(n => RenderedReport.HasClass(n, "visited")).Select(n => n["data-activity"]).OrderBy(k => k, StringComparer.Ordinal));
                foreach (KeyValuePair<string, List<int>> pair in expected)
                {
                    Assert.Equal(pair.Value, RenderedReport.Order(page.Node(pair.Key)));
                }
            }
        }

        [BrowserFact]
        public void TheSubflowTabShowsItsStepsAndAnUnknownTypeGetsAGenericBadge()
        {
            IvrSimulationResult run = HandOff();
            using var reports = new ReportFolder("subflow");
            string path = reports.Write(SimulationReport.Create(new[] { run }, new[] { s_main, s_subflow }), "subflow.html");

            var main = new RenderedReport(HeadlessChromium.DumpDom(path));
            // The main flow, its event flows (none of this export's triggers is wired), the subflow's run, the nested one.
            Assert.DoesNotContain(FlowLayout.Build(s_main), c => c.Kind == CanvasKind.EventFlows);
            Assert.Equal(
                new[] { FlowLayout.MainKey(s_main.Name), FlowLayout.MainKey(s_subflow.Name) + "#1",
                    FlowLayout.StepsKey(s_main.Name + " > Main > " + s_subflow.Name + " > Nested") + "#1" },
                main.Tabs.Select(t => t["data-tab"]));

            var sub = new RenderedReport(HeadlessChromium.DumpDom(path, "#canvas=" + Uri.EscapeDataString(FlowLayout.MainKey(s_subflow.Name))));
            Assert.Equal(s_subflow.Activities.Count, sub.Nodes.Count);
            Assert.Equal(new List<int> { 4 }, RenderedReport.Order(sub.Node("StartSubflow")));
            Assert.Equal(new List<int> { 6 }, RenderedReport.Order(sub.Node("WasObtained")));
            Assert.True(RenderedReport.HasClass(sub.Node("Success"), "unvisited"));

            var unknown = new RenderedReport(HeadlessChromium.DumpDom(path, "#canvas=" + Uri.EscapeDataString(FlowLayout.StepsKey(s_main.Name + " > Main > " + s_subflow.Name + " > Nested"))));
            Assert.Equal("brand-new-activity", unknown.Node("SomethingNew")["data-type"]);
            Assert.Contains(unknown.Elements, e => e["<tag>"] == "g" && RenderedReport.HasClass(e, "badge") && RenderedReport.HasClass(e, "generic"));
        }
    }
}
