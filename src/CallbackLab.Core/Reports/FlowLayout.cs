using System;
using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;

namespace CallbackLab.Core.Reports
{
    /// <summary>
    /// Turns a flow into the canvases a report draws: the main flow and the event flows, every activity where the export
    /// puts it (laid out in columns where it does not), every link with both ends and its port.
    /// </summary>
    public static class FlowLayout
    {
        /// <summary>The key of a flow's main canvas.</summary>
        public static string MainKey(string flowName) => "main:" + flowName;

        /// <summary>The key of the canvas of one event flow of a flow (<paramref name="eventName"/>: <c>OnGlobalError</c>…).</summary>
        public static string EventKey(string flowName, string eventName) => "events:" + flowName + ":" + eventName;

        /// <summary>The key of the canvas of event-flow activities no wired trigger leads to.</summary>
        public static string UnreachedEventsKey(string flowName) => "events:" + flowName;

        /// <summary>The key of a canvas drawn from steps for a flow path without an export.</summary>
        public static string StepsKey(string flowPath) => "steps:" + flowPath;

        /// <summary>
        /// The canvases of <paramref name="flow"/>: its main flow (as a subflow when <paramref name="asSubflow"/>), then one
        /// canvas per event flow, as Flow Designer's Event Flows tab lists them: each wired trigger with what its links lead
        /// to. A trigger no link leaves has nothing to draw; event-flow activities no trigger reaches share one last canvas.
        /// </summary>
        public static IReadOnlyList<FlowCanvas> Build(WxccFlow flow, bool asSubflow = false)
        {
            if (flow is null) throw new ArgumentNullException(nameof(flow));
            var canvases = new List<FlowCanvas>
            {
                Canvas(MainKey(flow.Name), asSubflow ? "Subflow " + flow.Name : "Main flow", asSubflow ? CanvasKind.Subflow : CanvasKind.Main,
                    flow, flow.Activities, flow.Links),
            };
            IReadOnlyList<FlowLink> links = flow.EventFlows.Links;
            var reached = new HashSet<string>(StringComparer.Ordinal);
            foreach (FlowActivity trigger in flow.EventFlows.Activities.Where(a => a.EventName != null))
            {
                List<FlowActivity> members = Reachable(flow, trigger, links);
                if (members.Count < 2)
                {
                    continue;
                }

                reached.UnionWith(members.Select(a => a.Id));
                var ids = new HashSet<string>(members.Select(a => a.Id), StringComparer.Ordinal);
                canvases.Add(Canvas(EventKey(flow.Name, trigger.EventName!), "Event flow " + trigger.EventName, CanvasKind.EventFlows,
                    flow, members, links.Where(l => ids.Contains(l.SourceActivityId)).ToList()));
            }

            List<FlowActivity> unreached = flow.EventFlows.Activities.Where(a => a.EventName == null && !reached.Contains(a.Id)).ToList();
            if (unreached.Count > 0)
            {
                var ids = new HashSet<string>(unreached.Select(a => a.Id), StringComparer.Ordinal);
                canvases.Add(Canvas(UnreachedEventsKey(flow.Name), "Event-flow activities no event reaches", CanvasKind.EventFlows,
                    flow, unreached, links.Where(l => ids.Contains(l.SourceActivityId)).ToList()));
            }

            return canvases;
        }

        /// <summary>The trigger and every activity its links lead to, in export order.</summary>
        private static List<FlowActivity> Reachable(WxccFlow flow, FlowActivity trigger, IReadOnlyList<FlowLink> links)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { trigger.Id };
            var queue = new Queue<string>();
            queue.Enqueue(trigger.Id);
            while (queue.Count > 0)
            {
                string id = queue.Dequeue();
                foreach (FlowLink link in links)
                {
                    if (link.SourceActivityId == id && flow.FindActivity(link.TargetActivityId) is FlowActivity target && target.InEventFlow && seen.Add(target.Id))
                    {
                        queue.Enqueue(target.Id);
                    }
                }
            }

            return flow.EventFlows.Activities.Where(a => seen.Contains(a.Id)).ToList();
        }

