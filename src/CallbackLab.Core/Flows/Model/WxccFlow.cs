using System;
using System.Collections.Generic;
using System.Linq;

namespace CallbackLab.Core.Flows.Model
{
    /// <summary>
    /// A Flow Designer flow read from its export JSON: variables, the main process (activities and links) and the
    /// event flows (GLOBAL_EVENTS). Immutable; indexes are built once so simulations stay cheap.
    /// </summary>
    public sealed class WxccFlow
    {
        private readonly Dictionary<string, FlowActivity> _byId;
        private readonly Dictionary<string, FlowActivity> _byName;
        private readonly Dictionary<string, IReadOnlyList<FlowLink>> _outgoing;

        /// <summary>Creates a flow; <see cref="WxccFlowReader"/> is the usual way to get one.</summary>
        public WxccFlow(
            string name,
            string? id,
            string? description,
            IReadOnlyList<FlowVariableDefinition> variables,
            IReadOnlyList<FlowActivity> activities,
            IReadOnlyList<FlowLink> links,
            IReadOnlyList<FlowActivity> eventActivities,
            IReadOnlyList<FlowLink> eventLinks,
            string? source,
            FlowKind kind = FlowKind.Flow,
            string? flowId = null,
            IReadOnlyList<FlowSetting>? settings = null,
            string? flowOutcome = null,
            string? orgId = null)
        {
            OrgId = orgId;
            Kind = kind;
            FlowId = flowId;
            Settings = settings ?? Array.Empty<FlowSetting>();
            FlowOutcome = flowOutcome;
            Name = name;
            Id = id;
            Description = description ?? string.Empty;
            Variables = variables;
            Activities = activities;
            Links = links;
            EventFlows = new FlowEventFlows(eventActivities, eventLinks);
            Source = source;

            _byId = new Dictionary<string, FlowActivity>(StringComparer.Ordinal);
            _byName = new Dictionary<string, FlowActivity>(StringComparer.OrdinalIgnoreCase);
            foreach (FlowActivity activity in activities.Concat(eventActivities))
            {
                _byId[activity.Id] = activity;
                if (!_byName.ContainsKey(activity.Name))
                {
                    _byName[activity.Name] = activity;
                }
            }

            _outgoing = links.Concat(eventLinks)
                .GroupBy(l => l.SourceActivityId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<FlowLink>)g.ToList(), StringComparer.Ordinal);
        }

        /// <summary>The flow name, e.g. <c>CallbackLab_Mission1</c>.</summary>
        public string Name { get; }

        /// <summary>The export's id (the version id); null when the export has none.</summary>
        public string? Id { get; }

        /// <summary>The flow's id (<c>flowId</c>, the same for every version); null when the export has none.</summary>
        public string? FlowId { get; }

        /// <summary>The organization the export comes from (<c>orgId</c>); the simulated call's <c>NewPhoneContact.OrgId</c>. Null when none.</summary>
        public string? OrgId { get; }

        /// <summary>A main flow or a subflow (<c>flowType</c>; a flow started by NewSubFlowStart is a subflow whatever it says).</summary>
        public FlowKind Kind { get; }

        /// <summary>The export's <c>settings</c> (activity-wait audio and the like); empty for exports before 2024.</summary>
        public IReadOnlyList<FlowSetting> Settings { get; }

        /// <summary>The export's <c>flowOutcome</c> as JSON text (2025+ exports write null); null when absent or null.</summary>
        public string? FlowOutcome { get; }

        /// <summary>The description; empty when none.</summary>
        public string Description { get; }

        /// <summary>The flow variables.</summary>
        public IReadOnlyList<FlowVariableDefinition> Variables { get; }

        /// <summary>The main flow's activities, in export order.</summary>
        public IReadOnlyList<FlowActivity> Activities { get; }

        /// <summary>The main flow's links, in export order.</summary>
        public IReadOnlyList<FlowLink> Links { get; }

        /// <summary>The event flows (GLOBAL_EVENTS): triggers such as OnGlobalError and the activities they lead to.</summary>
        public FlowEventFlows EventFlows { get; }

        /// <summary>Where the flow was read from (a path, or <c>embedded:LabFlow</c>); null when built in memory.</summary>
        public string? Source { get; }

        /// <summary>The export JSON exactly as read (what a Flow Store import uploads again); null when built in memory.</summary>
        public string? ExportJson { get; internal set; }

        /// <summary>The canvas (<c>diagram.widgets</c>): activity positions, ports and drawn links; empty when the export has none.</summary>
        public FlowDiagram Diagram { get; internal set; } = FlowDiagram.Empty;

        /// <summary>
        /// The start activity: NewPhoneContact or NewContact (group <c>start</c>) in a main flow, NewSubFlowStart (group
        /// <c>start-subflow</c>) in a subflow; null when the flow has none.
        /// </summary>
        public FlowActivity? StartActivity => Activities.FirstOrDefault(a => ActivityTypes.IsStart(a));

        /// <summary>The subflow's inputs (variables with source SUBFLOW_INPUT); empty for a main flow.</summary>
        public IEnumerable<FlowVariableDefinition> SubflowInputs => Variables.Where(v => v.Source == FlowVariableSource.SubflowInput);

        /// <summary>The subflow's outputs (variables with source SUBFLOW_OUTPUT); empty for a main flow.</summary>
        public IEnumerable<FlowVariableDefinition> SubflowOutputs => Variables.Where(v => v.Source == FlowVariableSource.SubflowOutput);

        /// <summary>Finds an activity of the main or event flows by id; null when there is none.</summary>
        public FlowActivity? FindActivity(string id) => _byId.TryGetValue(id, out FlowActivity? a) ? a : null;

        /// <summary>Finds an activity by label, without regard to case; null when there is none.</summary>
        public FlowActivity? FindActivityByName(string name) => _byName.TryGetValue(name, out FlowActivity? a) ? a : null;

        /// <summary>The links leaving an activity (main or event flow).</summary>
        public IReadOnlyList<FlowLink> OutgoingLinks(string activityId) =>
            _outgoing.TryGetValue(activityId, out IReadOnlyList<FlowLink>? links) ? links : Array.Empty<FlowLink>();

        /// <summary>The link leaving <paramref name="activityId"/> through <paramref name="port"/> (case-insensitive); null when not wired.</summary>
        public FlowLink? FindLink(string activityId, string port)
        {
            IReadOnlyList<FlowLink> links = OutgoingLinks(activityId);
            for (int i = 0; i < links.Count; i++)
            {
                if (string.Equals(links[i].Port, port, StringComparison.OrdinalIgnoreCase))
                {
                    return links[i];
                }
            }

            return null;
        }

        /// <summary>The variable definition named <paramref name="name"/> (case-insensitive); null when not declared.</summary>
        public FlowVariableDefinition? FindVariable(string name) =>
            Variables.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
