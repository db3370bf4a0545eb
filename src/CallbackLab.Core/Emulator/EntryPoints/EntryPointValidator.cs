using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Emulator.EntryPoints
{
    /// <summary>
    /// Checks an <c>EntryPointDTO</c> sent to <c>PUT /organization/{orgId}/entry-point/{id}</c> against the OAS: the required
    /// fields with their types and enums, <c>id</c> equal to the path's, and a <c>flowId</c>/<c>flowTagId</c> that exist.
    /// Every problem is reported, not just the first.
    /// </summary>
    internal static class EntryPointValidator
    {
        private static readonly string[] s_requiredStrings = { "assetId", "channelType", "controlFlowScriptUrl", "entryPointType", "imiOrgType", "name", "overflowNumber", "socialChannelType" };
        private static readonly string[] s_requiredIntegers = { "maximumActiveContacts", "serviceLevelThreshold" };
        private static readonly string[] s_entryPointTypes = { "INBOUND", "OUTBOUND" };
        private static readonly string[] s_channelTypes = { "TELEPHONY", "EMAIL", "FAX", "CHAT", "VIDEO", "OTHERS", "SOCIAL_CHANNEL" };

        /// <param name="body">The sent DTO.</param>
        /// <param name="pathId">The id in the path.</param>
        /// <param name="flowExists">Whether a flow id names a stored flow.</param>
        internal static List<string> Validate(JObject body, string pathId, Func<string, bool> flowExists)
        {
            var problems = new List<string>();
            if (body["active"] is null || body["active"]!.Type != JTokenType.Boolean)
            {
                problems.Add("active is required: true or false.");
            }

            foreach (string name in s_requiredStrings)
            {
                if (!(body[name] is JValue { Type: JTokenType.String }))
                {
                    problems.Add($"{name} is required: a string.");
                }
            }

            foreach (string name in s_requiredIntegers)
            {
                if (body[name] is null || body[name]!.Type != JTokenType.Integer)
                {
                    problems.Add($"{name} is required: a whole number.");
                }
            }

            if (!(body["id"] is JValue { Type: JTokenType.String } id))
            {
                problems.Add("id is mandatory when updating an entry point.");
            }
            else if (!string.Equals((string?)id, pathId, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"id '{(string?)id}' is not the id in the path ('{pathId}').");
            }

            CheckEnum(body, "entryPointType", s_entryPointTypes, problems);
            CheckEnum(body, "channelType", s_channelTypes, problems);
            if ((string?)(body["name"] as JValue) is string entryPointName && (entryPointName.Length == 0 || entryPointName.Length > 80))
            {
                problems.Add("name must be 1 to 80 characters.");
            }

            if (body["flowId"] is JToken flowId && flowId.Type != JTokenType.Null)
            {
                if (flowId.Type != JTokenType.String)
                {
                    problems.Add("flowId must be a string.");
                }
                else if (((string)flowId!).Length > 0 && !flowExists((string)flowId!))
                {
                    problems.Add($"flowId '{(string?)flowId}' is not a flow of this organization.");
                }
            }

            if (body["flowTagId"] is JToken tag && tag.Type != JTokenType.Null &&
                !(tag.Type == JTokenType.String && (((string)tag!).Length == 0 || FlowStore.StoredFlow.CanonicalTag((string)tag!) != null)))
            {
                problems.Add($"flowTagId '{tag}' is not one of Live, Test, Dev, Latest.");
            }

            return problems;
        }

        private static void CheckEnum(JObject body, string name, string[] allowed, List<string> problems)
        {
            if ((string?)(body[name] as JValue) is string value && body[name]!.Type == JTokenType.String && !allowed.Contains(value, StringComparer.Ordinal))
            {
                problems.Add($"{name} '{value}' is not one of {string.Join(", ", allowed)}.");
            }
        }
    }
}