        /// <summary>
        /// A canvas for a flow the report has no export for (a subflow nobody passed): its activities are the ones the
        /// steps ran, its links the moves between consecutive steps of each run.
        /// </summary>
        public static FlowCanvas FromSteps(string flowPath, IEnumerable<IReadOnlyList<SimulationStep>> runs)
        {
            if (runs is null) throw new ArgumentNullException(nameof(runs));
            var activities = new List<FlowActivity>();
            var links = new List<FlowLink>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var seenLinks = new HashSet<string>(StringComparer.Ordinal);
            foreach (IReadOnlyList<SimulationStep> steps in runs)
            {
                SimulationStep? previous = null;
                foreach (SimulationStep step in steps)
                {
                    if (seen.Add(step.ActivityId))
                    {
                        activities.Add(new FlowActivity(step.ActivityId, step.ActivityName, activities.Count == 0 ? "start" : "action", step.ActivityType,
                            new Newtonsoft.Json.Linq.JObject(), inEventFlow: false));
                    }

                    if (previous?.Port != null)
                    {
                        string id = previous.ActivityId + "-" + previous.Port + "->" + step.ActivityId;
                        if (seenLinks.Add(id))
                        {
                            links.Add(new FlowLink(id, previous.ActivityId, step.ActivityId, previous.Port!, inEventFlow: false));
                        }
                    }

                    previous = step;
                }
            }

            var stand = new WxccFlow(flowPath, null, null, Array.Empty<FlowVariableDefinition>(), activities, links,
                Array.Empty<FlowActivity>(), Array.Empty<FlowLink>(), null);
            return Canvas(StepsKey(flowPath), flowPath + " (drawn from the steps: no export given)", CanvasKind.FromSteps, stand, activities, links);
        }

        private static FlowCanvas Canvas(string key, string title, CanvasKind kind, WxccFlow flow, IReadOnlyList<FlowActivity> activities, IReadOnlyList<FlowLink> links)
        {
            var ids = new HashSet<string>(activities.Select(a => a.Id), StringComparer.Ordinal);
            Dictionary<string, List<string>> wired = links
                .GroupBy(l => l.SourceActivityId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(l => l.Port).Distinct(StringComparer.OrdinalIgnoreCase).ToList(), StringComparer.Ordinal);
            // With no widget to draw them, the ports are the wired ones plus an unwired error port (coverage counts it too).
            IReadOnlyList<string> WiredPorts(FlowActivity a) =>
                FlowPorts.Counted(flow, a, wired.TryGetValue(a.Id, out List<string>? p) ? p : (IReadOnlyList<string>)Array.Empty<string>());

            var nodes = new Dictionary<string, CanvasNode>(StringComparer.Ordinal);
            var unplaced = new List<FlowActivity>();
            foreach (FlowActivity activity in activities)
            {
                DiagramActivity? widget = flow.Diagram.FindActivity(activity.Id);
                if (widget == null)
                {
                    unplaced.Add(activity);
                    continue;
                }

                nodes[activity.Id] = NodeGeometry.Build(activity, widget.Position.X, widget.Position.Y, widget, WiredPorts(activity));
            }

            if (unplaced.Count > 0)
            {
                // Below whatever the export placed, so laid-out activities never cover drawn ones.
                double top = nodes.Count == 0 ? 0 : nodes.Values.Max(n => n.Y + n.Height) + 80;
                double left = nodes.Count == 0 ? 0 : nodes.Values.Min(n => n.X);
                Dictionary<string, DiagramPoint> placed = LayeredLayout.Place(unplaced, links,
                    a => NodeGeometry.Build(a, 0, 0, null, WiredPorts(a)).Height, new DiagramPoint(left, top));
                foreach (FlowActivity activity in unplaced)
                {
                    DiagramPoint p = placed[activity.Id];
                    nodes[activity.Id] = NodeGeometry.Build(activity, p.X, p.Y, null, WiredPorts(activity));
                }
            }

            var edges = new List<CanvasEdge>();
            foreach (FlowLink link in links)
            {
                if (!ids.Contains(link.SourceActivityId) || !nodes.TryGetValue(link.SourceActivityId, out CanvasNode? source))
                {
                    continue;
                }

                DiagramPoint start = NodeGeometry.PortPoint(source, link.Port);
                DiagramPoint end = nodes.TryGetValue(link.TargetActivityId, out CanvasNode? target)
                    ? NodeGeometry.EntryPoint(target)
                    : new DiagramPoint(start.X + 60, start.Y); // a broken link: a stub leading nowhere
                IReadOnlyList<DiagramPoint>? drawn = source.PlacedByExport && target?.PlacedByExport == true ? flow.Diagram.FindLink(link.Id)?.Points : null;
                IReadOnlyList<DiagramPoint> points = drawn != null && drawn.Count >= 2 ? drawn : Route(start, end);
                edges.Add(new CanvasEdge(link.Id, link.SourceActivityId, link.TargetActivityId, link.Port, points));
            }

            return new FlowCanvas(key, title, kind, flow.Name, activities.Select(a => nodes[a.Id]).ToList(), edges);
        }

        /// <summary>An orthogonal route the way Flow Designer draws one: out to the right, across, into the entry port.</summary>
        private static IReadOnlyList<DiagramPoint> Route(DiagramPoint start, DiagramPoint end)
        {
            double elbow = end.X > start.X + 40 ? (start.X + end.X) / 2 : start.X + 20;
            if (Math.Abs(start.Y - end.Y) < 0.5 && end.X > start.X)
            {
                return new[] { start, end };
            }

            return new[] { start, new DiagramPoint(elbow, start.Y), new DiagramPoint(elbow, end.Y), end };
        }
    }
}
