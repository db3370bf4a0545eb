using System;
using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;

namespace CallbackLab.Core.Reports
{
    /// <summary>
    /// What a report shows, before it is written as HTML or Mermaid: the canvases (each flow's main and event flows, each
    /// subflow run), the runs with the canvas of every step, and the coverage of each flow over all the runs.
    /// </summary>
    public sealed class SimulationReport
    {
        private const string PathSeparator = " > ";

        private SimulationReport(IReadOnlyList<FlowCanvas> canvases, IReadOnlyList<ReportRun> runs, IReadOnlyList<FlowCoverage> coverage,
            IReadOnlyDictionary<string, string> canvasFlows, IReadOnlyList<string> missingFlows)
        {
            Canvases = canvases;
            Runs = runs;
            Coverage = coverage;
            CanvasFlows = canvasFlows;
            MissingFlows = missingFlows;
        }

        /// <summary>Every canvas, main flows first.</summary>
        public IReadOnlyList<FlowCanvas> Canvases { get; }

        /// <summary>The runs, in the order given.</summary>
        public IReadOnlyList<ReportRun> Runs { get; }

        /// <summary>Coverage of each flow that has an export, over the runs of that flow.</summary>
        public IReadOnlyList<FlowCoverage> Coverage { get; }

        /// <summary>Canvas key to the name of the flow whose coverage paints it.</summary>
        public IReadOnlyDictionary<string, string> CanvasFlows { get; }

        /// <summary>Flow names some result ran but no export was given for (their canvases are drawn from the steps).</summary>
        public IReadOnlyList<string> MissingFlows { get; }

        /// <summary>
        /// Builds a report of <paramref name="results"/>. Each result's flow is found by name among <paramref name="flows"/>,
        /// then among the flows the result ran in this process (<see cref="SimulatedFlows"/>), then the embedded lab flow;
        /// steps of subflows are placed on the subflow that holds their activity; what matches no export is drawn from the
        /// steps themselves.
        /// </summary>
        public static SimulationReport Create(IEnumerable<IvrSimulationResult> results, IEnumerable<WxccFlow>? flows = null)
        {
            if (results is null) throw new ArgumentNullException(nameof(results));
            List<IvrSimulationResult> given = results.Where(r => r != null).ToList();
            // The exports given first, then those the results ran in this process; one per name.
            List<WxccFlow> known = (flows ?? Enumerable.Empty<WxccFlow>()).Where(f => f != null)
                .Concat(given.SelectMany(SimulatedFlows.Of))
                .GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();

            var canvases = new List<FlowCanvas>();
            var canvasKeys = new HashSet<string>(StringComparer.Ordinal);
            var canvasFlows = new Dictionary<string, string>(StringComparer.Ordinal);
            var fromSteps = new Dictionary<string, List<IReadOnlyList<SimulationStep>>>(StringComparer.Ordinal);
            var placed = new List<(IvrSimulationResult Result, WxccFlow? Flow, List<string> StepCanvases)>();
            var missing = new List<string>();

            void AddFlow(WxccFlow flow, bool asSubflow)
            {
                if (canvasKeys.Contains(FlowLayout.MainKey(flow.Name)))
                {
                    return;
                }

                foreach (FlowCanvas canvas in FlowLayout.Build(flow, asSubflow))
                {
                    canvasKeys.Add(canvas.Key);
                    canvasFlows[canvas.Key] = flow.Name;
                    canvases.Add(canvas);
                }
            }

            int number = 0;
            foreach (IvrSimulationResult result in given)
            {
                WxccFlow? flow = known.FirstOrDefault(f => string.Equals(f.Name, result.FlowName, StringComparison.OrdinalIgnoreCase))
                    ?? (string.Equals(result.FlowName, LabFlow.Flow.Name, StringComparison.OrdinalIgnoreCase) ? LabFlow.Flow : null);
                if (flow != null)
                {
                    AddFlow(flow, asSubflow: false);
                }
                else if (!missing.Contains(result.FlowName, StringComparer.OrdinalIgnoreCase))
                {
                    missing.Add(result.FlowName);
                }

                var stepCanvases = new List<string>(result.Steps.Count);
                var groups = new Dictionary<string, List<SimulationStep>>(StringComparer.Ordinal);
                foreach (SimulationStep step in result.Steps)
                {
                    string key = CanvasOf(step, flow, known, AddFlow, canvases);
                    if (key.Length == 0)
                    {
                        key = FlowLayout.StepsKey(result.FlowName + PathSeparator + step.Flow);
                        if (!groups.TryGetValue(key, out List<SimulationStep>? group))
                        {
                            groups[key] = group = new List<SimulationStep>();
                        }

                        group.Add(step);
                    }

                    stepCanvases.Add(key);
                }

                foreach (KeyValuePair<string, List<SimulationStep>> group in groups)
                {
                    if (!fromSteps.TryGetValue(group.Key, out List<IReadOnlyList<SimulationStep>>? sequences))
                    {
                        fromSteps[group.Key] = sequences = new List<IReadOnlyList<SimulationStep>>();
                    }

                    sequences.Add(group.Value);
                }

                placed.Add((result, flow, stepCanvases));
            }

            foreach (KeyValuePair<string, List<IReadOnlyList<SimulationStep>>> group in fromSteps)
            {
                canvases.Add(FlowLayout.FromSteps(group.Key.Substring(FlowLayout.StepsKey(string.Empty).Length), group.Value));
            }

            var runs = new List<ReportRun>(placed.Count);
            foreach ((IvrSimulationResult result, WxccFlow? flow, List<string> stepCanvases) in placed)
            {
                (List<ReportTab> tabs, List<string> stepTabs) = TabsOf(result, flow, stepCanvases, canvases);
                runs.Add(new ReportRun(++number, result, flow, stepCanvases, tabs, stepTabs));
            }

            var coverage = new List<FlowCoverage>();
            foreach (string flowName in canvasFlows.Values.Distinct(StringComparer.Ordinal))
            {
                WxccFlow flow = known.FirstOrDefault(f => f.Name == flowName) ?? LabFlow.Flow;
                coverage.Add(FlowCoverageCalculator.Measure(flow, runs.Where(r => UsesFlow(r, flow)).Select(r => r.Result)));
            }

            return new SimulationReport(canvases, runs, coverage, canvasFlows, missing);
        }

