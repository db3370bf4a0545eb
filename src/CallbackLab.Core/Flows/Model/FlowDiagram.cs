using System;
using System.Collections.Generic;

namespace CallbackLab.Core.Flows.Model
{
    /// <summary>
    /// The canvas of a flow as Flow Designer exported it (<c>diagram.widgets</c> of the main flow and of the event flows):
    /// where each activity sits, its ports, and how each link is drawn. Empty for flows without a diagram (hand-made ones).
    /// </summary>
    public sealed class FlowDiagram
    {
        private readonly Dictionary<string, DiagramActivity> _activities;
        private readonly Dictionary<string, DiagramLink> _links;

        /// <summary>Creates a diagram.</summary>
        public FlowDiagram(IEnumerable<DiagramActivity> activities, IEnumerable<DiagramLink> links)
        {
            _activities = new Dictionary<string, DiagramActivity>(StringComparer.Ordinal);
            foreach (DiagramActivity activity in activities)
            {
                _activities[activity.ActivityId] = activity;
            }

            _links = new Dictionary<string, DiagramLink>(StringComparer.Ordinal);
            foreach (DiagramLink link in links)
            {
                _links[link.LinkId] = link;
            }
        }

        /// <summary>A diagram with no widgets.</summary>
        public static FlowDiagram Empty { get; } = new FlowDiagram(Array.Empty<DiagramActivity>(), Array.Empty<DiagramLink>());

        /// <summary>Every activity widget (main and event flows).</summary>
        public IReadOnlyCollection<DiagramActivity> Activities => _activities.Values;

        /// <summary>Every link widget (main and event flows).</summary>
        public IReadOnlyCollection<DiagramLink> Links => _links.Values;

        /// <summary>The widget of an activity; null when the export does not draw it.</summary>
        public DiagramActivity? FindActivity(string activityId) => _activities.TryGetValue(activityId, out DiagramActivity? a) ? a : null;

        /// <summary>The widget of a link; null when the export does not draw it.</summary>
        public DiagramLink? FindLink(string linkId) => _links.TryGetValue(linkId, out DiagramLink? l) ? l : null;
    }
}
