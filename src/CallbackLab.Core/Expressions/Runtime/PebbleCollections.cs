using System.Collections;
using System.Collections.Generic;
using CallbackLab.Core.Expressions.Values;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Expressions.Runtime
{
    /// <summary>
    /// Uniform access to the list and map shapes that reach the evaluator: .NET lists and arrays, dictionaries
    /// (generic and not), and Newtonsoft <c>JArray</c>/<c>JObject</c>. Elements come back imported (<see cref="ValueImport"/>): reading an element is part of the boundary.
    /// </summary>
    internal static class PebbleCollections
    {
        public static bool IsMap(object? value) =>
            value is Dictionary<string, object?> || value is JObject || value is IDictionary<string, object?> || (value is IDictionary && !(value is JToken));

        public static bool IsList(object? value) =>
            value != null && !(value is string) && !(value is JObject) && !(value is JValue) && !IsMap(value) && value is IEnumerable;

        public static int MapCount(object map)
        {
            switch (map)
            {
                case JObject j: return j.Count;
                case IDictionary<string, object?> d: return d.Count;
                default: return ((IDictionary)map).Count;
            }
        }

        public static bool TryGetMapValue(object map, object? key, out object? value, bool ignoreCase = true)
        {
            if (map is Dictionary<string, object?> exact && key is string exactName && exact.TryGetValue(exactName, out object? direct))
            {
                value = ValueImport.Import(direct);
                return true;
            }

            switch (map)
            {
                case JObject j:
                    if (key != null && j.TryGetValue(PebbleValues.ToJavaString(key), out JToken? token))
                    {
                        value = ValueImport.Import(token);
                        return true;
                    }

                    break;
                case IDictionary<string, object?> d:
                    if (key is null) break;
                    string name = key as string ?? PebbleValues.ToJavaString(key);
                    if (d.TryGetValue(name, out object? found))
                    {
                        value = ValueImport.Import(found);
                        return true;
                    }

                    // Contact and activity fields resolve case-insensitively in Flow Designer ({{NewPhoneContact.ani}}
                    // reads ANI); the exact key wins, a case-insensitive match is the fallback (not in plain Pebble).
                    if (!ignoreCase) break;
                    foreach (KeyValuePair<string, object?> pair in d)
                    {
                        if (string.Equals(pair.Key, name, System.StringComparison.OrdinalIgnoreCase))
                        {
                            value = ValueImport.Import(pair.Value);
                            return true;
                        }
                    }

                    break;
                default:
                    var dictionary = (IDictionary)map;
                    if (key != null)
                    {
                        if (dictionary.Contains(key))
                        {
                            value = ValueImport.Import(dictionary[key]);
                            return true;
                        }

                        string text = PebbleValues.ToJavaString(key);
                        if (dictionary.Contains(text))
                        {
                            value = ValueImport.Import(dictionary[text]);
                            return true;
                        }
                    }

                    break;
            }

            value = null;
            return false;
        }

        /// <summary>The entries of a map as normalized key/value pairs, in the map's own order.</summary>
        public static IEnumerable<KeyValuePair<object?, object?>> MapEntries(object map)
        {
            switch (map)
            {
                case MapLiteral literal:
                    foreach (KeyValuePair<string, object?> p in literal.InJavaOrder()) yield return new KeyValuePair<object?, object?>(p.Key, ValueImport.Import(p.Value));
                    break;
                case JObject j:
                    foreach (JProperty p in j.Properties()) yield return new KeyValuePair<object?, object?>(p.Name, ValueImport.Import(p.Value));
                    break;
                case IDictionary<string, object?> d:
                    foreach (KeyValuePair<string, object?> p in d) yield return new KeyValuePair<object?, object?>(p.Key, ValueImport.Import(p.Value));
                    break;
                default:
                    foreach (DictionaryEntry e in (IDictionary)map) yield return new KeyValuePair<object?, object?>(ValueImport.Import(e.Key), ValueImport.Import(e.Value));
                    break;
            }
        }

        /// <summary>Copies any list shape into a new list of normalized elements.</summary>
        public static List<object?> ToList(object list)
        {
            var result = new List<object?>(list is ICollection c ? c.Count : 4);
            foreach (object? item in (IEnumerable)list) result.Add(ValueImport.Import(item));
            return result;
        }

        /// <summary>The number of elements, without copying when the shape knows it.</summary>
        public static int Count(object list)
        {
            if (list is ICollection c) return c.Count;
            int n = 0;
            foreach (object? _ in (IEnumerable)list) n++;
            return n;
        }

        /// <summary>The element at <paramref name="index"/>, or false when out of range.</summary>
        public static bool TryGetAt(object list, long index, out object? value)
        {
            if (list is IList l)
            {
                if (index >= 0 && index < l.Count)
                {
                    value = ValueImport.Import(l[(int)index]);
                    return true;
                }

                value = null;
                return false;
            }

            long i = 0;
            foreach (object? item in (IEnumerable)list)
            {
                if (i++ == index)
                {
                    value = ValueImport.Import(item);
                    return true;
                }
            }

            value = null;
            return false;
        }
    }
}
