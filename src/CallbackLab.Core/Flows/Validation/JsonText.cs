using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Validation
{
    /// <summary>Reads export values as text without casts that throw on an array or object (a review never crashes on a bad export).</summary>
    internal static class JsonText
    {
        /// <summary>A string, or a number's or boolean's text; null for null, missing, arrays and objects.</summary>
        internal static string? Of(JToken? token) => token switch
        {
            JValue value when value.Type == JTokenType.String => (string?)value,
            JValue value when value.Type == JTokenType.Integer || value.Type == JTokenType.Float || value.Type == JTokenType.Boolean
                => value.ToString(Newtonsoft.Json.Formatting.None),
            _ => null,
        };

        /// <summary>True when the value is absent, null or a scalar (what a text property may hold).</summary>
        internal static bool IsTextOrAbsent(JToken? token) => token == null || token is JValue;
    }
}
