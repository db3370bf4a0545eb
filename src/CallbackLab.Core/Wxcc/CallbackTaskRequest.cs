using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Wxcc
{
    /// <summary>
    /// The body of <c>POST /v1/tasks</c> that the lab's CallBackAPI_Request activity sends. The defaults reproduce the lab exactly:
    /// <c>{"entryPointId":…,"destination":…,"attributes":{"Message":"tester","To Queue":"sales"},"outboundType":"CALLBACK",
    /// "mediaType":"telephony","callback":{"callbackOrigin":"web","callbackType":"immediate"}}</c>.
    /// </summary>
    public sealed class CallbackTaskRequest
    {
        /// <summary>The API's limit on <c>entryPointId</c>, <c>destination</c> and <c>origin</c>.</summary>
        public const int MaximumFieldLength = 36;

        /// <summary>The API's limit on the number of attributes.</summary>
        public const int MaximumAttributes = 30;

        /// <summary>The API's limit on an attribute key, in UTF-8 bytes.</summary>
        public const int MaximumAttributeKeyBytes = 200;

        /// <summary>The API's limit on an attribute value, in UTF-8 bytes.</summary>
        public const int MaximumAttributeValueBytes = 1024;

        /// <summary>Creates a request with the lab's defaults.</summary>
        public CallbackTaskRequest(string entryPointId, string destination)
        {
            EntryPointId = entryPointId ?? string.Empty;
            Destination = destination ?? string.Empty;
        }

        /// <summary>The lab's attributes, sent when none are given.</summary>
        public static IReadOnlyList<KeyValuePair<string, string>> LabAttributes { get; } = new[]
        {
            new KeyValuePair<string, string>("Message", "tester"),
            new KeyValuePair<string, string>("To Queue", "sales"),
        };

        /// <summary>The outbound entry point (the DynVars record's <c>outboundcallbackep</c>, the flow's <c>outdialcbid</c>).</summary>
        public string EntryPointId { get; }

        /// <summary>The number to call (the record's <c>tacnumber</c>, the flow's <c>customANI</c>).</summary>
        public string Destination { get; }

        /// <summary>The attributes in the order they are sent; null sends <see cref="LabAttributes"/>.</summary>
        public IList<KeyValuePair<string, string>>? Attributes { get; set; }

        /// <summary>The outdial ANI, or null to let WxCC use its default (the lab sends none).</summary>
        public string? Origin { get; set; }

        /// <summary><c>CALLBACK</c> in the lab.</summary>
        public string OutboundType { get; set; } = "CALLBACK";

        /// <summary><c>telephony</c> in the lab.</summary>
        public string MediaType { get; set; } = "telephony";

        /// <summary><c>web</c> in the lab.</summary>
        public string CallbackOrigin { get; set; } = "web";

        /// <summary><c>immediate</c> in the lab.</summary>
        public string CallbackType { get; set; } = "immediate";

        /// <summary>The attributes that will be sent.</summary>
        public IEnumerable<KeyValuePair<string, string>> EffectiveAttributes => Attributes ?? (IEnumerable<KeyValuePair<string, string>>)LabAttributes;

        /// <summary>
        /// What the API would reject, checked before anything is sent: required fields, 36-character fields,
        /// at most 30 attributes, 200-byte keys and 1024-byte values. Empty when the request is valid.
        /// </summary>
        public IReadOnlyList<string> Validate()
        {
            var problems = new List<string>();
            CheckField(problems, "entryPointId", EntryPointId, required: true);
            CheckField(problems, "destination", Destination, required: true);
            CheckField(problems, "origin", Origin, required: false);
            if (string.IsNullOrEmpty(MediaType))
            {
                problems.Add("mediaType is required.");
            }

            var attributes = EffectiveAttributes.ToList();
            if (attributes.Count > MaximumAttributes)
            {
                problems.Add(string.Format(CultureInfo.InvariantCulture, "attributes has {0} entries; the API allows at most {1}.", attributes.Count, MaximumAttributes));
            }

            foreach (KeyValuePair<string, string> attribute in attributes)
            {
                int keyBytes = Encoding.UTF8.GetByteCount(attribute.Key);
                int valueBytes = Encoding.UTF8.GetByteCount(attribute.Value ?? string.Empty);
                if (keyBytes == 0 || keyBytes > MaximumAttributeKeyBytes)
                {
                    problems.Add(string.Format(CultureInfo.InvariantCulture, "attribute key '{0}' is {1} bytes; the API allows 1 to {2}.", Shorten(attribute.Key), keyBytes, MaximumAttributeKeyBytes));
                }

                if (valueBytes > MaximumAttributeValueBytes)
                {
                    problems.Add(string.Format(CultureInfo.InvariantCulture, "attribute '{0}' has a {1}-byte value; the API allows at most {2}.", Shorten(attribute.Key), valueBytes, MaximumAttributeValueBytes));
                }
            }

            return problems;
        }

        /// <summary>The JSON body, compact, in the lab's field order.</summary>
        public string ToJson()
        {
            var attributes = new JObject();
            foreach (KeyValuePair<string, string> attribute in EffectiveAttributes)
            {
                attributes[attribute.Key] = attribute.Value;
            }

            var body = new JObject
            {
                ["entryPointId"] = EntryPointId,
                ["destination"] = Destination,
            };
            if (Origin != null)
            {
                body["origin"] = Origin;
            }

            body["attributes"] = attributes;
            body["outboundType"] = OutboundType;
            body["mediaType"] = MediaType;
            body["callback"] = new JObject { ["callbackOrigin"] = CallbackOrigin, ["callbackType"] = CallbackType };
            return body.ToString(Formatting.None);
        }

        private static void CheckField(List<string> problems, string name, string? value, bool required)
        {
            if (NullableStrings.IsNullOrEmpty(value))
            {
                if (required)
                {
                    problems.Add(name + " is required.");
                }

                return;
            }

            if (value.Length > MaximumFieldLength)
            {
                problems.Add(string.Format(CultureInfo.InvariantCulture, "{0} is {1} characters; the API allows at most {2}.", name, value.Length, MaximumFieldLength));
            }
        }

        private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";
    }
}
