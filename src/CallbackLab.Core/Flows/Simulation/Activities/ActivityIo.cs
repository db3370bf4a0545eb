using System;
using System.Collections.Generic;
using System.Globalization;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.JsonPath;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>What most activity types share: rendering a property, writing <c>Label.output</c>, picking a success port.</summary>
    internal static class ActivityIo
    {
        /// <summary>Renders a text property (empty when missing); a template that fails throws <see cref="FlowExpressionFailure"/>.</summary>
        internal static string Render(SimulationContext context, FlowActivity activity, string property)
        {
            ActivityProperty read = ActivityCache.Of(activity).Property(property);
            return read.IsTemplate ? context.Render(read.Text) : read.Text;
        }

        /// <summary>
        /// Renders a property that names a value either as a template or, when its <c>:radioName</c> says it is a variable, as a
        /// bare variable name (<c>transfertodn:radioName = setToVariable</c>).
        /// </summary>
        internal static string RenderValueOrVariable(SimulationContext context, FlowActivity activity, string property)
        {
            ActivityProperty read = ActivityCache.Of(activity).Property(property);
            if (read.NamesVariable)
            {
                context.Variables.TryGetValue(read.VariableName, out object? value);
                return FlowValues.ToText(value);
            }

            return read.IsTemplate ? context.Render(read.Text) : read.Text;
        }

        /// <summary>Writes the activity output <c>Label.name</c>.</summary>
        internal static void Output(SimulationContext context, FlowActivity activity, string name, object? value) =>
            context.Variables.Set(ActivityCache.Of(activity).OutputName(name), value);

        /// <summary>Writes FailureCode and FailureDescription.</summary>
        internal static void Failure(SimulationContext context, FlowActivity activity, long code, string description)
        {
            Output(context, activity, "FailureCode", code);
            Output(context, activity, "FailureDescription", description);
        }

        /// <summary>
        /// The port a success leaves by when sources disagree on its name (exports <c>default</c>, the registry <c>out</c>):
        /// the first of <paramref name="preferred"/> and <paramref name="alternative"/> that is wired, else <paramref name="preferred"/>.
        /// </summary>
        internal static string SuccessPort(SimulationContext context, FlowActivity activity, string preferred, string alternative) =>
            context.Flow.FindLink(activity.Id, preferred) == null && context.Flow.FindLink(activity.Id, alternative) != null ? alternative : preferred;

        /// <summary>Reads an integer property (number or numeric text, templates rendered); <paramref name="fallback"/> otherwise.</summary>
        internal static int Integer(SimulationContext context, FlowActivity activity, string property, int fallback) =>
            int.TryParse(Render(context, activity, property).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : fallback;

        /// <summary>Reads a boolean property (true/false or "true"/"false", templates rendered); <paramref name="fallback"/> otherwise.</summary>
        internal static bool Flag(SimulationContext context, FlowActivity activity, string property, bool fallback)
        {
            string text = Render(context, activity, property).Trim();
            return bool.TryParse(text, out bool value) ? value : fallback;
        }

        /// <summary>
        /// Applies <c>outputVariableArray</c>-style mappings (<c>{outputVariable, jsonPathExp}</c>) to <paramref name="document"/>,
        /// skipping placeholder rows; returns the mappings that matched nothing.
        /// </summary>
        internal static List<string> MapOutputs(SimulationContext context, JToken document, JArray? mappings)
        {
            var missed = new List<string>();
            if (mappings == null)
            {
                return missed;
            }

            foreach (OutputMapping mapping in OutputMapping.Of(mappings))
            {
                JToken? match;
                try
                {
                    match = mapping.Select(document);
                }
                catch (JsonPathException)
                {
                    match = null;
                }

                if (match == null)
                {
                    missed.Add(mapping.Variable + " (" + mapping.Path + ")");
                    continue;
                }

                string type = context.Flow.FindVariable(mapping.Variable)?.Type ?? "STRING";
                object? value = FlowValues.FromToken(match);
                context.Variables.Set(mapping.Variable, type == "STRING" ? FlowValues.ToText(value) : Typed(value, type));
            }

            return missed;
        }

        /// <summary>Text found for a typed variable (a header's "30" for an INTEGER) takes the type when it converts.</summary>
        private static object? Typed(object? value, string type)
        {
            if (!(value is string text))
            {
                return value;
            }

            try
            {
                return FlowExpressions.Coerce(text, type);
            }
            catch (FlowExpressionFailure)
            {
                return value;
            }
        }

        /// <summary>True when the world lists this activity among those whose platform side fails.</summary>
        internal static bool FailsInWorld(SimulationContext context, FlowActivity activity)
        {
            IList<string>? failing = context.World.Settings.FailingActivities;
            if (failing == null)
            {
                return false;
            }

            foreach (string label in failing)
            {
                if (string.Equals(label, activity.Name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A payload dictionary for an event.</summary>
        internal static Dictionary<string, object?> Payload() => new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
    }
}
