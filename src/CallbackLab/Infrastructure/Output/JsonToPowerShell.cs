using System.Collections.Generic;
using System.Management.Automation;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Infrastructure
{
    /// <summary>Turns JSON tokens into the values PowerShell users expect, the way ConvertFrom-Json does.</summary>
    internal static class JsonToPowerShell
    {
        /// <summary>Objects become PSObjects with note properties, arrays become object[], primitives their .NET value.</summary>
        internal static object? ToValue(JToken? token)
        {
            switch (token)
            {
                case null:
                    return null;
                case JObject obj:
                    var result = new PSObject();
                    foreach (KeyValuePair<string, JToken?> property in obj)
                    {
                        result.Properties.Add(new PSNoteProperty(property.Key, ToValue(property.Value)));
                    }

                    return result;
                case JArray array:
                    var items = new object?[array.Count];
                    for (int i = 0; i < array.Count; i++)
                    {
                        items[i] = ToValue(array[i]);
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
