using System;
using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Expressions;
using CallbackLab.Core.Flows;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Reports
{
    /// <summary>
    /// The expressions an activity holds, with their values as the step saw them. The trace records what each step changed,
    /// not what it evaluated, so the variables are replayed step by step (defaults, then every change in order) and each
    /// template of the activity is evaluated against the state before its step, on the virtual clock.
    /// </summary>
    internal sealed class StepExpressions
    {
        internal const int MaxPerStep = 12;
        internal const int MaxTextLength = 300;

        private readonly Dictionary<string, object?> _state = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        private readonly DateTimeOffset _start;

        internal StepExpressions(WxccFlow? flow, IvrSimulationResult result, DateTimeOffset start)
        {
            _start = start;
            var changed = new HashSet<string>(result.Steps.SelectMany(s => s.ModifiedVariables.Keys), StringComparer.OrdinalIgnoreCase);
            foreach (FlowVariableDefinition variable in flow?.Variables ?? Array.Empty<FlowVariableDefinition>())
            {
                // A variable no step changed ends as it began, which keeps values given on the command line.
                _state[variable.Name] = !changed.Contains(variable.Name) && result.Variables.TryGetValue(variable.Name, out object? end)
                    ? end
                    : Default(variable);
            }

            // The contact's outputs are there before the first step: NewPhoneContact.ANI, or NewContact.ANI in 2025 exports.
            var starts = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { FlowEvents.NewPhoneContact };
            if (flow?.StartActivity != null)
            {
                starts.Add(flow.StartActivity.Name);
            }

            foreach (KeyValuePair<string, object?> output in result.Outputs)
            {
                int dot = output.Key.IndexOf('.');
                if (dot > 0 && starts.Contains(output.Key.Substring(0, dot)))
                {
                    _state[output.Key] = output.Value;
                    _state[output.Key.Substring(dot + 1)] = output.Value;
                }
            }
        }

        /// <summary>The templates of <paramref name="activity"/> with their values before <paramref name="step"/>; then applies the step's changes.</summary>
        internal IReadOnlyList<KeyValuePair<string, string>> Next(FlowActivity? activity, SimulationStep step)
        {
            var result = new List<KeyValuePair<string, string>>();
            if (activity != null)
            {
                var options = new ExpressionOptions { Clock = () => _start + step.At };
                var resolver = new Resolver(_state);
                foreach (string template in Templates(activity.Json).Take(MaxPerStep))
                {
                    string value;
                    try
                    {
                        value = ReportRedaction.Display(FlowExpressions.Evaluate(template, resolver, options));
                    }
                    catch (FlowExpressionFailure ex)
                    {
                        value = "error: " + ex.Message;
                    }

                    result.Add(new KeyValuePair<string, string>(Clip(template), Clip(value)));
                }
            }

            foreach (KeyValuePair<string, object?> change in step.ModifiedVariables)
            {
                _state[change.Key] = change.Value;
            }

            return result;
        }

        private static IEnumerable<string> Templates(JObject properties)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (JValue value in properties.Descendants().OfType<JValue>())
            {
                if (value.Type == JTokenType.String && value.Value is string text && text.IndexOf("{{", StringComparison.Ordinal) >= 0 && seen.Add(text))
                {
                    yield return text;
                }
            }
        }

        private static string Clip(string text) => text.Length <= MaxTextLength ? text : text.Substring(0, MaxTextLength) + "…";

        private static object? Default(FlowVariableDefinition variable)
        {
            if (variable.DefaultValue == null)
            {
                return variable.Type == "STRING" ? string.Empty : null;
            }

            try
            {
                return FlowExpressions.Coerce(variable.DefaultValue, variable.Type);
            }
            catch (FlowExpressionFailure)
            {
                return variable.DefaultValue;
            }
        }

        private sealed class Resolver : IVariableResolver
        {
            private readonly Dictionary<string, object?> _values;

            internal Resolver(Dictionary<string, object?> values)
            {
                _values = values;
            }

            public bool TryGetValue(string name, out object? value) => _values.TryGetValue(name, out value);
        }
    }
}
