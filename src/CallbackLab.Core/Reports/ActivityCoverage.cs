using System.Collections.Generic;

namespace CallbackLab.Core.Reports
{
    /// <summary>How often one activity ran across the measured calls, and which of its ports they never took.</summary>
    public sealed class ActivityCoverage
    {
        /// <summary>Creates an entry.</summary>
        public ActivityCoverage(string activityId, string activityName, string activityType, bool inEventFlow, int visits,
            IReadOnlyList<string> ports, IReadOnlyList<string> portsTaken, IReadOnlyList<string> portsNeverTaken, IReadOnlyList<string>? unwiredPorts = null)
        {
            ActivityId = activityId;
            ActivityName = activityName;
            ActivityType = activityType;
            InEventFlow = inEventFlow;
            Visits = visits;
            Ports = ports;
            PortsTaken = portsTaken;
            PortsNeverTaken = portsNeverTaken;
            UnwiredPorts = unwiredPorts ?? System.Array.Empty<string>();
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

        /// <summary>
        /// The activity's output ports coverage counts: every port a link leaves, and its error port when it has one but no
        /// link (an error there runs OnGlobalError, so it is still a branch of the flow).
        /// </summary>
        public IReadOnlyList<string> Ports { get; }

        /// <summary>The ports some call left by (for the error port: some step of the activity failed).</summary>
        public IReadOnlyList<string> PortsTaken { get; }

        /// <summary>The ports no call left by.</summary>
        public IReadOnlyList<string> PortsNeverTaken { get; }

        /// <summary>The counted ports no link leaves (the unwired error port); a subset of <see cref="Ports"/>.</summary>
        public IReadOnlyList<string> UnwiredPorts { get; }

        /// <inheritdoc />
        public override string ToString() => ActivityName + " (" + Visits + ")";
    }
}
