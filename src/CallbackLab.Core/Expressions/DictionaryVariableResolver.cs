using System;
using System.Collections.Generic;

namespace CallbackLab.Core.Expressions
{
    /// <summary>An <see cref="IVariableResolver"/> over a fixed set of name/value pairs.</summary>
    public sealed class DictionaryVariableResolver : IVariableResolver
    {
        private readonly Dictionary<string, object?> _values;

        /// <summary>
        /// Copies <paramref name="values"/>; a later duplicate name replaces an earlier one. Flow Designer resolves
        /// contact and activity names case-insensitively, hence the default.
        /// </summary>
        public DictionaryVariableResolver(IEnumerable<KeyValuePair<string, object?>> values, bool ignoreCase = true)
        {
            if (values is null) throw new ArgumentNullException(nameof(values));
            _values = new Dictionary<string, object?>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
            foreach (KeyValuePair<string, object?> pair in values)
            {
                if (pair.Key is null) throw new ArgumentException("A variable name is null.", nameof(values));
                _values[pair.Key] = pair.Value;
                if (pair.Key.IndexOf('.') >= 0) HasDottedNames = true;
            }
        }

        /// <summary>True when some name holds a dot (a flat activity output such as <c>GET_CBID.httpResponseBody</c>).</summary>
        internal bool HasDottedNames { get; private set; }

        /// <summary>A resolver with no variables.</summary>
        public static DictionaryVariableResolver Empty { get; } = new DictionaryVariableResolver(Array.Empty<KeyValuePair<string, object?>>());

        /// <summary>The number of variables.</summary>
        public int Count => _values.Count;

        /// <inheritdoc />
        public bool TryGetValue(string name, out object? value) => _values.TryGetValue(name, out value);
    }
}
