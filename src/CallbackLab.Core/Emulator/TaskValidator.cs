using System.Collections.Generic;
using System.Text;
using CallbackLab.Core.Wxcc;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Emulator
{
    /// <summary>Checks a Create Task body the way the WxCC API documents it; every problem found is reported, not just the first.</summary>
    internal static class TaskValidator
    {
        // The documented limits live once, on the client-side request, which checks them before anything is sent.
        internal const int MaxIdLength = CallbackTaskRequest.MaximumFieldLength;
        internal const int MaxAttributes = CallbackTaskRequest.MaximumAttributes;
        internal const int MaxAttributeKeyBytes = CallbackTaskRequest.MaximumAttributeKeyBytes;
        internal const int MaxAttributeValueBytes = CallbackTaskRequest.MaximumAttributeValueBytes;

        internal static List<string> Validate(JObject body, IReadOnlyCollection<string> outboundEntryPoints)
        {
            var problems = new List<string>();
            string? outboundType = StringField(body, "outboundType", problems);
            if (outboundType != null && outboundType != "CALLBACK" && outboundType != "OUTDIAL" && outboundType != "EXECUTE_FLOW")
            {
                problems.Add($"outboundType '{outboundType}' is not supported; use CALLBACK, OUTDIAL or EXECUTE_FLOW.");
            }

            string? destination = Required(body, "destination", problems);
            CheckLength("destination", destination, problems);

            string? entryPointId = Required(body, "entryPointId", problems);
            CheckLength("entryPointId", entryPointId, problems);
            if (entryPointId != null && outboundType != "EXECUTE_FLOW" && !Contains(outboundEntryPoints, entryPointId))
            {
                problems.Add($"entryPointId '{entryPointId}' is not an outbound entry point of this organization.");
            }

            string? mediaType = Required(body, "mediaType", problems);
            if (mediaType != null && mediaType != "telephony")
            {
                problems.Add($"mediaType '{mediaType}' is not supported; the supported value is telephony.");
            }

            string? origin = StringField(body, "origin", problems);
            CheckLength("origin", origin, problems);
            if ((outboundType == "OUTDIAL" || outboundType == "EXECUTE_FLOW") && string.IsNullOrEmpty(origin))
            {
                problems.Add($"origin is required when outboundType is {outboundType}.");
            }

            if (outboundType == "CALLBACK")
            {
                CheckCallback(body["callback"], problems);
            }

            CheckAttributes(body["attributes"], problems);
            return problems;
        }

        private static void CheckCallback(JToken? callback, List<string> problems)
        {
            if (!(callback is JObject details))
            {
                problems.Add("callback is required when outboundType is CALLBACK.");
                return;
            }

            if ((string?)(details["callbackOrigin"] as JValue) != "web")
            {
                problems.Add("callback.callbackOrigin is required and must be 'web'.");
            }

            if ((string?)(details["callbackType"] as JValue) != "immediate")
            {
                problems.Add("callback.callbackType is required and must be 'immediate'.");
            }
        }

        private static void CheckAttributes(JToken? attributes, List<string> problems)
        {
            if (attributes == null || attributes.Type == JTokenType.Null)
            {
                return;
            }

            if (!(attributes is JObject tuples))
            {
                problems.Add("attributes must be an object of key/value tuples.");
                return;
            }

            if (tuples.Count > MaxAttributes)
            {
                problems.Add($"attributes has {tuples.Count} tuples; at most {MaxAttributes} are allowed.");
            }

            foreach (JProperty tuple in tuples.Properties())
            {
                if (Encoding.UTF8.GetByteCount(tuple.Name) > MaxAttributeKeyBytes)
                {
                    problems.Add($"attributes key '{tuple.Name}' is longer than {MaxAttributeKeyBytes} bytes.");
                }

                if (!(tuple.Value is JValue value) || value.Type == JTokenType.Null)
                {
                    problems.Add($"attributes value of '{tuple.Name}' must be a string, number or boolean.");
                }
                else if (Encoding.UTF8.GetByteCount(MockApiHandler.Text(value) ?? string.Empty) > MaxAttributeValueBytes)
                {
                    problems.Add($"attributes value of '{tuple.Name}' is longer than {MaxAttributeValueBytes} bytes.");
                }
            }
        }

        private static string? Required(JObject body, string name, List<string> problems)
        {
            string? value = StringField(body, name, problems);
            if (body[name] == null || body[name]!.Type == JTokenType.Null || value == string.Empty)
            {
                problems.Add($"{name} is required.");
                return null;
            }

            return value;
        }

        private static string? StringField(JObject body, string name, List<string> problems)
        {
            JToken? token = body[name];
            if (token == null || token.Type == JTokenType.Null)
            {
                return null;
            }

            if (token.Type != JTokenType.String)
            {
                problems.Add($"{name} must be a string.");
                return null;
            }

            return (string?)token;
        }

        private static void CheckLength(string name, string? value, List<string> problems)
        {
            if (value != null && value.Length > MaxIdLength)
            {
                problems.Add($"{name} is longer than {MaxIdLength} characters.");
            }
        }

        private static bool Contains(IReadOnlyCollection<string> values, string value)
        {
            foreach (string candidate in values)
            {
                if (string.Equals(candidate, value, System.StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
