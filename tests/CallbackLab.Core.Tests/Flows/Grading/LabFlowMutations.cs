using System;
using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Flows.Grading;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Model;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.Flows.Grading
{
    /// <summary>
    /// Changes to the repository's lab flow export, each undoing or botching one lab step the way an attendee might. Built
    /// from the real export (<see cref="LabFlow.Json"/>), never hand-written JSON.
    /// </summary>
    internal static class LabFlowMutations
    {
        /// <summary>One mutation: what it does, the lab step it breaks, and the edit.</summary>
        internal sealed class Mutation
        {
            internal Mutation(string name, LabStep breaks, Action<JObject> apply)
            {
                Name = name;
                Breaks = breaks;
                Apply = apply;
            }

            internal string Name { get; }

            internal LabStep Breaks { get; }

            internal Action<JObject> Apply { get; }

            /// <summary>The lab flow with this mutation, named for <paramref name="attendeeId"/>.</summary>
            internal WxccFlow Flow(string attendeeId = "Mutant") => WxccFlowReader.Parse(Json(attendeeId).ToString(), "mutation:" + Name);

            internal JObject Json(string attendeeId = "Mutant")
            {
                JObject export = Rename(LabExport(), AttendeeFlowName.ForAttendee(attendeeId));
                Apply(export);
                return export;
            }

            public override string ToString() => Name;
        }

        internal static JObject LabExport() => JObject.Parse(LabFlow.Json);

        internal static JObject Rename(JObject export, string name)
        {
            export["name"] = name;
            return export;
        }

        /// <summary>Every mutation, at least one per lab step.</summary>
        internal static IReadOnlyList<Mutation> All { get; } = new[]
        {
            new Mutation("flow-not-main-flow", LabSteps.OpenFlow, e => e["name"] = "CallbackLab_Mission1"),
            new Mutation("customANI-integer", LabSteps.AddVariables, e => Variable(e, LabNames.CustomAniVariable)["type"] = "INTEGER"),
            new Mutation("getresult-missing", LabSteps.AddVariables, e => Variable(e, LabNames.GetResultVariable).Remove()),
            new Mutation("menu-without-option-3", LabSteps.MenuOption, e =>
            {
                JObject menu = Properties(e, LabNames.Menu);
                foreach (string key in new[] { "menuLinks", "menuLinks_input", "menuLinks:input" })
                {
                    ((JArray)menu[key]!).RemoveAt(2);
                }
            }),
            new Mutation("menu-old-prompt", LabSteps.MenuOption, e =>
            {
                JObject prompt = (JObject)Properties(e, LabNames.Menu)["promptsTts"]![0]!;
                string old = ((string)prompt["value"]!).Replace(" Press 3 to simulate global error.", string.Empty);
                prompt["value"] = old;
                prompt["name"] = old;
            }),
            new Mutation("lookup-without-slice", LabSteps.GetEntryPoint, e => Edit(e, LabNames.Lookup, "httpRequestUrl", u => u.Replace(" | slice(2) ", string.Empty))),
            new Mutation("lookup-hard-coded-dn", LabSteps.GetEntryPoint, e => Edit(e, LabNames.Lookup, "httpRequestUrl", u => string.Concat(u.AsSpan(0, u.IndexOf("{{", StringComparison.Ordinal)), "4694096861"))),
            new Mutation("lookup-authenticated", LabSteps.GetEntryPoint, e => Properties(e, LabNames.Lookup)["authenticated"] = true),
            new Mutation("lookup-paths-swapped", LabSteps.GetEntryPoint, e =>
            {
                var rows = (JArray)Properties(e, LabNames.Lookup)["outputVariableArray"]!;
                JToken first = rows[0]["jsonPathExp"]!;
                rows[0]["jsonPathExp"] = rows[1]["jsonPathExp"];
                rows[1]["jsonPathExp"] = first;
            }),
            new Mutation("option-3-to-set-get-result", LabSteps.GetEntryPoint, e => Link(e, LabNames.Menu, "3")["targetActivityId"] = Id(e, LabNames.SetGetResult)),
            new Mutation("getresult-from-status", LabSteps.SetGetResult, e =>
            {
                JObject set = Properties(e, LabNames.SetGetResult);
                set["setToVariable"] = "GET_CBID.httpStatusCode";
                set["expr"] = "{{GET_CBID.httpStatusCode}}";
            }),
            new Mutation("simulated-error-renders", LabSteps.SimulateGlobalError, e => Properties(e, LabNames.SimulateGlobalError)["expr"] = "{{ ANI }}"),
            new Mutation("global-error-still-to-end-flow", LabSteps.UnlinkEndFlow, e => Link(e, FlowEvents.OnGlobalError, "out")["targetActivityId"] = Id(e, "EndFlow")),
            new Mutation("request-path-typo", LabSteps.CallbackRequest, e => Properties(e, LabNames.CallbackRequest)["httpRequestPath"] = "/v1/task"),
            new Mutation("request-put", LabSteps.CallbackRequest, e => Properties(e, LabNames.CallbackRequest)["httpRequestMethod"] = "PUT"),
            new Mutation("request-destination-outdial", LabSteps.CallbackRequest, e => Edit(e, LabNames.CallbackRequest, "httpRequestBody", b => b.Replace("\"{{customANI}}\"", "\"{{outdialcbid}}\""))),
            new Mutation("request-unauthenticated", LabSteps.CallbackRequest, e =>
            {
                JObject request = Properties(e, LabNames.CallbackRequest);
                request["authenticated"] = false;
                request["connectorId"] = null;
            }),
            new Mutation("condition-200", LabSteps.StatusCondition, e => Edit(e, LabNames.StatusCondition, "expression", x => x.Replace("201", "200"))),
            new Mutation("condition-false-unwired", LabSteps.StatusCondition, e => Link(e, LabNames.StatusCondition, "false").Remove()),
        };

        /// <summary>The condition as the lab text's copy button gives it (its HTTP_PUT slip).</summary>
        internal static Mutation HttpPutSlip { get; } = new Mutation("condition-http-put-slip", LabSteps.StatusCondition,
            e => Edit(e, LabNames.StatusCondition, "expression", x => x.Replace(LabNames.CallbackRequest, LabNames.SlipActivity)));

        internal static Mutation Named(string name) => All.Single(m => m.Name == name);

        private static IEnumerable<JObject> Activities(JObject export) =>
            ((JObject)export["process"]!["activities"]!).Properties().Select(p => (JObject)p.Value)
                .Concat(((JObject)export.SelectToken("eventFlows.eventsMap.GLOBAL_EVENTS.process.activities")!).Properties().Select(p => (JObject)p.Value));

        private static IEnumerable<JObject> Links(JObject export) =>
            ((JArray)export["process"]!["links"]!).OfType<JObject>().Concat(((JArray)export.SelectToken("eventFlows.eventsMap.GLOBAL_EVENTS.process.links")!).OfType<JObject>());

        /// <summary>An activity by label, or an event trigger by its event (OnGlobalError).</summary>
        private static JObject ActivityNamed(JObject export, string name) => Activities(export).Single(a =>
            (string?)a["name"] == name || (string?)a["properties"]!["event"] == name);

        private static string Id(JObject export, string name) => (string)ActivityNamed(export, name)["id"]!;

        private static JObject Properties(JObject export, string name) => (JObject)ActivityNamed(export, name)["properties"]!;

        private static JObject Variable(JObject export, string name) => ((JArray)export["variables"]!).OfType<JObject>().Single(v => (string?)v["name"] == name);

        private static JObject Link(JObject export, string from, string port)
        {
            string id = Id(export, from);
            return Links(export).Single(l => (string?)l["sourceActivityId"] == id && (string?)l["conditionExpr"] == port);
        }

        private static void Edit(JObject export, string activity, string property, Func<string, string> change)
        {
            JObject properties = Properties(export, activity);
            string before = (string)properties[property]!;
            string after = change(before);
            if (after == before)
            {
                throw new InvalidOperationException("The mutation left " + activity + "." + property + " unchanged.");
            }

            properties[property] = after;
        }
    }
}
