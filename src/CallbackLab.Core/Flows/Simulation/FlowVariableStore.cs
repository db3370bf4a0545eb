using System;
using System.Collections.Generic;
using CallbackLab.Core.Expressions;
using CallbackLab.Core.Flows.Model;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>
    /// The values a running flow sees: flow variables, contact outputs (<c>NewPhoneContact.ANI</c> and the short <c>ANI</c>)
    /// and activity outputs (<c>GET_CBID.httpStatusCode</c>). Names resolve without regard to case, because real exports write
    /// <c>{{NewPhoneContact.ani}}</c>. Every write is remembered until the engine collects it for the step's trace.
    /// </summary>
    internal sealed class FlowVariableStore : IVariableResolver
    {
        private readonly Dictionary<string, object?> _values;
        private readonly HashSet<string> _flowVariables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private Dictionary<string, object?>? _modified;

        /// <summary>Creates an empty store with room for <paramref name="capacity"/> names before it grows.</summary>
        internal FlowVariableStore(int capacity = 0)
        {
            _values = new Dictionary<string, object?>(capacity, StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>Declares a flow variable with its initial value (not a modification).</summary>
        internal void Declare(string name, object? value)
        {
            _flowVariables.Add(name);
            _values[name] = value;
        }

        /// <summary>Sets an output or variable at the start of the call (not a modification).</summary>
        internal void Initialize(string name, object? value) => _values[name] = value;

        /// <summary>True when <paramref name="name"/> is a declared flow variable.</summary>
        internal bool IsFlowVariable(string name) => _flowVariables.Contains(name);

        /// <summary>Looks up a name exactly as stored (flat dotted names included).</summary>
        public bool TryGetValue(string name, out object? value) => _values.TryGetValue(name, out value);

        /// <summary>Writes a value and records it as modified by the current step.</summary>
        internal void Set(string name, object? value)
        {
            _values[name] = value;
            (_modified ??= new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase))[name] = ForResult(value);
        }

        /// <summary>Returns what the current step modified and starts a new step.</summary>
        internal IReadOnlyDictionary<string, object?> TakeModified()
        {
            IReadOnlyDictionary<string, object?> result = (IReadOnlyDictionary<string, object?>?)_modified ?? s_empty;
            _modified = null;
            return result;
        }

        /// <summary>Copies the flow variables (<paramref name="flowVariables"/> true) or the outputs (false).</summary>
        internal IReadOnlyDictionary<string, object?> Snapshot(bool flowVariables)
        {
            if (flowVariables)
            {
                var variables = new Dictionary<string, object?>(_flowVariables.Count, StringComparer.OrdinalIgnoreCase);
                foreach (string name in _flowVariables)
                {
                    if (_values.TryGetValue(name, out object? value))
                    {
                        variables[name] = ForResult(value);
                    }
                }

                return variables;
            }

            // Outputs are most of the store: copying the whole dictionary (entries and hashes as they are) and taking the few
            // flow variables out costs far less than hashing every name again.
            var outputs = new Dictionary<string, object?>(_values, StringComparer.OrdinalIgnoreCase);
            List<KeyValuePair<string, object?>>? json = null;
            foreach (KeyValuePair<string, object?> pair in _values)
            {
                if (pair.Value is JToken && !_flowVariables.Contains(pair.Key))
                {
                    (json ??= new List<KeyValuePair<string, object?>>()).Add(pair);
                }
            }

            foreach (string name in _flowVariables)
            {
                outputs.Remove(name);
            }

            if (json != null)
            {
                foreach (KeyValuePair<string, object?> pair in json)
                {
                    outputs[pair.Key] = ForResult(pair.Value);
                }
            }

            return outputs;
        }

        private static readonly IReadOnlyDictionary<string, object?> s_empty = new Dictionary<string, object?>();

        /// <summary>
        /// Results hold plain values: a JSON variable's JToken becomes dictionaries, arrays and primitives, so a result
        /// never shares mutable JSON with the run and PowerShell users can enumerate and format it.
        /// </summary>
        private static object? ForResult(object? value) => value is JToken token ? PlainJson.ToPlain(token) : value;
    }
}
