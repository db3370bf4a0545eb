using System;
using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Flows.Model;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Grading
{
    /// <summary>Steps 1 to 3: the flow's name, the four variables, and menu option 3 with its prompt.</summary>
    internal static class FlowSetupChecks
    {
        internal static void Check(LabCheckContext context)
        {
            CheckName(context);
            CheckVariables(context);
            CheckMenu(context);
        }

        private static void CheckName(LabCheckContext context)
        {
            if (AttendeeFlowName.AttendeeId(context.Flow.Name) == null)
            {
                context.Fail(LabSteps.OpenFlow, null, "The flow is named '" + context.Flow.Name + "'; the lab's flow is " + LabNames.FlowPrefix + "<attendee id>.");
            }
        }

        private static void CheckVariables(LabCheckContext context)
        {
            LabStep step = LabSteps.AddVariables;
            foreach (string name in LabNames.Variables)
            {
                FlowVariableDefinition? variable = context.Flow.FindVariable(name);
                if (variable == null)
                {
                    context.Fail(step, null, "The flow has no variable " + name + " (String).");
                    continue;
                }

                if (variable.VariableType != Expressions.FlowVariableType.String)
                {
                    context.Fail(step, null, "The variable " + name + " is " + variable.Type + "; the lab declares it String.");
                }

                if (!string.Equals(variable.Name, name, StringComparison.Ordinal))
                {
                    context.Note(step, null, "The variable is named '" + variable.Name + "'; the lab names it " + name + ".");
                }

                if (!string.IsNullOrEmpty(variable.DefaultValue))
                {
                    context.Note(step, null, "The variable " + name + " defaults to '" + variable.DefaultValue + "'; the lab leaves it empty.");
                }
            }
        }

        private static void CheckMenu(LabCheckContext context)
        {
            LabStep step = LabSteps.MenuOption;
            FlowActivity? menu = context.Menu;
            if (menu == null || !LabCheckContext.IsType(menu, ActivityTypes.Menu))
            {
                context.Fail(step, LabNames.Menu, menu == null
                    ? "The flow has no Menu activity " + LabNames.Menu + "."
                    : LabNames.Menu + " is a " + menu.Type + " activity, not a Menu.");
                return;
            }

            context.NoteLabelCase(step, menu, LabNames.Menu);
            List<string> digits = Strings(menu.Json["menuLinks"]);
            int option = digits.FindIndex(d => d.Trim() == LabNames.MenuDigit);
            if (option < 0)
            {
                context.Fail(step, menu.Name, menu.Name + " has no option " + LabNames.MenuDigit + " (its options: " + (digits.Count == 0 ? "none" : string.Join(", ", digits)) + ").");
            }
            else
            {
                List<string> names = Strings(menu.Json["menuLinks:input"] ?? menu.Json["menuLinks_input"]);
                string? name = option < names.Count ? names[option] : null;
                if (!string.Equals(GradingExpressions.Words(name), LabNames.MenuOptionName, StringComparison.OrdinalIgnoreCase))
                {
                    context.Note(step, menu.Name, "Option " + LabNames.MenuDigit + " is named '" + name + "'; the lab names it " + LabNames.MenuOptionName + ".");
                }
            }

            List<string> spoken = TtsPrompts(menu);
            string expected = GradingExpressions.Words(LabNames.MenuPrompt);
            if (!spoken.Any(p => string.Equals(GradingExpressions.Words(p), expected, StringComparison.OrdinalIgnoreCase)))
            {
                string says = spoken.Count == 0 ? "speaks no text-to-speech message" : "says '" + string.Join(" ", spoken) + "'";
                context.Fail(step, menu.Name, menu.Name + " " + says + "; the lab's message is '" + LabNames.MenuPrompt + "'.");
            }
        }

        /// <summary>The text-to-speech prompts of an activity (<c>promptsTts[].value</c>, or <c>name</c> when the value is empty).</summary>
        private static List<string> TtsPrompts(FlowActivity activity)
        {
            var prompts = new List<string>();
            if (activity.Json["promptsTts"] is JArray tts)
            {
                foreach (JObject prompt in tts.OfType<JObject>())
                {
                    string? text = (string?)prompt["value"];
                    if (string.IsNullOrWhiteSpace(text))
                    {
                        text = (string?)prompt["name"];
                    }

                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        prompts.Add(text!);
                    }
                }
            }

            return prompts;
        }

        private static List<string> Strings(JToken? token) =>
            token is JArray array ? array.Select(t => t.Type == JTokenType.Null ? string.Empty : t.ToString()).ToList() : new List<string>();
    }
}
