using System;

namespace CallbackLab.Core.Flows.Grading
{
    /// <summary>Reads the attendee id out of a flow name <c>Main_Flow_&lt;id&gt;</c>.</summary>
    public static class AttendeeFlowName
    {
        /// <summary>The attendee id of <paramref name="flowName"/>; null when the name is not Main_Flow_&lt;id&gt;.</summary>
        public static string? AttendeeId(string? flowName)
        {
            if (flowName == null || flowName.Length <= LabNames.FlowPrefix.Length
                || !flowName.StartsWith(LabNames.FlowPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            string id = flowName.Substring(LabNames.FlowPrefix.Length).Trim();
            return id.Length == 0 ? null : id;
        }

        /// <summary>The flow name of an attendee: <c>Main_Flow_&lt;id&gt;</c>.</summary>
        public static string ForAttendee(string attendeeId) => LabNames.FlowPrefix + attendeeId;
    }
}
