using System;
using System.Collections.Generic;
using CallbackLab.Core.Expressions;
using CallbackLab.Core.Flows.Model;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>
    /// One entry of a Subflow activity's <c>subflowInputVariables</c> or <c>subflowOutputVariables</c>: in both lists
    /// <c>src</c> is the calling flow's variable and <c>target</c> the subflow's (activity reference §2); inputs copy
    /// src→target on entry, outputs target→src on return, converted to <c>type</c>.
    /// </summary>
    internal sealed class SubflowMapping
    {
        private SubflowMapping(string source, string target, FlowVariableType type)
        {
            Source = source;
            Target = target;
            Type = type;
        }

        /// <summary>The calling flow's side (a variable name, or a template for an input).</summary>
        internal string Source { get; }

        /// <summary>The subflow's variable.</summary>
        internal string Target { get; }

        internal FlowVariableType Type { get; }

        /// <summary>The mappings in <paramref name="property"/>; entries without both names are skipped, as Flow Designer does.</summary>
        internal static IEnumerable<SubflowMapping> Read(FlowActivity handoff, string property)
        {
            if (!(handoff.Json[property] is JArray items))
            {
                yield break;
            }

            foreach (JToken item in items)
            {
                if (!(item is JObject mapping))
                {
                    continue;
                }

                string? source = Text(mapping["src"]);
                string? target = Text(mapping["target"]);
                if (string.IsNullOrEmpty(source) || string.IsNullOrEmpty(target))
                {
                    continue;
                }

                FlowVariableType type = FlowVariableType.String;
                try
                {
                    type = FlowValueConverter.ParseType(Text(mapping["type"]) ?? "STRING");
                }
                catch (FlowValueConversionException)
                {
                    // An unknown type name: the value crosses as text.
                }

                yield return new SubflowMapping(source!.Trim(), target!.Trim(), type);
            }
        }

        /// <summary>The calling flow's value: a variable or output by name, or a template rendered in the caller's context.</summary>
        internal object? ReadCaller(SimulationContext caller)
        {
            if (Source.IndexOf("{{", StringComparison.Ordinal) >= 0)
            {
                return caller.Render(Source);
            }

            return caller.Variables.TryGetValue(Source, out object? value) ? value : null;
        }

        private static string? Text(JToken? token) => token switch
        {
            JValue value when value.Type == JTokenType.String => (string?)value,
            JValue value when value.Type != JTokenType.Null => value.ToString(Newtonsoft.Json.Formatting.None),
            _ => null,
        };
    }
}
