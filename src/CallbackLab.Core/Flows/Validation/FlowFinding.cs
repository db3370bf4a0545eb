using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Validation
{
    /// <summary>How serious a finding is.</summary>
    public enum FindingSeverity
    {
        /// <summary>Worth knowing; the flow runs as designed.</summary>
        Information,

        /// <summary>The flow runs, but a path may not do what was meant (or raises OnGlobalError at run time).</summary>
        Warning,

        /// <summary>The flow is broken: it cannot run, or refers to something that does not exist.</summary>
        Error,
    }

    /// <summary>One thing <see cref="FlowValidator"/> found in a flow.</summary>
    public sealed class FlowFinding
    {
        /// <summary>Creates a finding.</summary>
        public FlowFinding(FindingSeverity severity, string code, string? activityId, string? activityName, string message)
        {
            Severity = severity;
            Code = code;
            ActivityId = activityId;
            ActivityName = activityName;
            Message = message;
        }

        /// <summary>Error, Warning or Information.</summary>
        public FindingSeverity Severity { get; }

        /// <summary>A stable code: see <see cref="FindingCodes"/>.</summary>
        public string Code { get; }

        /// <summary>The activity concerned; null for the flow as a whole.</summary>
        public string? ActivityId { get; }

        /// <summary>The activity's label; null for the flow as a whole.</summary>
        public string? ActivityName { get; }

        /// <summary>What is wrong, in words.</summary>
        public string Message { get; }

        /// <summary>The name of the flow the finding is in (so findings of many flows piped together stay apart).</summary>
        public string? FlowName { get; private set; }

        /// <summary>The export file the flow was read from; null for a flow not read from a file.</summary>
        public string? FlowPath { get; private set; }

        /// <summary>This finding, marked as belonging to <paramref name="flow"/>.</summary>
        internal FlowFinding In(WxccFlow flow)
        {
            FlowName = flow.Name;
            FlowPath = flow.Source;
            return this;
        }

        /// <inheritdoc />
        public override string ToString() => Severity + " " + Code + " " + ActivityName + ": " + Message;
    }
}
