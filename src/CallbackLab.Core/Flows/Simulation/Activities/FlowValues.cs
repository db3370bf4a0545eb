using System;
using System.Collections;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>Turns raw flow values into the text a STRING variable or a request receives.</summary>
    internal static class FlowValues
    {
        internal static string ToText(object? value)
        {
            switch (value)
            {
                case null:
                    return string.Empty;
                case string s:
                    return s;
                case bool b:
                    return b ? "true" : "false";
                case JValue v:
                    return v.Type == JTokenType.Null ? string.Empty : ToText(v.Value);
                case JToken token:
                    return token.ToString(Formatting.None);
                case IDictionary _:
                case IEnumerable _:
                    return JToken.FromObject(value).ToString(Formatting.None);
                case IFormattable formattable:
                    return formattable.ToString(null, CultureInfo.InvariantCulture);
                default:
                    return Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
            }
        }

        /// <summary>A JSONPath match as a variable value: primitives as themselves, objects and arrays as JSON text.</summary>
        internal static object? FromToken(JToken? token)
        {
            switch (token)
            {
                case null:
                    return null;
                case JValue value:
                    return value.Type == JTokenType.Null ? null : value.Value;
                default:
                    return token.ToString(Formatting.None);
            }
        }
    }
}
