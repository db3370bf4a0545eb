using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.MockApi
{
    /// <summary>
    /// One record of the lab's MockAPI <c>DynVars</c> resource: the dialled number (<c>dn</c>, the DNIS without <c>+1</c>),
    /// the outbound entry point the callback uses (<c>outboundcallbackep</c>) and the number to call back (<c>tacnumber</c>).
    /// Any other fields the record has are kept in <see cref="OtherFields"/>, as plain values.
    /// </summary>
    public sealed class DynVarsRecord
    {
        /// <summary>The JSON name of <see cref="Id"/>.</summary>
        public const string IdField = "id";

        /// <summary>The JSON name of <see cref="Dn"/>.</summary>
        public const string DnField = "dn";

        /// <summary>The JSON name of <see cref="OutboundCallbackEp"/>.</summary>
        public const string OutboundCallbackEpField = "outboundcallbackep";

        /// <summary>The JSON name of <see cref="TacNumber"/>.</summary>
        public const string TacNumberField = "tacnumber";

        private static readonly string[] s_knownFields = { IdField, DnField, OutboundCallbackEpField, TacNumberField };

        private readonly IReadOnlyDictionary<string, JToken> _otherJson;

        private DynVarsRecord(string id, string? dn, string? outboundCallbackEp, string? tacNumber, IReadOnlyDictionary<string, JToken> otherJson)
        {
            Id = id;
            Dn = dn;
            OutboundCallbackEp = outboundCallbackEp;
            TacNumber = tacNumber;
            _otherJson = otherJson;
            var plain = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, JToken> field in otherJson)
            {
                plain[field.Key] = PlainJson.ToPlain(field.Value);
            }

            OtherFields = plain;
        }

        /// <summary>MockAPI's id (a string, e.g. <c>"1"</c>).</summary>
        public string Id { get; }

        /// <summary>The dialled number without <c>+1</c> (what the flow looks up with <c>DNIS | slice(2)</c>).</summary>
        public string? Dn { get; }

        /// <summary>The outbound entry point id the callback task uses (the flow's <c>outdialcbid</c>).</summary>
        public string? OutboundCallbackEp { get; }

        /// <summary>The number the callback dials (the flow's <c>customANI</c>).</summary>
        public string? TacNumber { get; }

        /// <summary>
        /// The record's other fields (e.g. <c>createdAt</c>) as plain values (strings, numbers, booleans, dictionaries,
        /// arrays) that PowerShell prints and compares as expected.
        /// </summary>
        public IReadOnlyDictionary<string, object?> OtherFields { get; }

        /// <summary>The other fields as MockAPI sent them (JSON), for callers that need the exact JSON types.</summary>
        public IReadOnlyDictionary<string, JToken> OtherJson => _otherJson;

        /// <summary>Reads a record from MockAPI's JSON.</summary>
        public static DynVarsRecord FromJson(JObject json)
        {
            if (json is null)
            {
                throw new ArgumentNullException(nameof(json));
            }

            var others = new Dictionary<string, JToken>(StringComparer.Ordinal);
            foreach (JProperty property in json.Properties().Where(p => !s_knownFields.Contains(p.Name, StringComparer.OrdinalIgnoreCase)))
            {
                others[property.Name] = property.Value;
            }

            return new DynVarsRecord(
                Text(json, IdField) ?? string.Empty, Text(json, DnField), Text(json, OutboundCallbackEpField), Text(json, TacNumberField), others);
        }

        /// <summary>The record as MockAPI stores it.</summary>
        public JObject ToJson()
        {
            var json = new JObject();
            Add(json, DnField, Dn);
            Add(json, OutboundCallbackEpField, OutboundCallbackEp);
            Add(json, TacNumberField, TacNumber);
            foreach (KeyValuePair<string, JToken> field in _otherJson)
            {
                json[field.Key] = field.Value.DeepClone();
            }

            Add(json, IdField, Id);
            return json;
        }

        /// <summary>The record's JSON, compact.</summary>
        public override string ToString() => ToJson().ToString(Formatting.None);

        private static void Add(JObject json, string name, string? value)
        {
            if (value != null)
            {
                json[name] = value;
            }
        }

        private static string? Text(JObject json, string name)
        {
            JToken? token = json.GetValue(name, StringComparison.OrdinalIgnoreCase);
            return token is null || token.Type == JTokenType.Null ? null : token.Type == JTokenType.String ? (string?)token : token.ToString(Formatting.None);
        }
    }
}
