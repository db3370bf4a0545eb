using System.Collections.Generic;
using System.Linq;

namespace CallbackLab.Core.Reports
{
    /// <summary>
    /// Which parts of a flow a set of simulated calls exercised: activities and ports (wired, plus unwired error ports) covered out of the total, per
    /// activity the ports never taken, and the event flows that never ran.
    /// </summary>
    public sealed class FlowCoverage
    {
        /// <summary>Creates a coverage record.</summary>
        public FlowCoverage(string flowName, int runs, IReadOnlyList<ActivityCoverage> activities, IReadOnlyList<string> eventFlows,
            IReadOnlyList<string> eventFlowsNeverRun)
        {
            FlowName = flowName;
            Runs = runs;
            Activities = activities;
            EventFlows = eventFlows;
            EventFlowsNeverRun = eventFlowsNeverRun;
        }

        /// <summary>The measured flow.</summary>
        public string FlowName { get; }

        /// <summary>How many simulation results were measured.</summary>
        public int Runs { get; }

        /// <summary>
        /// Every activity counted: the main flow's and those of the event flows, without triggers no link leaves (an empty
        /// event flow has nothing to cover).
        /// </summary>
        public IReadOnlyList<ActivityCoverage> Activities { get; }

        /// <summary>How many activities ran at least once.</summary>
        public int ActivitiesCovered => Activities.Count(a => a.Covered);

        /// <summary>How many activities there are.</summary>
        public int ActivitiesTotal => Activities.Count;

        /// <summary>ActivitiesCovered / ActivitiesTotal (0 to 1; 1 for a flow with no activities).</summary>
        public double ActivityCoverage => Ratio(ActivitiesCovered, ActivitiesTotal);

        /// <summary>How many counted ports some call left by.</summary>
        public int PortsCovered => Activities.Sum(a => a.PortsTaken.Count);

        /// <summary>How many ports count: every wired port and each unwired error port.</summary>
        public int PortsTotal => Activities.Sum(a => a.Ports.Count);

        /// <summary>PortsCovered / PortsTotal (0 to 1; 1 for a flow with no links).</summary>
        public double PortCoverage => Ratio(PortsCovered, PortsTotal);

        /// <summary>The activities no call ran.</summary>
        public IReadOnlyList<string> ActivitiesNeverRun => Activities.Where(a => !a.Covered).Select(a => a.ActivityName).ToList();

        /// <summary><c>Activity.port</c> for every counted port no call took.</summary>
        public IReadOnlyList<string> PortsNeverTaken => Activities.SelectMany(a => a.PortsNeverTaken.Select(p => a.ActivityName + "." + p)).ToList();

        /// <summary>The event flows of the flow (events whose trigger has a link).</summary>
        public IReadOnlyList<string> EventFlows { get; }

        /// <summary>The event flows no call ran.</summary>
        public IReadOnlyList<string> EventFlowsNeverRun { get; }

        private static double Ratio(int covered, int total) => total == 0 ? 1d : (double)covered / total;

        /// <inheritdoc />
        public override string ToString() => FlowName + ": " + ActivitiesCovered + "/" + ActivitiesTotal + " activities, " + PortsCovered + "/" + PortsTotal + " ports";
    }
}
