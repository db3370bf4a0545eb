using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.FlowStore
{
    /// <summary>Reads the loosely typed fields of Flow Store and entry-point answers (numbers or strings, epoch ms or ISO dates).</summary>
    internal static class FlowStoreJson
    {
        /// <summary>A string or number as text; null for null, objects and arrays.</summary>
        internal static string? Text(JToken? token)
        {
            return token is JValue { Type: not JTokenType.Null and not JTokenType.Undefined } value
                ? (value.Type == JTokenType.Date ? ((DateTime)value).ToString("o", CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture))
                : token is JObject obj ? Text(obj["id"]) ?? Text(obj["name"]) : null;
        }

        /// <summary>An array of strings (or of objects with an id or name); empty when absent.</summary>
        internal static IReadOnlyList<string> Strings(JToken? token)
        {
            return token is JArray array
                ? array.Select(Text).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList()
                : Array.Empty<string>();
        }

        /// <summary>The ids of <c>flowVersions[]</c> (objects with <c>id</c> or <c>versionId</c>, or plain strings).</summary>
        internal static IReadOnlyList<string> VersionIds(JToken? token)
        {
            return token is JArray array
                ? array.Select(v => v is JObject version ? Text(version["id"]) ?? Text(version["versionId"]) : Text(v))
                    .Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList()
                : Array.Empty<string>();
        }

        /// <summary>Epoch milliseconds, a JSON date, or an ISO 8601 string; null otherwise.</summary>
        internal static DateTimeOffset? Time(JToken? token)
        {
            switch (token)
            {
                case JValue { Type: JTokenType.Integer } number:
                    return DateTimeOffset.FromUnixTimeMilliseconds((long)number);
                case JValue { Type: JTokenType.Date } date:
                    return date.Value is DateTimeOffset offset ? offset : new DateTimeOffset(DateTime.SpecifyKind((DateTime)date, DateTimeKind.Utc));
                case JValue { Type: JTokenType.String } text when DateTimeOffset.TryParse(
                    (string?)text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed):
                    return parsed;
                default:
                    return null;
            }
        }

        /// <summary>An integer field, when it is one (or a string holding one).</summary>
        internal static int? Integer(JToken? token)
        {
            return token is JValue { Type: JTokenType.Integer or JTokenType.String } value
                   && int.TryParse(value.ToString(CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out int number)
                ? number
                : null;
        }
    }
}
