using System;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Case: renders <c>expression</c> and leaves by the port of the first case whose value equals it (ordinal, trimmed).
    /// Exports list the ports in <c>menuLinks</c> (<c>"0"</c>…<c>"n-1"</c>) and the values in <c>menuLinks_input</c> in the
    /// same order (a value may be a template, such as <c>{{OK}}</c>); with <c>expression</c> <c>"true"</c> each value is a condition and the first that is true wins. Without
    /// those lists, a link whose port equals the value is taken. Otherwise <c>default</c>; a failing template is an error.
    /// </summary>
    internal sealed class CaseHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string expression = activity.GetString("expression") ?? string.Empty;
            try
            {
                string value = context.Render(expression).Trim();
                if (activity.Json["menuLinks"] is JArray ports && activity.Json["menuLinks_input"] is JArray values && ports.Count > 0)
                {
                    bool conditions = string.Equals(expression.Trim(), "true", StringComparison.OrdinalIgnoreCase);
                    for (int i = 0; i < ports.Count && i < values.Count; i++)
                    {
                        string caseValue = FlowValues.ToText(values[i]).Trim();
                        if (!conditions && caseValue.IndexOf("{{", StringComparison.Ordinal) >= 0)
                        {
                            // Case values may name variables (webex_api_mainflow: {{TOO_MANY_REQUESTS}}).
                            caseValue = context.Render(caseValue).Trim();
                        }

                        bool hit = conditions ? IsTrue(context, caseValue) : string.Equals(caseValue, value, StringComparison.Ordinal);
                        if (hit)
                        {
                            return Completed.From(ActivityOutcome.Next((string?)ports[i] ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                                conditions ? "case " + caseValue + " is true" : "value " + value + " is case " + i));
                        }
                    }

                    return Completed.From(ActivityOutcome.Next(ActivityPorts.Default, conditions ? "no case is true" : "value " + value + " matches no case"));
                }

                foreach (FlowLink link in context.Flow.OutgoingLinks(activity.Id))
                {
                    if (link.Port != ActivityPorts.Error && string.Equals(link.Port, value, StringComparison.Ordinal))
                    {
                        return Completed.From(ActivityOutcome.Next(link.Port, "value " + value));
                    }
                }

                return Completed.From(ActivityOutcome.Next(ActivityPorts.Default, "value " + value + " matches no case"));
            }
            catch (FlowExpressionFailure failure)
            {
                return Completed.From(ActivityOutcome.Error(failure.Kind, failure.Message));
            }
        }

        private static bool IsTrue(SimulationContext context, string condition)
        {
            string template = condition.IndexOf("{{", StringComparison.Ordinal) >= 0 ? condition : "{{ " + condition + " }}";
            object? result = context.Evaluate(template);
            return result is bool b ? b : string.Equals(FlowValues.ToText(result).Trim(), "true", StringComparison.OrdinalIgnoreCase);
        }
    }
}
