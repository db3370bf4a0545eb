using System;
using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Flows.Lab;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Emulator.Room
{
    /// <summary>
    /// The flow an attendee opens at the lab's Build step 1: the repository's lab flow (<see cref="LabFlow"/>) with everything
    /// the Build steps add taken out again. What stays is Mission 3's flow: NewPhoneContact, WelcomeMessage, the WantCallback
    /// menu with options 1 (Callback, CallbackConfirmation, DisconnectContact) and 2 (QueueContact, QueueMusic), and the event
    /// flows with OnGlobalError wired straight to EndFlow. Derived at run time, so it follows the lab flow when that changes.
    /// </summary>
    public static class StartingFlow
    {
        /// <summary>The variables Build step 2 adds.</summary>
        public static readonly IReadOnlyList<string> BuildVariables = new[] { "outdialcbid", "customANI", "getresult", "simulatederror" };

        /// <summary>The main-flow activities Build steps 4 to 6 add.</summary>
        public static readonly IReadOnlyList<string> BuildActivities = new[] { "GET_CBID", "SetGetResult", "SimulateGlobalError" };

        /// <summary>The event-flow activities Build step 8 adds.</summary>
        public static readonly IReadOnlyList<string> BuildEventActivities = new[] { "CallBackAPI_Request", "HTTPStatusCode" };

        /// <summary>The menu option Build step 3 adds, and the sentence it adds to the menu's prompt.</summary>
        public const string BuildMenuOption = "3";

        /// <summary>The sentence Build step 3 appends to the WantCallback prompt.</summary>
        public const string BuildPromptSentence = " Press 3 to simulate global error.";

        private const string MenuName = "WantCallback";
        private const string GlobalErrorEvent = "GlobalErrorHandling";
        private const string EndFlowName = "EndFlow";

        /// <summary>The starting flow's export, named <paramref name="flowName"/>.</summary>
        public static JObject Build(string flowName)
        {
            var export = JObject.Parse(LabFlow.Json);
            string flowId = WxccIds.FlowId(flowName);
            export["name"] = flowName;
            export["id"] = WxccIds.DraftId(flowId);
            export["flowId"] = flowId;
            export["description"] = "Mission 3's main flow: the Callback on Global Error lab is not built yet.";
            var variables = (JArray)export["variables"]!;
            foreach (JToken variable in variables.Where(v => BuildVariables.Contains((string?)v["name"], StringComparer.Ordinal)).ToList())
            {
                variable.Remove();
            }

            var process = (JObject)export["process"]!;
            RemoveActivities(process, BuildActivities);
            UnbuildMenu(process);
            var events = (JObject)export["eventFlows"]!["eventsMap"]!["GLOBAL_EVENTS"]!["process"]!;
            RemoveActivities(events, BuildEventActivities);
            WireGlobalErrorToEndFlow(events);
            return export;
        }

        private static void RemoveActivities(JObject process, IReadOnlyList<string> names)
        {
            var activities = (JObject)process["activities"]!;
            var removed = new HashSet<string>(StringComparer.Ordinal);
            foreach (JProperty activity in activities.Properties().Where(p => names.Contains((string?)p.Value["name"], StringComparer.Ordinal)).ToList())
            {
                removed.Add(activity.Name);
                activity.Remove();
            }

            var links = (JArray)process["links"]!;
            foreach (JToken link in links.Where(l => removed.Contains((string?)l["sourceActivityId"] ?? string.Empty) || removed.Contains((string?)l["targetActivityId"] ?? string.Empty)).ToList())
            {
                link.Remove();
            }
        }

        private static void UnbuildMenu(JObject process)
        {
            JObject menu = ActivityNamed(process, MenuName);
            var properties = (JObject)menu["properties"]!;
            var options = (JArray)properties["menuLinks"]!;
            int index = options.Select(o => (string?)o).ToList().IndexOf(BuildMenuOption);
            if (index >= 0)
            {
                foreach (string key in new[] { "menuLinks", "menuLinks_input", "menuLinks:input" })
                {
                    if (properties[key] is JArray list && index < list.Count)
                    {
                        list.RemoveAt(index);
                    }
                }
            }

            foreach (JObject prompt in ((properties["promptsTts"] as JArray) ?? new JArray()).OfType<JObject>())
            {
                foreach (string key in new[] { "name", "value" })
                {
                    if ((string?)prompt[key] is string text)
                    {
                        prompt[key] = text.Replace(BuildPromptSentence, string.Empty);
                    }
                }
            }
        }

        private static void WireGlobalErrorToEndFlow(JObject events)
        {
            string from = (string)ActivityNamed(events, GlobalErrorEvent)["id"]!;
            string to = (string)ActivityNamed(events, EndFlowName)["id"]!;
            ((JArray)events["links"]!).Add(new JObject
            {
                ["id"] = "callbacklab-start-" + from,
                ["sourceActivityId"] = from,
                ["targetActivityId"] = to,
                ["conditionExpr"] = "out",
                ["properties"] = new JObject { ["value"] = "out" },
            });
        }

        private static JObject ActivityNamed(JObject process, string name) =>
            ((JObject)process["activities"]!).Properties().Select(p => (JObject)p.Value).FirstOrDefault(a => (string?)a["name"] == name)
            ?? throw new InvalidOperationException($"The lab flow has no activity named '{name}'; the starting flow cannot be derived from it.");
    }
}
