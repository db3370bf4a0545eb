using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core
{
    /// <summary>Turns JSON into plain .NET values that any host (PowerShell included) can enumerate and format.</summary>
    public static class PlainJson
    {
        /// <summary>An object's properties as a case-insensitive dictionary of plain values.</summary>
        public static IReadOnlyDictionary<string, object?> ToDictionary(JObject json)
        {
            if (json is null) throw new ArgumentNullException(nameof(json));
            var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, JToken?> property in json)
            {
                result[property.Key] = ToPlain(property.Value);
            }

            return result;
        }

        /// <summary>Objects become dictionaries, arrays become object arrays, values their .NET value.</summary>
        public static object? ToPlain(JToken? token)
        {
            switch (token)
            {
                case null:
                    return null;
                case JObject obj:
                    return ToDictionary(obj);
                case JArray array:
                    var items = new object?[array.Count];
                    for (int i = 0; i < array.Count; i++)
                    {
                        items[i] = ToPlain(array[i]);
                    }

                    return items;
                case JValue value:
                    return value.Type == JTokenType.Null || value.Type == JTokenType.Undefined ? null : value.Value;
                default:
                    return token.ToString();
            }
        }
    }
}
