using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using CallbackLab.Core.JsonPath;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// One row of an <c>outputVariableArray</c>-style mapping (<c>{outputVariable, jsonPathExp}</c>), read once per export
    /// array. A plain dotted path (<c>$.customer.tier</c>, the usual case) is walked property by property, which is what the
    /// JSONPath engine does for it, without parsing the path on every run; any other path goes to the engine.
    /// </summary>
    internal sealed class OutputMapping
    {
        private static readonly ConditionalWeakTable<JArray, OutputMapping[]> s_read = new ConditionalWeakTable<JArray, OutputMapping[]>();

        /// <summary>The property names of a plain dotted path; null for any other path.</summary>
        private readonly string[]? _names;

        private OutputMapping(string variable, string path)
        {
            Variable = variable;
            Path = path;
            _names = PlainNames(path);
        }

        /// <summary>The variable to set.</summary>
        internal string Variable { get; }

        /// <summary>The JSONPath as the export writes it.</summary>
        internal string Path { get; }

        /// <summary>The rows of <paramref name="mappings"/> that name a variable and a path (placeholder rows are left out).</summary>
        internal static OutputMapping[] Of(JArray mappings) => s_read.GetValue(mappings, Read);

        /// <summary>What the path selects in <paramref name="document"/>, as the JSONPath engine's SelectForVariable gives it; null for no match.</summary>
        /// <exception cref="JsonPathException">The path is not valid JSONPath.</exception>
        internal JToken? Select(JToken document)
        {
            if (_names == null)
            {
                return NewtonsoftJsonPathEngine.Instance.SelectForVariable(document, Path);
            }

            JToken? current = document;
            foreach (string name in _names)
            {
                current = (current as JObject)?[name];
                if (current == null)
                {
                    return null;
                }
            }

            return current;
        }

        private static OutputMapping[] Read(JArray mappings)
        {
            var rows = new List<OutputMapping>();
            foreach (JToken item in mappings)
            {
                string? variable = item is JObject row ? (string?)row["outputVariable"] : null;
                string? path = item is JObject row2 ? (string?)row2["jsonPathExp"] : null;
                if (!string.IsNullOrEmpty(variable) && !string.IsNullOrEmpty(path))
                {
                    rows.Add(new OutputMapping(variable!, path!));
                }
            }

            return rows.ToArray();
        }

        /// <summary>The names of <c>$.a.b</c> (or <c>a.b</c>, which reads as <c>$.a.b</c>) when every one is letters, digits and <c>_</c>.</summary>
        private static string[]? PlainNames(string path)
        {
            string text = path.Trim();
            if (text.StartsWith("$.", StringComparison.Ordinal))
            {
                text = text.Substring(2);
            }

            string[] names = text.Split('.');
            foreach (string name in names)
            {
                if (name.Length == 0)
                {
                    return null;
                }

                foreach (char c in name)
                {
                    if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
                    {
                        return null;
                    }
                }
            }

            return names;
        }
    }
}
