using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Reflection;
using CallbackLab.Core.Flows.Simulation.World;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// Sets an <see cref="IvrWorld"/> property from what PowerShell gives: typed values, text from a CSV row ("00:02:00",
    /// "Handled;Escalated"), hashtables for nested objects (a business-hours schedule, a virtual-agent turn).
    /// </summary>
    internal static class IvrWorldBinder
    {
        private static readonly char[] s_listSeparators = { ';', '|' };

        /// <summary>Text settings that take one of a few values (written as the simulator spells them).</summary>
        private static readonly Dictionary<string, string[]> s_choices = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            [nameof(IvrWorld.BusinessHoursStatus)] = new[] { "workingHours", "holidays", "override", "default" },
            [nameof(IvrWorld.AgentState)] = new[] { "Available", "Idle", "NotLoggedIn" },
        };

        /// <summary>The world's settable properties, by name without regard to case.</summary>
        internal static readonly IReadOnlyDictionary<string, PropertyInfo> Properties = Build();

        /// <summary>Sets <paramref name="name"/> (an IvrWorld property) to <paramref name="value"/>.</summary>
        /// <exception cref="ArgumentException">No such property, or the value does not convert; the message says which and why.</exception>
        internal static void Set(IvrWorld world, string name, object? value)
        {
            if (!Properties.TryGetValue(name, out PropertyInfo? property))
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "The world has no setting '{0}'; it has {1}.", name,
                    string.Join(", ", Properties.Keys)), name);
            }

            object? plain = value is PSObject wrapped ? wrapped.BaseObject : value;
            try
            {
                object? converted = Convert(plain, property.PropertyType);
                if (converted is string text && s_choices.TryGetValue(property.Name, out string[]? choices))
                {
                    converted = Array.Find(choices, c => string.Equals(c, text.Trim(), StringComparison.OrdinalIgnoreCase))
                        ?? throw new ArgumentException("expected one of " + string.Join(", ", choices));
                }

                property.SetValue(world, converted);
            }
            catch (Exception ex) when (ex is PSInvalidCastException || ex is InvalidCastException || ex is FormatException || ex is ArgumentException)
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "The world setting '{0}' cannot be '{1}': {2}", property.Name,
                    plain, ex.Message), property.Name, ex);
            }
        }

        private static object? Convert(object? value, Type type)
        {
            if (type == typeof(IList<VirtualAgentTurn>))
            {
                var turns = new List<VirtualAgentTurn>();
                foreach (object? item in Items(value))
                {
                    if (item is string text)
                    {
                        // The CSV cells' syntax ("[Activity:]End [name=value,...]"), so -VirtualAgentTurn takes what a world CSV does.
                        turns.AddRange(WorldText.ParseTurns(text));
                        continue;
                    }

                    turns.Add(LanguagePrimitives.ConvertTo<VirtualAgentTurn>(item));
                }

                return turns;
            }

            if (type == typeof(IList<string>))
            {
                var texts = new List<string>();
                foreach (object? item in Items(value))
                {
                    texts.Add(System.Convert.ToString(item, CultureInfo.InvariantCulture) ?? string.Empty);
                }

                return texts;
            }

            if (type == typeof(IDictionary<string, string>))
            {
                var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                if (value is IDictionary dictionary)
                {
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        object? item = entry.Value is PSObject ps ? ps.BaseObject : entry.Value;
                        map[System.Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] =
                            item is string s ? s : Newtonsoft.Json.JsonConvert.SerializeObject(item);
                    }
                }
                else if (value != null)
                {
                    throw new ArgumentException("a hashtable of service name to JSON answer is expected");
                }

                return map;
            }

            if (value is string blank && blank.Trim().Length == 0 && (Nullable.GetUnderlyingType(type) != null || type == typeof(string)))
            {
                return null; // an empty CSV cell leaves the setting to its default
            }

            return LanguagePrimitives.ConvertTo(value, type, CultureInfo.InvariantCulture);
        }

        /// <summary>A list value: an array, or text with <c>;</c> between entries (how a CSV cell holds a list).</summary>
        private static IEnumerable<object?> Items(object? value)
        {
            switch (value)
            {
                case null:
                    yield break;
                case string text:
                    foreach (string part in text.Split(s_listSeparators, StringSplitOptions.RemoveEmptyEntries))
                    {
                        yield return part.Trim();
                    }

                    yield break;
                case IDictionary single:
                    yield return single;
                    yield break;
                case IEnumerable items:
                    foreach (object? item in items)
                    {
                        foreach (object? inner in Items(item is PSObject ps ? ps.BaseObject : item))
                        {
                            yield return inner;
                        }
                    }

                    yield break;
                default:
                    yield return value;
                    yield break;
            }
        }

        private static Dictionary<string, PropertyInfo> Build()
        {
            var result = new Dictionary<string, PropertyInfo>(StringComparer.OrdinalIgnoreCase);
            foreach (PropertyInfo property in typeof(IvrWorld).GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.CanWrite)
                {
                    result[property.Name] = property;
                }
            }

            return result;
        }
    }
}