        /// <summary>
        /// The tabs of a run: the main flow and each of its event flows, then a tab per subflow run in the order they began. A
        /// subflow run is the unbroken stretch of steps of one flow path (<c>Main &gt; Sub</c>), nested runs included, so
        /// two calls of one subflow (the caller's handoff step between them) are two tabs with their own paths.
        /// </summary>
        private static (List<ReportTab> Tabs, List<string> StepTabs) TabsOf(IvrSimulationResult result, WxccFlow? flow, List<string> stepCanvases,
            List<FlowCanvas> canvases)
        {
            var order = new List<(string Key, string Canvas, int Call)>();
            var known = new HashSet<string>(StringComparer.Ordinal);
            void Add(string key, string canvas, int call)
            {
                if (known.Add(key))
                {
                    order.Add((key, canvas, call));
                }
            }

            if (flow != null)
            {
                foreach (FlowCanvas canvas in canvases.Where(c => c.FlowName == flow.Name && (c.Key == FlowLayout.MainKey(flow.Name) || c.Kind == CanvasKind.EventFlows)))
                {
                    Add(canvas.Key, canvas.Key, 0);
                }
            }

            var calls = new Dictionary<string, int>(StringComparer.Ordinal);
            var open = new Dictionary<string, string>(StringComparer.Ordinal);
            var stepTabs = new List<string>(result.Steps.Count);
            string? previous = null;
            for (int i = 0; i < result.Steps.Count; i++)
            {
                string path = result.Steps[i].Flow;
                string canvas = stepCanvases[i];
                string tab = canvas;
                if (path.IndexOf(PathSeparator, StringComparison.Ordinal) >= 0)
                {
                    string run = path + "\u0000" + canvas;
                    bool goesOn = previous != null && (previous == path || previous.StartsWith(path + PathSeparator, StringComparison.Ordinal));
                    if (!goesOn || !open.TryGetValue(run, out string? current))
                    {
                        int call = calls.TryGetValue(canvas, out int n) ? n + 1 : 1;
                        calls[canvas] = call;
                        current = canvas + "#" + call.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        open[run] = current;
                        Add(current, canvas, call);
                    }

                    tab = current;
                }
                else
                {
                    Add(canvas, canvas, 0);
                }

                stepTabs.Add(tab);
                previous = path;
            }

            var tabs = new List<ReportTab>(order.Count);
            foreach ((string key, string canvasKey, int call) in order)
            {
                string title = canvases.FirstOrDefault(c => c.Key == canvasKey)?.Title ?? canvasKey;
                tabs.Add(new ReportTab(key, canvasKey, call > 0 && calls[canvasKey] > 1 ? title + " · call " + call.ToString(System.Globalization.CultureInfo.InvariantCulture) : title));
            }

            return (tabs, stepTabs);
        }

        private static bool UsesFlow(ReportRun run, WxccFlow flow) =>
            run.Flow == flow || run.Result.Steps.Any(s => FlowCoverageCalculator.Belongs(flow, s));

        /// <summary>The canvas key of a step; empty when no export holds its activity.</summary>
        private static string CanvasOf(SimulationStep step, WxccFlow? main, List<WxccFlow> known, Action<WxccFlow, bool> addFlow, List<FlowCanvas> canvases)
        {
            bool nested = step.Flow.IndexOf(PathSeparator, StringComparison.Ordinal) >= 0;
            if (main != null && !nested && FlowCoverageCalculator.Belongs(main, step))
            {
                return KeyIn(main, step, canvases);
            }

            // A subflow's step: the export given that holds the activity (the main flow last, for hand-made flows reusing ids).
            WxccFlow? holder = known.FirstOrDefault(f => f != main && FlowCoverageCalculator.Belongs(f, step))
                ?? (main != null && FlowCoverageCalculator.Belongs(main, step) ? main : null);
            if (holder == null)
            {
                return string.Empty;
            }

            addFlow(holder, holder != main);
            return KeyIn(holder, step, canvases);
        }

        /// <summary>The main canvas, or the event flow's: the one of the event that ran the step, else the first that holds its activity.</summary>
        private static string KeyIn(WxccFlow flow, SimulationStep step, List<FlowCanvas> canvases)
        {
            if (!flow.FindActivity(step.ActivityId)!.InEventFlow)
            {
                return FlowLayout.MainKey(flow.Name);
            }

            int separator = step.Flow.IndexOf(PathSeparator, StringComparison.Ordinal);
            string eventName = separator < 0 ? step.Flow : step.Flow.Substring(0, separator);
            IEnumerable<FlowCanvas> holding = canvases.Where(c => c.FlowName == flow.Name && c.Kind == CanvasKind.EventFlows && c.Nodes.Any(n => n.ActivityId == step.ActivityId));
            FlowCanvas? canvas = holding.FirstOrDefault(c => c.Key == FlowLayout.EventKey(flow.Name, eventName)) ?? holding.FirstOrDefault();
            return canvas?.Key ?? FlowLayout.UnreachedEventsKey(flow.Name);
        }
    }
}
