using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Grading
{
    /// <summary>What every step check reads (the flow, the lab's activities found by label) and where it writes its findings.</summary>
    internal sealed class LabCheckContext
    {
        private readonly List<LabFinding> _findings = new List<LabFinding>();

        internal LabCheckContext(WxccFlow flow, string mockApiPrefix)
        {
            Flow = flow;
            MockApiPrefix = mockApiPrefix.TrimEnd('/');
            Menu = flow.FindActivityByName(LabNames.Menu);
            Lookup = flow.FindActivityByName(LabNames.Lookup);
            SetGetResult = flow.FindActivityByName(LabNames.SetGetResult);
            SimulateGlobalError = flow.FindActivityByName(LabNames.SimulateGlobalError);
            Trigger = flow.EventFlows.FindTrigger(FlowEvents.OnGlobalError);
            CallbackRequest = flow.FindActivityByName(LabNames.CallbackRequest);
            StatusCondition = flow.FindActivityByName(LabNames.StatusCondition);
        }

        internal WxccFlow Flow { get; }

        /// <summary>The MockAPI project the lab's lookup URL starts with, without a trailing slash.</summary>
        internal string MockApiPrefix { get; }

        internal FlowActivity? Menu { get; }

        internal FlowActivity? Lookup { get; }

        internal FlowActivity? SetGetResult { get; }

        internal FlowActivity? SimulateGlobalError { get; }

        internal FlowActivity? Trigger { get; }

        internal FlowActivity? CallbackRequest { get; }

        internal FlowActivity? StatusCondition { get; }

        internal IReadOnlyList<LabFinding> Findings => _findings;

        internal void Fail(LabStep step, string? activity, string message) => _findings.Add(new LabFinding(step, LabFindingSeverity.Failure, activity, message));

        internal void Note(LabStep step, string? activity, string message) => _findings.Add(new LabFinding(step, LabFindingSeverity.Note, activity, message));

        /// <summary>A note about a slip of the lab text the attendee copied.</summary>
        internal void NoteSlip(LabStep step, string? activity, string message) =>
            _findings.Add(new LabFinding(step, LabFindingSeverity.Note, activity, message, labTextSlip: true));

        /// <summary>True when <paramref name="activity"/> is an HTTP Request; else a failure of <paramref name="step"/> saying what it is instead.</summary>
        internal bool RequireHttpRequest(LabStep step, [NotNullWhen(true)] FlowActivity? activity, string labName)
        {
            if (activity != null && IsType(activity, ActivityTypes.HttpRequest, ActivityTypes.HttpRequestV1))
            {
                return true;
            }

            Fail(step, labName, activity == null
                ? "The flow has no HTTP Request activity " + labName + "."
                : labName + " is a " + activity.Type + " activity, not an HTTP Request.");
            return false;
        }

        /// <summary>True when <paramref name="activity"/> is of one of <paramref name="types"/>.</summary>
        internal static bool IsType(FlowActivity? activity, params string[] types) =>
            activity != null && types.Any(t => string.Equals(activity.Type, t, StringComparison.OrdinalIgnoreCase));

        /// <summary>The activities <paramref name="from"/> leads to, through any port but an error port.</summary>
        internal IEnumerable<FlowActivity> Next(FlowActivity from) => Flow.OutgoingLinks(from.Id)
            .Where(l => !string.Equals(l.Port, "error", StringComparison.OrdinalIgnoreCase))
            .Select(l => Flow.FindActivity(l.TargetActivityId))
            .Where(a => a != null)
            .Select(a => a!);

        /// <summary>True when a link leaves <paramref name="from"/> for <paramref name="to"/>.</summary>
        internal bool Leads(FlowActivity from, FlowActivity to) => Next(from).Any(a => a.Id == to.Id);

        /// <summary>The labels <paramref name="from"/> leads to, for a message; "nothing" when it is not connected.</summary>
        internal string Targets(FlowActivity from)
        {
            List<string> names = Next(from).Select(a => a.Name).Distinct(StringComparer.Ordinal).ToList();
            return names.Count == 0 ? "nothing" : string.Join(", ", names);
        }

        /// <summary>A note when the label's case differs from the lab's (Flow Designer matches labels without regard to case).</summary>
        internal void NoteLabelCase(LabStep step, FlowActivity activity, string labName)
        {
            if (!string.Equals(activity.Name, labName, StringComparison.Ordinal))
            {
                Note(step, activity.Name, "The activity is labelled '" + activity.Name + "'; the lab labels it " + labName + " (expressions match labels without regard to case).");
            }
        }
    }
}
