using System;
using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Flows.Model;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Validation
{
    /// <summary>
    /// The output ports (<c>conditionExpr</c> values) each activity type has, from the activity reference
    /// (<c>flow-activities.md</c> §3): what exports wire, plus what the toolkit registry lists where the two differ
    /// (§8 "accept both"). Menus, Case and Percent Allocation add the ports their options name.
    /// </summary>
    internal static class ActivityPortTable
    {
        private static readonly Dictionary<string, string[]> s_ports = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            [ActivityTypes.NewPhoneContact] = new[] { "out" },
            [ActivityTypes.NewContact] = new[] { "out" },
            [ActivityTypes.NewSubFlowStart] = new[] { "out" },
            ["start"] = new[] { "out" },
            [ActivityTypes.Event] = new[] { "out" },
            ["play-message"] = new[] { "default", "error" },
            ["play-music"] = new[] { "default", "error" },
            ["ivr-menu"] = new[] { "timeout", "invalid", "error" },
            ["ivr-collectdigits"] = new[] { "default", "timeout", "invalid", "error" },
            ["Feedback-V2"] = new[] { "default", "error" },
            ["Feedback"] = new[] { "default" },
            ["set-variable"] = new[] { "out", "error" },
            ["condition-activity"] = new[] { "true", "false", "error" },
            ["case-statement"] = new[] { "default", "error" },
            ["percent-allocation"] = new[] { "error" },
            ["business-hours"] = new[] { "workingHours", "holidays", "override", "default", "error" },
            ["wait-activity"] = new[] { "out", "error" },
            ["hand-off"] = new[] { "error" },
            [ActivityTypes.SubflowHandoff] = new[] { "default", "error" },
            ["fn-activity"] = new[] { "default", "error" },
            ["http-request-v2"] = new[] { "default", "error" },
            ["http-request"] = new[] { "default", "error" },
            ["parse-activity"] = new[] { "default", "error" },
            ["bre-request"] = new[] { "default", "error" },
            ["cryptographic-hash"] = new[] { "out", "error" },
            ["generate-otp"] = new[] { "out", "error" },
            ["verify-otp"] = new[] { "out", "default", "error", "failure", "resend" },
            ["screen-pop"] = new[] { "default", "out" },
            ["queue-contact"] = new[] { "default", "failure", "error" },
            ["queue-to-agent"] = new[] { "default", "failure", "error" },
            ["queue-lookup"] = new[] { "default", "out", "insufficientdata", "failure" },
            ["advanced-queue-info"] = new[] { "default", "out", "failure" },
            ["escalate-cdg"] = new[] { "out", "error" },
            ["set-contact-priority"] = new[] { "out", "failure" },
            ["callback"] = new[] { "default", "failure" },
            ["scheduled-callback"] = new[] { "default", "out", "failure" },
            ["blind-transfer"] = new[] { "failure" },
            ["bridged-transfer"] = new[] { "default", "failure" },
            ["SetCallerID"] = new[] { "out" },
            ["set-announcement"] = new[] { "out", "error" },
            ["set-whisperannouncement"] = new[] { "out", "error" },
            ["send-digits"] = new[] { "out", "failure" },
            ["ivr-virtualassistant"] = new[] { "ENDED", "ESCALATE", "error" },
            ["ivr-virtualassistantvoice"] = new[] { "ENDED", "ESCALATE", "error" },
            ["record"] = new[] { "default", "noInputTimeout", "undefinedErrors" },
            ["RecordingControl"] = new[] { "default", "failure" },
            ["upload-audio"] = new[] { "default", "error" },
            ["start-media-stream"] = new[] { "default", "failure" },
            ["call-progress-analysis"] = new[] { "out", "failure" },
            ["ReceiveMessage"] = new[] { "out", "default", "timeout", "error" },
            ["SendCustomMessage"] = new[] { "out", "default", "error" },
            ["disconnect-contact"] = new string[0],
            ["end"] = new string[0],
            ["end-flow"] = new string[0],
            [ActivityTypes.EndSubflow] = new string[0],
        };

        /// <summary>The ports of <paramref name="activity"/>; null when its type is not in the table (nothing is checked).</summary>
        internal static HashSet<string>? PortsOf(FlowActivity activity)
        {
            if (!s_ports.TryGetValue(activity.Type, out string[]? fixedPorts))
            {
                return null;
            }

            var ports = new HashSet<string>(fixedPorts, StringComparer.OrdinalIgnoreCase);
            string? optionsProperty = activity.Type switch
            {
                "ivr-menu" => "menuLinks",
                "case-statement" => "menuLinks",
                "percent-allocation" => "allocations",
                _ => null,
            };
            if (optionsProperty != null && activity.Json[optionsProperty] is JArray options)
            {
                ports.UnionWith(options.Select(JsonText.Of).Where(o => !string.IsNullOrEmpty(o)).Select(o => o!));
            }

            return ports;
        }
    }
}
