using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;

namespace CallbackLab.Core.Reports
{
    /// <summary>
    /// Writes a run as a Mermaid flowchart: every activity of its tabs (main flow, each event flow, each subflow run) with the visited
    /// ones numbered in step order, the links taken drawn thick, where the call ended and the global error marked. One run
    /// gives plain Mermaid text; several give Markdown with one fenced chart per run.
    /// </summary>
    public static class MermaidWriter
    {
        /// <summary>The Mermaid text for <paramref name="report"/>.</summary>
        /// <param name="report">What to draw.</param>
        /// <param name="coverage">Mark activities and ports no run of the report took.</param>
        public static string Write(SimulationReport report, bool coverage)
        {
            if (report is null) throw new ArgumentNullException(nameof(report));
            if (report.Runs.Count == 1)
            {
                return Chart(report, report.Runs[0], coverage);
            }

            var text = new StringBuilder();
            foreach (ReportRun run in report.Runs)
            {
                text.Append("## ").Append(run.Title).Append("\n\n```mermaid\n").Append(Chart(report, run, coverage)).Append("```\n\n");
            }

            return text.ToString();
        }

        private static string Chart(SimulationReport report, ReportRun run, bool coverage)
        {
            IvrSimulationResult result = run.Result;
            var text = new StringBuilder();
            text.Append("flowchart LR\n");
            text.Append("  %% ").Append(Comment(run.Title)).Append(", ").Append(result.Duration.ToString("c", CultureInfo.InvariantCulture)).Append('\n');
            int lastMain = LastMainStep(result);
            var classes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var linkStyles = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            int linkIndex = 0;
            int canvasIndex = 0;
            foreach (ReportTab tab in run.Tabs)
            {
                FlowCanvas? canvas = report.Canvases.FirstOrDefault(c => c.Key == tab.CanvasKey);
                if (canvas == null)
                {
                    continue;
                }

                string prefix = "c" + canvasIndex++.ToString(CultureInfo.InvariantCulture) + "_";
                var ids = new Dictionary<string, string>(StringComparer.Ordinal);
                for (int i = 0; i < canvas.Nodes.Count; i++)
                {
                    ids[canvas.Nodes[i].ActivityId] = prefix + i.ToString(CultureInfo.InvariantCulture);
                }

                var steps = result.Steps.Where((s, i) => run.StepTabs[i] == tab.Key).ToList();
                var orders = steps.GroupBy(s => s.ActivityId, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(s => s.Index + 1).ToList(), StringComparer.Ordinal);
                var taken = new HashSet<string>(steps.Where(s => s.Port != null).Select(s => s.ActivityId + "\u0000" + s.Port!.ToLowerInvariant()), StringComparer.Ordinal);
                FlowCoverage? flowCoverage = coverage && report.CanvasFlows.TryGetValue(canvas.Key, out string? flowName)
                    ? report.Coverage.FirstOrDefault(c => c.FlowName == flowName) : null;
                var neverRun = new HashSet<string>(flowCoverage?.Activities.Where(a => !a.Covered).Select(a => a.ActivityId) ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
                var neverTaken = new HashSet<string>(flowCoverage?.Activities.SelectMany(a => a.PortsNeverTaken.Select(p => a.ActivityId + "\u0000" + p.ToLowerInvariant()))
                    ?? Enumerable.Empty<string>(), StringComparer.Ordinal);

                text.Append("  subgraph ").Append(prefix).Append("flow[\"").Append(Label(tab.Title)).Append("\"]\n");
                foreach (CanvasNode node in canvas.Nodes)
                {
                    string id = ids[node.ActivityId];
                    bool visited = orders.TryGetValue(node.ActivityId, out List<int>? order);
                    string number = visited ? string.Join(",", order!.Take(6)) + (order!.Count > 6 ? ",…" : string.Empty) + ". " : string.Empty;
                    text.Append("    ").Append(id).Append("[\"").Append(Label(number + node.Name)).Append("<br/>").Append(Label(node.Type)).Append("\"]\n");
                    string cls = visited ? "visited" : neverRun.Contains(node.ActivityId) ? "never" : "unvisited";
                    if (result.GlobalError?.ActivityId == node.ActivityId)
                    {
                        cls = "globalError";
                    }
                    else if (lastMain >= 0 && result.Steps[lastMain].ActivityId == node.ActivityId && run.StepTabs[lastMain] == tab.Key)
                    {
                        cls = "ended";
                    }

                    if (!classes.TryGetValue(cls, out List<string>? members))
                    {
                        classes[cls] = members = new List<string>();
                    }

                    members.Add(id);
                }

                text.Append("  end\n");
                foreach (CanvasEdge edge in canvas.Edges)
                {
                    if (!ids.TryGetValue(edge.SourceActivityId, out string? from) || !ids.TryGetValue(edge.TargetActivityId, out string? to))
                    {
                        continue;
                    }

                    string key = edge.SourceActivityId + "\u0000" + edge.Port.ToLowerInvariant();
                    bool wasTaken = taken.Contains(key);
                    text.Append("  ").Append(from).Append(wasTaken ? " ==>|\"" : " -->|\"").Append(Label(edge.Port)).Append("\"| ").Append(to).Append('\n');
                    string style = wasTaken ? "taken" : neverTaken.Contains(key) ? "never" : string.Empty;
                    if (style.Length > 0)
                    {
                        if (!linkStyles.TryGetValue(style, out List<int>? links))
                        {
                            linkStyles[style] = links = new List<int>();
                        }

                        links.Add(linkIndex);
                    }

                    linkIndex++;
                }
            }

            text.Append("  classDef visited fill:#e6f6ec,stroke:#0a7d3b,stroke-width:3px\n");
            text.Append("  classDef unvisited fill:#f1f3f4,stroke:#9aa0a6,color:#5f6368\n");
            text.Append("  classDef never fill:#fce8e6,stroke:#d93025,stroke-width:2px,stroke-dasharray:5 3\n");
            text.Append("  classDef ended fill:#e6f6ec,stroke:#1a56c4,stroke-width:4px\n");
            text.Append("  classDef globalError fill:#fce8e6,stroke:#c5221f,stroke-width:4px\n");
            foreach (KeyValuePair<string, List<string>> group in classes)
            {
                text.Append("  class ").Append(string.Join(",", group.Value)).Append(' ').Append(group.Key).Append('\n');
            }

            if (linkStyles.TryGetValue("taken", out List<int>? takenLinks))
            {
                text.Append("  linkStyle ").Append(string.Join(",", takenLinks)).Append(" stroke:#0a7d3b,stroke-width:3px\n");
            }

            if (linkStyles.TryGetValue("never", out List<int>? neverLinks))
            {
                text.Append("  linkStyle ").Append(string.Join(",", neverLinks)).Append(" stroke:#d93025,stroke-dasharray:5 3\n");
            }

            return text.ToString();
        }

        /// <summary>
        /// Where the call ended: the last step of the caller's path (the main flow, a subflow it called, OnGlobalError handling
        /// it), not of the event flows that run once the contact is gone (PhoneContactEnded, CallbackFailed).
        /// </summary>
        internal static int LastMainStep(IvrSimulationResult result)
        {
            for (int i = result.Steps.Count - 1; i >= 0; i--)
            {
                string flow = result.Steps[i].Flow;
                int separator = flow.IndexOf(" > ", StringComparison.Ordinal);
                string top = separator < 0 ? flow : flow.Substring(0, separator);
                if (top != FlowEvents.PhoneContactEnded && top != FlowEvents.CallbackFailed)
                {
                    return i;
                }
            }

            return result.Steps.Count - 1;
        }

        private static string Label(string text) => text
            .Replace("&", "#amp;").Replace("\"", "#quot;").Replace("<", "#lt;").Replace(">", "#gt;")
            .Replace("\r", " ").Replace("\n", " ");

        private static string Comment(string text) => text.Replace("\r", " ").Replace("\n", " ");
    }
}
