using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using CallbackLab.Core.Expressions;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// The one converter from what a PowerShell user passes as flow variables (a hashtable, a PSCustomObject or any object)
    /// to flow values, used by Expand-FlowExpression (<see cref="ToResolver"/>) and Invoke-IvrSimulation's -Variable and
    /// -GlobalVariable (<see cref="ToVariables"/>): nested hashtables and objects become maps, arrays become lists, PSObject
    /// wrappers are removed, PowerShell's [int] and other whole numbers become the 64-bit integers flows use. Maps are case-insensitive, as PowerShell hashtables are. Each object is converted once,
    /// so shared and self-referencing data keeps its shape instead of being copied without end.
    /// </summary>
    internal static class PowerShellFlowVariables
    {
        /// <summary>Nesting beyond this is passed on unconverted.</summary>
        private const int MaxDepth = 64;

        public static IVariableResolver ToResolver(object? variables)
        {
            Dictionary<string, object?>? map = ToVariables(variables);
            return map == null ? DictionaryVariableResolver.Empty : new DictionaryVariableResolver(map);
        }

        /// <summary>The variables as a case-insensitive map of flow values; null when <paramref name="variables"/> is null.</summary>
        /// <exception cref="ArgumentException">The value is not a hashtable or an object with properties.</exception>
        public static Dictionary<string, object?>? ToVariables(object? variables)
        {
            object? value = Unwrap(variables);
            if (value is null) return null;
            var converted = new Dictionary<object, object?>(ReferenceComparer.Instance);
            if (ToValue(value, 0, converted) is Dictionary<string, object?> map) return map;
            throw new ArgumentException("-Variable takes a hashtable or an object whose properties are the flow variables.", nameof(variables));
        }

        private static object? Unwrap(object? value) =>
            value is PSObject ps && !(ps.BaseObject is PSCustomObject) ? ps.BaseObject : value;

        private static object? ToValue(object? raw, int depth, Dictionary<object, object?> converted)
        {
            object? value = Unwrap(raw);
            if (value is null || value is string || value is JToken || depth > MaxDepth) return value;
            switch (value)
            {
                case int i: return (long)i;
                case short i: return (long)i;
                case byte i: return (long)i;
                case sbyte i: return (long)i;
                case ushort i: return (long)i;
                case uint i: return (long)i;
                case float f: return (double)f;
            }

            if (value.GetType().IsPrimitive || value is decimal || value is DateTime || value is DateTimeOffset) return value;
            if (converted.TryGetValue(value, out object? done)) return done;

            switch (value)
            {
                case IDictionary dictionary:
                    var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    converted[value] = map;
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        string key = Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                        map[key] = ToValue(entry.Value, depth + 1, converted);
                    }

                    return map;
                case PSObject custom:
                    var properties = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    converted[value] = properties;
                    foreach (PSPropertyInfo property in custom.Properties)
                    {
                        properties[property.Name] = ToValue(property.Value, depth + 1, converted);
                    }

                    return properties;
                case IEnumerable items:
                    var list = new List<object?>();
                    converted[value] = list;
                    foreach (object? item in items) list.Add(ToValue(item, depth + 1, converted));
                    return list;
                default:
                    // Any other object: its properties, as PowerShell sees them (not converted further).
                    var members = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    converted[value] = members;
                    foreach (PSPropertyInfo property in PSObject.AsPSObject(value).Properties)
                    {
                        if (!property.IsGettable) continue;
                        try
                        {
                            members[property.Name] = property.Value;
                        }
                        catch (GetValueException)
                        {
                            // A property that throws is simply absent.
                        }
                    }

                    return members;
            }
        }

        /// <summary>Object identity, for the converted-objects table (netstandard2.0 has no ReferenceEqualityComparer).</summary>
        private sealed class ReferenceComparer : IEqualityComparer<object>
        {
            public static readonly ReferenceComparer Instance = new ReferenceComparer();

            public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

            public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
        }
    }
}
