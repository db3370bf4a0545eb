using System;
using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Reports
{
    /// <summary>
    /// Positions for activities the export does not place (hand-made flows, the embedded lab flow): columns by distance
    /// from the start or trigger, rows in link order. Deterministic, so the same flow always draws the same way.
    /// </summary>
    internal static class LayeredLayout
    {
        internal const double ColumnWidth = 280;
        internal const double RowGap = 40;

        /// <summary>Top-left corners for <paramref name="activities"/>, laid out from <paramref name="origin"/>.</summary>
        internal static Dictionary<string, DiagramPoint> Place(IReadOnlyList<FlowActivity> activities, IReadOnlyList<FlowLink> links,
            Func<FlowActivity, double> heightOf, DiagramPoint origin)
        {
            var ids = new HashSet<string>(activities.Select(a => a.Id), StringComparer.Ordinal);
            var outgoing = links.Where(l => ids.Contains(l.SourceActivityId) && ids.Contains(l.TargetActivityId))
                .GroupBy(l => l.SourceActivityId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(l => l.TargetActivityId).ToList(), StringComparer.Ordinal);
            var hasIncoming = new HashSet<string>(links.Where(l => l.SourceActivityId != l.TargetActivityId).Select(l => l.TargetActivityId), StringComparer.Ordinal);

            var column = new Dictionary<string, int>(StringComparer.Ordinal);
            var queue = new Queue<string>();
            IEnumerable<FlowActivity> roots = activities.Where(a => a.Group == "start" || a.Group == "event" || !hasIncoming.Contains(a.Id));
            foreach (FlowActivity root in roots)
            {
                column[root.Id] = 0;
                queue.Enqueue(root.Id);
            }

            while (true)
            {
                while (queue.Count > 0)
                {
                    string id = queue.Dequeue();
                    if (!outgoing.TryGetValue(id, out List<string>? targets))
                    {
                        continue;
                    }

                    foreach (string target in targets)
                    {
                        if (!column.ContainsKey(target))
                        {
                            column[target] = column[id] + 1;
                            queue.Enqueue(target);
                        }
                    }
                }

                // A cycle nobody enters from a root still gets drawn: start again from its first activity.
                FlowActivity? left = activities.FirstOrDefault(a => !column.ContainsKey(a.Id));
                if (left == null)
                {
                    break;
                }

                column[left.Id] = 0;
                queue.Enqueue(left.Id);
            }

            var result = new Dictionary<string, DiagramPoint>(StringComparer.Ordinal);
            var nextY = new Dictionary<int, double>();
            foreach (FlowActivity activity in activities)
            {
                int c = column[activity.Id];
                double y = nextY.TryGetValue(c, out double taken) ? taken : origin.Y;
                result[activity.Id] = new DiagramPoint(origin.X + c * ColumnWidth, y);
                nextY[c] = y + heightOf(activity) + RowGap;
            }

            return result;
        }
    }
}
