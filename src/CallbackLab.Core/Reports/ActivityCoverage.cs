using System.Collections.Generic;

namespace CallbackLab.Core.Reports
{
    /// <summary>How often one activity ran across the measured calls, and which of its wired ports they never took.</summary>
    public sealed class ActivityCoverage
    {
        /// <summary>Creates an entry.</summary>
        public ActivityCoverage(string activityId, string activityName, string activityType, bool inEventFlow, int visits,
            IReadOnlyList<string> ports, IReadOnlyList<string> portsTaken, IReadOnlyList<string> portsNeverTaken)
        {
            ActivityId = activityId;
            ActivityName = activityName;
            ActivityType = activityType;
            InEventFlow = inEventFlow;
            Visits = visits;
            Ports = ports;
            PortsTaken = portsTaken;
            PortsNeverTaken = portsNeverTaken;
        }

        /// <summary>The activity id.</summary>
        public string ActivityId { get; }

        /// <summary>The activity label.</summary>
        public string ActivityName { get; }

        /// <summary>The activity type.</summary>
        public string ActivityType { get; }

        /// <summary>True for an activity of the event flows.</summary>
        public bool InEventFlow { get; }

        /// <summary>How many steps ran the activity, over every call.</summary>
        public int Visits { get; }

        /// <summary>True when at least one call ran the activity.</summary>
        public bool Covered => Visits > 0;

        /// <summary>The activity's wired output ports (a port counts when a link leaves it).</summary>
        public IReadOnlyList<string> Ports { get; }

        /// <summary>The wired ports some call left by.</summary>
        public IReadOnlyList<string> PortsTaken { get; }

        /// <summary>The wired ports no call left by.</summary>
        public IReadOnlyList<string> PortsNeverTaken { get; }

        /// <inheritdoc />
        public override string ToString() => ActivityName + " (" + Visits + ")";
    }
}
