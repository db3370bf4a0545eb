using System;
using System.Linq;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.Activities;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Grading
{
    /// <summary>
    /// Steps 5 and 6: SetGetResult keeps GET_CBID's body in getresult; SimulateGlobalError sets simulatederror to a value that
    /// fails (the lab's <c>{{ ANI | 123}}</c> is not valid Pebble) and leads to Disconnect Contact.
    /// </summary>
    internal static class SetVariableChecks
    {
        private const string SampleBody = "[{\"dn\":\"sample\"}]";

        internal static void Check(LabCheckContext context)
        {
            CheckSetGetResult(context);
            CheckSimulateGlobalError(context);
        }

        private static void CheckSetGetResult(LabCheckContext context)
        {
            LabStep step = LabSteps.SetGetResult;
            FlowActivity? activity = Find(context, step, context.SetGetResult, LabNames.SetGetResult);
            if (activity == null)
            {
                return;
            }

            if (context.Lookup != null && !context.Leads(context.Lookup, activity))
            {
                context.Fail(step, activity.Name, context.Lookup.Name + " leads to " + context.Targets(context.Lookup) + ", not " + LabNames.SetGetResult + ".");
            }

            JObject? assignment = Assignment(context, step, activity, LabNames.GetResultVariable);
            if (assignment == null)
            {
                return;
            }

            string? source = SetVariableHandler.Source(assignment, out bool fromVariable);
            bool keepsBody = fromVariable
                ? string.Equals(source?.Trim(), LabNames.LookupBody, StringComparison.OrdinalIgnoreCase)
                : GradingExpressions.Render(source ?? string.Empty, out _, GradingExpressions.Value(LabNames.LookupBody, SampleBody)) == SampleBody;
            if (!keepsBody)
            {
                context.Fail(step, activity.Name, activity.Name + " sets " + LabNames.GetResultVariable + " to '" + source + "', not " + LabNames.LookupBody + ".");
            }
        }

        private static void CheckSimulateGlobalError(LabCheckContext context)
        {
            LabStep step = LabSteps.SimulateGlobalError;
            FlowActivity? activity = Find(context, step, context.SimulateGlobalError, LabNames.SimulateGlobalError);
            if (activity == null)
            {
                return;
            }

            if (context.SetGetResult != null && !context.Leads(context.SetGetResult, activity))
            {
                context.Fail(step, activity.Name, context.SetGetResult.Name + " leads to " + context.Targets(context.SetGetResult) + ", not " + LabNames.SimulateGlobalError + ".");
            }

            if (!context.Next(activity).Any(a => LabCheckContext.IsType(a, ActivityTypes.DisconnectContact)))
            {
                context.Fail(step, activity.Name, activity.Name + " leads to " + context.Targets(activity) + ", not to a Disconnect Contact.");
            }

            JObject? assignment = Assignment(context, step, activity, LabNames.SimulatedErrorVariable);
            if (assignment == null)
            {
                return;
            }

            // What counts is that setting the value fails, as the lab's does: that failure is the global error.
            string? source = SetVariableHandler.Source(assignment, out bool fromVariable);
            string? rendered = fromVariable ? source : GradingExpressions.Render(source ?? string.Empty, out _, GradingExpressions.Value("ANI", "+14085550100"));
            if (rendered != null)
            {
                context.Fail(step, activity.Name, activity.Name + " sets " + LabNames.SimulatedErrorVariable + " to '" + source
                    + "', which Flow Designer evaluates without an error, so no global error is raised; the lab's value is " + LabNames.SimulatedErrorValue + ".");
            }
            else if (!string.Equals(GradingExpressions.Words(source), GradingExpressions.Words(LabNames.SimulatedErrorValue), StringComparison.Ordinal))
            {
                context.Note(step, activity.Name, activity.Name + "'s value '" + source + "' fails as the lab's " + LabNames.SimulatedErrorValue + " does.");
            }
        }

        private static FlowActivity? Find(LabCheckContext context, LabStep step, FlowActivity? activity, string label)
        {
            if (activity == null || !LabCheckContext.IsType(activity, ActivityTypes.SetVariable))
            {
                context.Fail(step, label, activity == null
                    ? "The flow has no Set Variable activity " + label + "."
                    : label + " is a " + activity.Type + " activity, not a Set Variable.");
                return null;
            }

            if (activity.InEventFlow)
            {
                context.Fail(step, activity.Name, activity.Name + " is in the event flows; the lab adds it to the main flow.");
            }

            context.NoteLabelCase(step, activity, label);
            return activity;
        }

        private static JObject? Assignment(LabCheckContext context, LabStep step, FlowActivity activity, string variable)
        {
            var assignments = SetVariableHandler.Assignments(activity).ToList();
            JObject? assignment = assignments.FirstOrDefault(a => string.Equals(((string?)a["srcVariable"])?.Trim(), variable, StringComparison.OrdinalIgnoreCase));
            if (assignment == null)
            {
                string sets = string.Join(", ", assignments.Select(a => (string?)a["srcVariable"]).Where(v => !string.IsNullOrEmpty(v)));
                context.Fail(step, activity.Name, activity.Name + " sets " + (sets.Length == 0 ? "no variable" : sets) + ", not " + variable + ".");
            }

            return assignment;
        }
    }
}
