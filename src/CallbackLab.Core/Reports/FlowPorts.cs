using System;
using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.Activities;

namespace CallbackLab.Core.Reports
{
    /// <summary>
    /// The output ports of an activity that coverage counts and the canvas draws: every port a link leaves, and the
    /// activity's error port even when nothing is wired to it. An error there still happens: it runs the OnGlobalError
    /// event flow (shared reference, flow-activities.md §0 rule 4), so the error branch is a path a test can take or miss.
    /// Other unwired ports (a menu option, a queue's failure) are left out: what they do is unverified, and the simulator
    /// ends the path there.
    /// </summary>
    internal static class FlowPorts
    {
        internal const string ErrorPort = "error";

        /// <summary>The wired ports in link order, then the unwired error port when the activity has one.</summary>
        internal static IReadOnlyList<string> Counted(WxccFlow flow, FlowActivity activity, IReadOnlyList<string> wired)
        {
            if (wired.Contains(ErrorPort, StringComparer.OrdinalIgnoreCase) || !HasErrorPort(flow, activity))
            {
                return wired;
            }

            return wired.Concat(new[] { ErrorPort }).ToList();
        }

        /// <summary>
        /// Whether <paramref name="activity"/> has an error port: the export's canvas draws one (it lists every port the UI
        /// drew, wired or not, rule 5), or, with no canvas, its type has one in <see cref="ActivityCatalog"/>.
        /// </summary>
        internal static bool HasErrorPort(WxccFlow flow, FlowActivity activity)
        {
            DiagramActivity? widget = flow.Diagram.FindActivity(activity.Id);
            if (widget != null)
            {
                return widget.Ports.Any(p => !p.IsInput && string.Equals(p.Name, ErrorPort, StringComparison.OrdinalIgnoreCase));
            }

            return ActivityCatalog.Find(activity.Type)?.Ports.Contains(ErrorPort, StringComparer.OrdinalIgnoreCase) == true;
        }
    }
}
