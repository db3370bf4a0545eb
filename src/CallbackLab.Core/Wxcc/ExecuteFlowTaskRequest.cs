using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Wxcc
{
    /// <summary>
    /// The body of <c>POST /v1/tasks</c> that runs a flow without a phone: <c>outboundType: EXECUTE_FLOW</c> on an inbound entry
    /// point mapped to a flow, <c>mediaType: telephony</c>, the caller as <c>destination</c> and an outdial ANI as <c>origin</c>
    /// (the API reference calls it mandatory for EXECUTE_FLOW; without one the field is left out and WxCC decides).
    /// </summary>
    public sealed class ExecuteFlowTaskRequest
    {
        /// <summary>Creates the request.</summary>
        public ExecuteFlowTaskRequest(string entryPointId, string destination, string? origin)
        {
            EntryPointId = entryPointId ?? string.Empty;
            Destination = destination ?? string.Empty;
            Origin = NullableStrings.IsNullOrEmpty(origin) ? null : origin;
        }

        /// <summary>The inbound entry point whose flow runs.</summary>
        public string EntryPointId { get; }

        /// <summary>The number the flow sees as the caller (at most 36 characters).</summary>
        public string Destination { get; }

        /// <summary>The outdial ANI (at most 36 characters), or null to send none.</summary>
        public string? Origin { get; }

        /// <summary>Attributes sent with the task, in order (at most 30); null or empty sends none.</summary>
        public IList<KeyValuePair<string, string>>? Attributes { get; set; }

        /// <summary>What the API would reject, checked before anything is sent; empty when the request is valid.</summary>
        public IReadOnlyList<string> Validate()
        {
            var problems = new List<string>();
            Check(problems, "entryPointId", EntryPointId);
            Check(problems, "destination", Destination);
            if (Origin != null)
            {
                Check(problems, "origin", Origin);
            }
            IList<KeyValuePair<string, string>> attributes = Attributes ?? new List<KeyValuePair<string, string>>();
            if (attributes.Count > CallbackTaskRequest.MaximumAttributes)
            {
                problems.Add(string.Format(CultureInfo.InvariantCulture, "attributes has {0} entries; the API allows at most {1}.", attributes.Count, CallbackTaskRequest.MaximumAttributes));
            }

            foreach (KeyValuePair<string, string> attribute in attributes)
            {
                int keyBytes = Encoding.UTF8.GetByteCount(attribute.Key);
                if (keyBytes == 0 || keyBytes > CallbackTaskRequest.MaximumAttributeKeyBytes)
                {
                    problems.Add(string.Format(CultureInfo.InvariantCulture, "attribute key '{0}' is {1} bytes; the API allows 1 to {2}.", attribute.Key, keyBytes, CallbackTaskRequest.MaximumAttributeKeyBytes));
                }

                if (Encoding.UTF8.GetByteCount(attribute.Value ?? string.Empty) > CallbackTaskRequest.MaximumAttributeValueBytes)
                {
                    problems.Add(string.Format(CultureInfo.InvariantCulture, "attribute '{0}' has a value over {1} bytes.", attribute.Key, CallbackTaskRequest.MaximumAttributeValueBytes));
                }
            }

            return problems;
        }

        /// <summary>The JSON body, compact.</summary>
        public string ToJson()
        {
            var body = new JObject
            {
                ["entryPointId"] = EntryPointId,
                ["destination"] = Destination,
            };
            if (Origin != null)
            {
                body["origin"] = Origin;
            }

            if (Attributes is { Count: > 0 } attributes)
            {
                body["attributes"] = new JObject(attributes.Select(a => new JProperty(a.Key, a.Value)));
            }

            body["outboundType"] = "EXECUTE_FLOW";
            body["mediaType"] = "telephony";
            return body.ToString(Formatting.None);
        }

        private static void Check(List<string> problems, string name, string value)
        {
            if (value.Length == 0)
            {
                problems.Add(name + " is required.");
            }
            else if (value.Length > CallbackTaskRequest.MaximumFieldLength)
            {
                problems.Add(string.Format(CultureInfo.InvariantCulture, "{0} is {1} characters; the API allows at most {2}.", name, value.Length, CallbackTaskRequest.MaximumFieldLength));
            }
        }
    }
}
