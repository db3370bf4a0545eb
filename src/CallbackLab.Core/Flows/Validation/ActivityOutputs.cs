using System;
using System.Collections.Generic;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Validation
{
    /// <summary>The output variables each activity type publishes as <c>Label.output</c> (null: any name is accepted).</summary>
    internal static class ActivityOutputs
    {
        /// <summary>NewPhoneContact's outputs; the short forms (<c>ANI</c>) resolve too.</summary>
        internal static readonly HashSet<string> Contact = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "ANI", "DNIS", "InteractionID", "OrgId", "EntryPointId", "FlowId", "FlowVersionLabel", "PSTNRegion", "Headers",
            "CallbackType", "ScheduleSourceInteractionId", "CallbackReason",
        };

        private static readonly HashSet<string> s_http = Set("httpStatusCode", "httpResponseBody", "httpResponseHeaders");
        private static readonly HashSet<string> s_menu = Set("OptionEntered");
        private static readonly HashSet<string> s_digits = Set("DigitsEntered");
        private static readonly HashSet<string> s_none = Set();

        /// <summary>The outputs of <paramref name="activity"/>; null when the simulator does not know them (any name passes).</summary>
        internal static HashSet<string>? Of(FlowActivity activity)
        {
            switch (activity.Type)
            {
                case ActivityTypes.NewPhoneContact:
                case "start":
                    return Contact;
                case ActivityTypes.HttpRequest:
                    return s_http;
                case ActivityTypes.Menu:
                    return s_menu;
                case ActivityTypes.CollectDigits:
                    return s_digits;
                case ActivityTypes.PlayMessage:
                case ActivityTypes.PlayMusic:
                case ActivityTypes.SetVariable:
                case ActivityTypes.Condition:
                case ActivityTypes.DisconnectContact:
                case ActivityTypes.EndFlow:
                case ActivityTypes.End:
                    return s_none;
                default:
                    return null;
            }
        }

        private static HashSet<string> Set(params string[] names) => new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
    }
}
