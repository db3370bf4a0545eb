using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using CallbackLab.Core.Expressions;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// Turns what a PowerShell user passes as flow variables (a hashtable, a PSCustomObject or any object) into an
    /// <see cref="IVariableResolver"/>: nested hashtables and objects become maps, arrays become lists, PSObject
    /// wrappers are removed. Maps are case-insensitive, as PowerShell hashtables are.
    /// </summary>
    internal static class PowerShellFlowVariables
    {
        public static IVariableResolver ToResolver(object? variables)
        {
            object? value = Unwrap(variables);
            if (value is null) return DictionaryVariableResolver.Empty;
            if (ToValue(value) is Dictionary<string, object?> map) return new DictionaryVariableResolver(map);
            throw new ArgumentException("-Variable takes a hashtable or an object whose properties are the flow variables.", nameof(variables));
        }

        private static object? Unwrap(object? value) =>
            value is PSObject ps && !(ps.BaseObject is PSCustomObject) ? ps.BaseObject : value;

        private static object? ToValue(object? raw)
        {
            object? value = Unwrap(raw);
            switch (value)
            {
                case null:
                    return null;
                case string _:
                case JToken _:
                    return value;
                case IDictionary dictionary:
                    var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        map[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty] = ToValue(entry.Value);
                    }

                    return map;
                case PSObject custom:
                    var properties = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (PSPropertyInfo property in custom.Properties)
                    {
                        properties[property.Name] = ToValue(property.Value);
                    }

                    return properties;
                case IEnumerable items:
                    var list = new List<object?>();
                    foreach (object? item in items) list.Add(ToValue(item));
                    return list;
                default:
                    if (value.GetType().IsPrimitive || value is decimal || value is DateTime || value is DateTimeOffset) return value;

                    // Any other object: its properties, as PowerShell sees them.
                    var members = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
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
    }
}
