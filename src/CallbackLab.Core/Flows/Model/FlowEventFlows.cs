using System;
using System.Collections.Generic;
using System.Linq;

namespace CallbackLab.Core.Flows.Model
{
    /// <summary>The event flows of a flow (the export's <c>eventFlows.eventsMap.GLOBAL_EVENTS</c>).</summary>
    public sealed class FlowEventFlows
    {
        /// <summary>Creates the event flows.</summary>
        public FlowEventFlows(IReadOnlyList<FlowActivity> activities, IReadOnlyList<FlowLink> links)
        {
            Activities = activities;
            Links = links;
        }

        /// <summary>Every activity of the event flows: the triggers and what they lead to.</summary>
        public IReadOnlyList<FlowActivity> Activities { get; }

        /// <summary>The links of the event flows.</summary>
        public IReadOnlyList<FlowLink> Links { get; }

        /// <summary>The names of the events that have a trigger, e.g. <c>OnGlobalError</c>, <c>AgentAnswered</c>.</summary>
        public IReadOnlyList<string> Events => Activities.Select(a => a.EventName).Where(n => n != null).Select(n => n!).ToList();

        /// <summary>
        /// The trigger for <paramref name="eventName"/>: matched on the event's display name (<c>OnGlobalError</c>) or its
        /// specification name (<c>GlobalErrorHandling</c>), without regard to case; null when the flow has none.
        /// </summary>
        public FlowActivity? FindTrigger(string eventName) => Activities.FirstOrDefault(a =>
            a.EventName != null &&
            (string.Equals(a.EventName, eventName, StringComparison.OrdinalIgnoreCase)
             || string.Equals(a.EventSpecificationName, eventName, StringComparison.OrdinalIgnoreCase)));
    }
}
