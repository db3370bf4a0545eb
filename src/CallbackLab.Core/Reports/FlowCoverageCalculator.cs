using System;
using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;

namespace CallbackLab.Core.Reports
{
    /// <summary>
    /// Measures <see cref="FlowCoverage"/>: which activities and ports of a flow the given calls ran. The ports are those a
    /// link leaves plus each activity's unwired error port (<see cref="FlowPorts"/>): a step that failed there took it.
    /// </summary>
    public static class FlowCoverageCalculator
    {
        /// <summary>
        /// Coverage of <paramref name="flow"/> by <paramref name="results"/>. A step counts when its activity belongs to the
        /// flow (same id and label), so results of other flows, and subflow steps, add nothing.
        /// </summary>
        public static FlowCoverage Measure(WxccFlow flow, IEnumerable<IvrSimulationResult> results)
        {
            if (flow is null) throw new ArgumentNullException(nameof(flow));
            if (results is null) throw new ArgumentNullException(nameof(results));

            var visits = new Dictionary<string, int>(StringComparer.Ordinal);
            var taken = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            int runs = 0;
            foreach (IvrSimulationResult result in results)
            {
                runs++;
                foreach (SimulationStep step in result.Steps)
                {
                    if (!Belongs(flow, step))
                    {
                        continue;
                    }

                    visits[step.ActivityId] = visits.TryGetValue(step.ActivityId, out int n) ? n + 1 : 1;
                    if (step.Port != null)
                    {
                        if (!taken.TryGetValue(step.ActivityId, out HashSet<string>? ports))
                        {
                            taken[step.ActivityId] = ports = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                        }

                        ports.Add(step.Port);
                    }
                }
            }

            var activities = new List<ActivityCoverage>();
            var eventFlows = new List<string>();
            var eventFlowsNeverRun = new List<string>();
            foreach (FlowActivity activity in flow.Activities.Concat(flow.EventFlows.Activities))
            {
                IReadOnlyList<string> wired = flow.OutgoingLinks(activity.Id).Select(l => l.Port).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                bool isTrigger = activity.EventName != null;
                if (isTrigger && wired.Count == 0)
                {
                    continue;
                }

                IReadOnlyList<string> ports = FlowPorts.Counted(flow, activity, wired);

                int count = visits.TryGetValue(activity.Id, out int v) ? v : 0;
                HashSet<string> left = taken.TryGetValue(activity.Id, out HashSet<string>? t) ? t : new HashSet<string>();
                activities.Add(new ActivityCoverage(activity.Id, activity.Name, activity.Type, activity.InEventFlow, count, ports,
                    ports.Where(left.Contains).ToList(), ports.Where(p => !left.Contains(p)).ToList(), ports.Skip(wired.Count).ToList()));
                if (isTrigger)
                {
                    eventFlows.Add(activity.EventName!);
                    if (count == 0)
                    {
                        eventFlowsNeverRun.Add(activity.EventName!);
                    }
                }
            }

            return new FlowCoverage(flow.Name, runs, activities, eventFlows, eventFlowsNeverRun);
        }

        internal static bool Belongs(WxccFlow flow, SimulationStep step) =>
            flow.FindActivity(step.ActivityId) is FlowActivity a && string.Equals(a.Name, step.ActivityName, StringComparison.OrdinalIgnoreCase);
    }
}
