using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Reports;

namespace CallbackLab.Core.Tests.Reports
{
    public sealed class MermaidWriterTests
    {
        [Fact]
        public async Task TheLabRunIsAFlowchartWithItsPathNumberedAndItsLinksThick()
        {
            IvrSimulationResult lab = await ReportRuns.LabRunAsync();
            string text = MermaidWriter.Write(SimulationReport.Create(new[] { lab }), coverage: false);
            string[] lines = text.Split('\n');

            Assert.Equal("flowchart LR", lines[0]);
            Assert.Equal(2, lines.Count(l => l.TrimStart().StartsWith("subgraph ", StringComparison.Ordinal)));
            Assert.Contains("  subgraph c0_flow[\"Main flow\"]", lines);
            Assert.Contains("  subgraph c1_flow[\"Event flow OnGlobalError\"]", lines); // the lab wires no other event
            // Every step is numbered on its activity, in order: "1. NewPhoneContact", "6. SimulateGlobalError"…
            foreach (SimulationStep step in lab.Steps)
            {
                Assert.Matches(new Regex("\\[\"([0-9,]+,)?" + (step.Index + 1) + "(,[0-9,]+)?\\. " + Regex.Escape(step.ActivityName) + "<br/>"), text);
            }

            // One thick link per port taken through a link, plain arrows for the rest.
            int takenLinks = lab.Steps.Where(s => s.Port != null && LabFlow.Flow.FindLink(s.ActivityId, s.Port) != null)
                .Select(s => LabFlow.Flow.FindLink(s.ActivityId, s.Port!)!.Id).Distinct().Count();
            Assert.Equal(takenLinks, lines.Count(l => l.Contains(" ==>|")));
            Assert.Equal(LabFlow.Flow.Links.Count + LabFlow.Flow.EventFlows.Links.Count, lines.Count(l => l.Contains(" ==>|") || l.Contains(" -->|")));
            Assert.Contains(lines, l => Regex.IsMatch(l, "^  c0_\\d+ ==>\\|\"3\"\\| c0_\\d+$")); // WantCallback left by 3

            string errorNode = NodeId(text, "SimulateGlobalError");
            Assert.Contains("  class " + errorNode + " globalError", lines);
            string unvisited = NodeId(text, "Callback");
            Assert.Contains(lines, l => l.StartsWith("  class ", StringComparison.Ordinal) && l.EndsWith(" unvisited", StringComparison.Ordinal) && l.Contains(unvisited));
            Assert.Contains(lines, l => l.StartsWith("  linkStyle ", StringComparison.Ordinal) && l.EndsWith("stroke:#0a7d3b,stroke-width:3px", StringComparison.Ordinal));
        }

        [Fact]
        public async Task CoveragePaintsNeverRunActivitiesAndNeverTakenLinks()
        {
            IvrSimulationResult lab = await ReportRuns.LabRunAsync();
            string text = MermaidWriter.Write(SimulationReport.Create(new[] { lab }), coverage: true);
            Assert.Contains("  class " + NodeId(text, "Callback"), text.Split('\n').Single(l => l.EndsWith(" never", StringComparison.Ordinal)));
            Assert.Contains(text.Split('\n'), l => l.StartsWith("  linkStyle ", StringComparison.Ordinal) && l.EndsWith("stroke:#d93025,stroke-dasharray:5 3", StringComparison.Ordinal));
        }

        [Fact]
        public async Task SeveralRunsAreMarkdownWithOneChartEach()
        {
            IvrSimulationResult lab = await ReportRuns.LabRunAsync();
            string text = MermaidWriter.Write(SimulationReport.Create(new[] { lab, lab }), coverage: false);
            Assert.Equal(2, Regex.Count(text, "^```mermaid$", RegexOptions.Multiline));
            Assert.StartsWith("## #1 ", text, StringComparison.Ordinal);
            Assert.Contains("\n## #2 ", text, StringComparison.Ordinal);
        }

        [Fact]
        public void LabelsCannotBreakTheChart()
        {
            var step = new SimulationStep(0, "Main", "x", "Say \"hi\" <b>", "play-message", null, true, TimeSpan.Zero,
                new System.Collections.Generic.Dictionary<string, object?>(), null, null);
            var result = new IvrSimulationResult("Hand", "+1", "+2", Array.Empty<string>(), SimulationOutcome.Ended, new[] { step },
                new System.Collections.Generic.Dictionary<string, object?>(), new System.Collections.Generic.Dictionary<string, object?>(),
                Array.Empty<SimulationEvent>(), null, null, Array.Empty<CallbackRequest>(), null, TimeSpan.Zero);
            string text = MermaidWriter.Write(SimulationReport.Create(new[] { result }), coverage: false);
            Assert.Contains("[\"1. Say #quot;hi#quot; #lt;b#gt;<br/>play-message\"]", text);
        }

        private static string NodeId(string text, string activityName) =>
            Regex.Match(text, "^    (?<id>c\\d+_\\d+)\\[\"([0-9,…]+\\. )?" + Regex.Escape(activityName) + "<br/>", RegexOptions.Multiline).Groups["id"].Value is { Length: > 0 } id
                ? id
                : throw new Xunit.Sdk.XunitException(activityName + " is not in the chart");
    }
}
