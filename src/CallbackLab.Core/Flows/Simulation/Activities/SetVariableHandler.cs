using System.Collections.Generic;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Set Variable: for each assignment (<c>setVariablesArray</c>, or the top-level fields), takes a literal, a template
    /// (<c>{{…}}</c>) or another variable's value (<c>set-to-variable</c>), converts it to <c>srcVariableType</c> and stores it.
    /// A template that does not parse or render, or a value that does not convert, fails the activity.
    /// </summary>
    internal sealed class SetVariableHandler : IActivityHandler
    {
        internal const string SetToVariable = "set-to-variable";

        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            foreach (JObject assignment in Assignments(activity))
            {
                string? target = (string?)assignment["srcVariable"];
                if (string.IsNullOrEmpty(target))
                {
                    return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Activity, "Set Variable '" + activity.Name + "' names no variable (srcVariable)."));
                }

                string type = (string?)assignment["srcVariableType"] ?? context.Flow.FindVariable(target!)?.Type ?? "STRING";
                try
                {
                    object? value = Value(context, assignment, type);
                    context.Variables.Set(target!, value);
                }
                catch (FlowExpressionFailure failure)
                {
                    return Completed.From(ActivityOutcome.Error(failure.Kind, failure.Message));
                }
            }

            return Completed.Out;
        }

        internal static IEnumerable<JObject> Assignments(FlowActivity activity)
        {
            if (activity.Json["setVariablesArray"] is JArray array && array.Count > 0)
            {
                foreach (JToken item in array)
                {
                    if (item is JObject assignment)
                    {
                        yield return assignment;
                    }
                }

                yield break;
            }

            yield return activity.Json;
        }

        /// <summary>The text an assignment's value is written as: the source variable, or expr, or literal.</summary>
        internal static string? Source(JObject assignment, out bool fromVariable)
        {
            string? variable = (string?)assignment["setToVariable"];
            fromVariable = (string?)assignment["setTo"] == SetToVariable && !string.IsNullOrEmpty(variable);
            return fromVariable ? variable : (string?)assignment["expr"] ?? (string?)assignment["literal"];
        }

        private static object? Value(SimulationContext context, JObject assignment, string type)
        {
            string? source = Source(assignment, out bool fromVariable);
            if (fromVariable)
            {
                context.Variables.TryGetValue(source!, out object? raw);
                return FlowExpressions.Coerce(FlowValues.ToText(raw), type);
            }

            string text = source ?? string.Empty;
            string rendered = context.Render(text);
            return FlowExpressions.Coerce(rendered, type);
        }
    }
}
