using System;
using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Subflows;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Validation
{
    /// <summary>A Subflow activity against the library: the subflow exists, and each mapping names variables both sides declare.</summary>
    internal static class SubflowChecks
    {
        internal static void Check(WxccFlow flow, FlowActivity activity, SubflowLibrary library, List<FlowFinding> findings)
        {
            if (!string.Equals(activity.Type, ActivityTypes.SubflowHandoff, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            SubflowReference reference = SubflowReference.Of(activity);
            WxccFlow? subflow = library.Find(reference);
            if (subflow == null)
            {
                findings.Add(new FlowFinding(FindingSeverity.Error, FindingCodes.SubflowNotFound, activity.Id, activity.Name,
                    "Subflow '" + activity.Name + "': " + library.NotFoundMessage(reference)));
                return;
            }

            CheckMappings(flow, activity, subflow, "subflowInputVariables", "input", findings);
            CheckMappings(flow, activity, subflow, "subflowOutputVariables", "output", findings);
        }

        private static void CheckMappings(WxccFlow flow, FlowActivity activity, WxccFlow subflow, string property, string direction, List<FlowFinding> findings)
        {
            if (!(activity.Json[property] is JArray mappings))
            {
                return;
            }

            foreach (JObject mapping in mappings.OfType<JObject>())
            {
                string? caller = JsonText.Of(mapping["src"]);
                string? inside = JsonText.Of(mapping["target"]);
                if (!string.IsNullOrEmpty(inside) && subflow.FindVariable(inside!) == null)
                {
                    findings.Add(new FlowFinding(FindingSeverity.Error, FindingCodes.UnknownSubflowVariable, activity.Id, activity.Name,
                        "Subflow '" + activity.Name + "' maps " + direction + " '" + inside + "', which subflow '" + subflow.Name + "' does not declare."));
                }

                bool template = caller != null && caller.IndexOf("{{", StringComparison.Ordinal) >= 0;
                if (!string.IsNullOrEmpty(caller) && !template && FlowValidator.ReferenceProblem(flow, caller!) is { } problem)
                {
                    findings.Add(new FlowFinding(FindingSeverity.Error, FindingCodes.UnknownSubflowVariable, activity.Id, activity.Name,
                        "Subflow '" + activity.Name + "' maps " + direction + " '" + caller + "' of the calling flow: " + problem));
                }
            }
        }
    }
}
