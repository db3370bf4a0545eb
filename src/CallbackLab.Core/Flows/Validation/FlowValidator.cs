using System;
using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Flows.Subflows;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Validation
{
    /// <summary>
    /// Checks a flow the way a careful reviewer would before publishing: broken links, unreachable activities, menus with
    /// unwired ports, activity types the simulator cannot run, expressions that do not parse, and references to variables or
    /// activity outputs that do not exist (the lab text's copy button gives <c>{{HTTP_PUT.httpStatusCode == 201}}</c>, an
    /// activity the flow does not have).
    /// </summary>
    public static class FlowValidator
    {
        private static readonly string[] s_menuPorts = { "timeout", "invalid" };

        /// <summary>Returns every finding, errors first, then in flow order.</summary>
        public static IReadOnlyList<FlowFinding> Validate(WxccFlow flow) => Validate(flow, null);

        /// <summary>
        /// Returns every finding, errors first, then in flow order; with a <paramref name="subflows"/> library, each Subflow
        /// activity's subflow must be in it and its variable mappings must name variables both flows declare.
        /// </summary>
        public static IReadOnlyList<FlowFinding> Validate(WxccFlow flow, SubflowLibrary? subflows)
        {
            if (flow is null) throw new ArgumentNullException(nameof(flow));
            var findings = new List<FlowFinding>();
            CheckStartAndReachability(flow, findings);
            CheckLinks(flow, findings);
            foreach (FlowActivity activity in flow.Activities.Concat(flow.EventFlows.Activities))
            {
                CheckType(activity, findings);
                if (!ActivityRequirements.Check(activity, findings))
                {
                    continue; // the checks below read these properties; their shape is already reported
                }

                CheckPorts(flow, activity, findings);

                CheckMenu(flow, activity, findings);
                CheckExpressions(flow, activity, findings);
                CheckWrittenVariables(flow, activity, findings);
                if (subflows != null)
                {
                    SubflowChecks.Check(flow, activity, subflows, findings);
                }
            }

            return findings.OrderByDescending(f => f.Severity).Select(f => f.In(flow)).ToList();
        }

        private static void CheckStartAndReachability(WxccFlow flow, List<FlowFinding> findings)
        {
            FlowActivity? start = flow.StartActivity;
            if (start == null)
            {
                findings.Add(new FlowFinding(FindingSeverity.Error, FindingCodes.NoStartActivity, null, null,
                    "The flow has no start activity (NewPhoneContact), so no call can enter it."));
                return;
            }

            var reached = new HashSet<string>(StringComparer.Ordinal);
            Walk(flow, start.Id, reached);
            foreach (FlowActivity trigger in flow.EventFlows.Activities.Where(a => a.EventName != null))
            {
                Walk(flow, trigger.Id, reached);
            }

            foreach (FlowActivity activity in flow.Activities.Concat(flow.EventFlows.Activities))
            {
                if (!reached.Contains(activity.Id))
                {
                    string from = activity.InEventFlow ? "any event trigger" : "the start activity";
                    findings.Add(new FlowFinding(FindingSeverity.Warning, FindingCodes.Unreachable, activity.Id, activity.Name,
                        "No path from " + from + " reaches '" + activity.Name + "'; it never runs."));
                }
            }
        }

        private static void Walk(WxccFlow flow, string id, HashSet<string> reached)
        {
            var pending = new Stack<string>();
            pending.Push(id);
            while (pending.Count > 0)
            {
                string current = pending.Pop();
                if (!reached.Add(current))
                {
                    continue;
                }

                foreach (FlowLink link in flow.OutgoingLinks(current))
                {
                    pending.Push(link.TargetActivityId);
                }
            }
        }

        private static void CheckLinks(WxccFlow flow, List<FlowFinding> findings)
        {
            foreach (FlowLink link in flow.Links.Concat(flow.EventFlows.Links))
            {
                FlowActivity? source = flow.FindActivity(link.SourceActivityId);
                FlowActivity? target = flow.FindActivity(link.TargetActivityId);
                if (source == null || target == null)
                {
                    string missing = source == null ? "source activity '" + link.SourceActivityId + "'" : "target activity '" + link.TargetActivityId + "'";
                    findings.Add(new FlowFinding(FindingSeverity.Error, FindingCodes.BrokenLink, source?.Id, source?.Name,
                        "The '" + link.Port + "' link " + link.Id + " refers to " + missing + ", which the flow does not have."));
                }
                else if (source.InEventFlow != target.InEventFlow || source.InEventFlow != link.InEventFlow)
                {
                    findings.Add(new FlowFinding(FindingSeverity.Error, FindingCodes.BrokenLink, source.Id, source.Name,
                        "The '" + link.Port + "' link from '" + source.Name + "' to '" + target.Name + "' crosses between the main flow and the event flows."));
                }
            }
        }

        private static void CheckType(FlowActivity activity, List<FlowFinding> findings)
        {
            if (!ActivityHandlers.IsKnown(activity.Type))
            {
                findings.Add(new FlowFinding(FindingSeverity.Error, FindingCodes.UnknownActivityType, activity.Id, activity.Name,
                    "Activity '" + activity.Name + "' has type '" + activity.Type + "', which the simulator cannot run."));
            }
        }

        private static void CheckPorts(WxccFlow flow, FlowActivity activity, List<FlowFinding> findings)
        {
            IReadOnlyList<string>? described = Simulation.Activities.ActivityCatalog.PortsOf(activity);
            if (described == null)
            {
                return;
            }

            var ports = new HashSet<string>(described, StringComparer.OrdinalIgnoreCase);

            foreach (FlowLink link in flow.OutgoingLinks(activity.Id).Where(l => !ports.Contains(l.Port)))
            {
                string has = ports.Count == 0 ? "it has no ports (it ends the path)" : "it has " + string.Join(", ", ports.OrderBy(p => p, StringComparer.Ordinal));
                findings.Add(new FlowFinding(FindingSeverity.Warning, FindingCodes.UnknownPort, activity.Id, activity.Name,
                    "A link leaves '" + activity.Name + "' (" + activity.Type + ") through port '" + link.Port + "', which that activity does not have ("
                    + has + "); the link never fires."));
            }
        }

        private static void CheckMenu(WxccFlow flow, FlowActivity activity, List<FlowFinding> findings)
        {
            if (activity.Type != ActivityTypes.Menu)
            {
                return;
            }

            foreach (string port in s_menuPorts)
            {
                if (flow.FindLink(activity.Id, port) == null)
                {
                    findings.Add(new FlowFinding(FindingSeverity.Warning, FindingCodes.UnwiredMenuPort, activity.Id, activity.Name,
                        "Menu '" + activity.Name + "' has no '" + port + "' link: a caller who " + (port == "timeout" ? "presses nothing" : "presses another key") + " falls out of the flow."));
                }
            }

            if (activity.Json["menuLinks"] is JArray options)
            {
                foreach (string? option in options.Select(JsonText.Of))
                {
                    if (!string.IsNullOrEmpty(option) && flow.FindLink(activity.Id, option!) == null)
                    {
                        findings.Add(new FlowFinding(FindingSeverity.Warning, FindingCodes.UnwiredMenuPort, activity.Id, activity.Name,
                            "Menu '" + activity.Name + "' offers option " + option + " but its link is not wired."));
                    }
                }
            }
        }

        private static void CheckExpressions(WxccFlow flow, FlowActivity activity, List<FlowFinding> findings)
        {
            foreach ((string property, string template) in Templates(activity))
            {
                string? parseError = FlowExpressions.ParseError(template);
                if (parseError != null)
                {
                    findings.Add(new FlowFinding(FindingSeverity.Warning, FindingCodes.ExpressionDoesNotParse, activity.Id, activity.Name,
                        "The expression '" + template + "' in '" + property + "' does not parse (" + parseError + "); at run time '" + activity.Name
                        + "' fails and raises OnGlobalError."));
                    continue;
                }

                foreach (string reference in FlowExpressions.References(template))
                {
                    string? problem = ReferenceProblem(flow, reference);
                    if (problem != null)
                    {
                        findings.Add(new FlowFinding(FindingSeverity.Error, FindingCodes.UnknownReference, activity.Id, activity.Name,
                            "The expression '" + template + "' in '" + property + "' refers to '" + reference + "': " + problem));
                    }
                }
            }

            if (activity.Type == ActivityTypes.SetVariable)
            {
                foreach (JObject assignment in Simulation.Activities.SetVariableHandler.Assignments(activity))
                {
                    string? source = Simulation.Activities.SetVariableHandler.Source(assignment, out bool fromVariable);
                    string? problem = fromVariable ? ReferenceProblem(flow, source!) : null;
                    if (problem != null)
                    {
                        findings.Add(new FlowFinding(FindingSeverity.Error, FindingCodes.UnknownReference, activity.Id, activity.Name,
                            "Set Variable '" + activity.Name + "' copies '" + source + "': " + problem));
                    }
                }
            }
        }

        /// <summary>Why <paramref name="reference"/> (a dotted name as written) resolves to nothing; null when it resolves.</summary>
        internal static string? ReferenceProblem(WxccFlow flow, string reference)
        {
            string[] parts = reference.Split('.');
            string head = parts[0];
            if (flow.FindVariable(head) != null || ActivityOutputs.Contact.Contains(head))
            {
                return null;
            }

            // The call's metadata is NewPhoneContact.* in every flow, subflows included (they share the caller's call), and
            // event outputs are <event>.<output> (AgentAnswered.AgentName) in the event flows.
            bool contact = string.Equals(head, ActivityTypes.NewPhoneContact, StringComparison.OrdinalIgnoreCase)
                || string.Equals(head, ActivityTypes.NewContact, StringComparison.OrdinalIgnoreCase);
            if ((contact && flow.FindActivityByName(head) == null && (parts.Length < 2 || ActivityOutputs.Contact.Contains(parts[1])))
                || flow.EventFlows.Activities.Any(a => string.Equals(a.EventName, head, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            FlowActivity? activity = flow.FindActivityByName(head);
            if (activity == null)
            {
                return "the flow has no variable and no activity named '" + head + "'.";
            }

            if (parts.Length < 2)
            {
                return null;
            }

            HashSet<string>? outputs = ActivityOutputs.Of(activity);
            if (outputs == null || outputs.Contains(parts[1]))
            {
                return null;
            }

            return outputs.Count == 0
                ? "activity '" + activity.Name + "' (" + activity.Type + ") has no output variables."
                : "activity '" + activity.Name + "' (" + activity.Type + ") has no output '" + parts[1] + "'; it has " + string.Join(", ", outputs.OrderBy(o => o, StringComparer.Ordinal)) + ".";
        }

        private static void CheckWrittenVariables(WxccFlow flow, FlowActivity activity, List<FlowFinding> findings)
        {
            var written = new List<string>();
            if (activity.Type == ActivityTypes.SetVariable)
            {
                written.AddRange(Simulation.Activities.SetVariableHandler.Assignments(activity).Select(a => JsonText.Of(a["srcVariable"])).Where(n => !string.IsNullOrEmpty(n)).Select(n => n!));
            }

            if (activity.Json["outputVariableArray"] is JArray outputs)
            {
                // Rows with no JSONPath ({"outputVariable": "Select", "jsonPathExp": ""}) are the designer's empty placeholder.
                written.AddRange(outputs.OfType<JObject>().Where(o => !string.IsNullOrEmpty(JsonText.Of(o["jsonPathExp"])))
                    .Select(o => JsonText.Of(o["outputVariable"])).Where(n => !string.IsNullOrEmpty(n)).Select(n => n!));
            }

            foreach (string name in written.Where(n => flow.FindVariable(n) == null))
            {
                findings.Add(new FlowFinding(FindingSeverity.Error, FindingCodes.UndeclaredVariable, activity.Id, activity.Name,
                    "'" + activity.Name + "' writes to '" + name + "', which is not a flow variable."));
            }
        }

        /// <summary>Every string property (at any depth) that holds a template, with its property path.</summary>
        private static IEnumerable<(string Property, string Template)> Templates(FlowActivity activity)
        {
            foreach (JValue value in activity.Json.Descendants().OfType<JValue>())
            {
                if (value.Type == JTokenType.String && ((string)value!).IndexOf("{{", StringComparison.Ordinal) >= 0)
                {
                    yield return (value.Path, (string)value!);
                }
            }
        }
    }
}
