using System;
using System.Collections.Generic;
using CallbackLab.Core.Flows.Model;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Validation
{
    /// <summary>
    /// The properties each activity type needs to run, and the JSON shape of the properties the simulator reads (activity
    /// reference §3 "key properties"): a missing required property or a property of the wrong shape is a finding with its
    /// JSON path, found before a run fails on it.
    /// </summary>
    internal static class ActivityRequirements
    {
        private enum Shape
        {
            Text,
            Object,
            Array,
        }

        private sealed class Rule
        {
            internal Rule(string property, Shape shape, bool required)
            {
                Property = property;
                Shape = shape;
                Required = required;
            }

            internal string Property { get; }

            internal Shape Shape { get; }

            internal bool Required { get; }
        }

        private static readonly string[] s_assignmentText = { "srcVariable", "srcVariableType", "setTo", "setToVariable", "expr", "literal" };
        private static readonly string[] s_mappingText = { "src", "target", "type" };

        private static readonly Dictionary<string, Rule[]> s_rules = new Dictionary<string, Rule[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["condition-activity"] = new[] { Text("expression", required: true) },
            ["case-statement"] = new[] { Text("expression", required: true), Array("menuLinks", required: true), Array("menuLinks_input", required: false) },
            ["ivr-menu"] = new[] { Array("menuLinks", required: true), Array("promptsTts", false), Array("prompts", false) },
            ["ivr-collectdigits"] = new[] { Array("promptsTts", false), Array("prompts", false) },
            ["play-message"] = new[] { Array("promptsTts", false), Array("prompts", false) },
            ["http-request-v2"] = new[]
            {
                Text("httpRequestMethod", false), Text("httpRequestUrl", false), Text("httpRequestPath", false), Text("connectorId", false),
                Object("httpRequestHeaders", false), Object("httpQueryParameters", false),
                Object("httpRequestBodyGQL", false), Array("outputVariableArray", false),
            },
            ["parse-activity"] = new[] { Text("inputVariable", required: true), Text("contentType", false), Array("outputVariableArray", false) },
            ["callback"] = new[] { Text("callbackDn", required: true) },
            ["blind-transfer"] = new[] { Text("transfertodn", required: true) },
            ["bridged-transfer"] = new[] { Text("transfertodn", required: true) },
            [ActivityTypes.SubflowHandoff] = new[]
            {
                Text("subflowId", false), Text("subflowName", false), Object("subflowVersion", false),
                Array("subflowInputVariables", false), Array("subflowOutputVariables", false),
            },
            ["set-variable"] = new[] { Array("setVariablesArray", false) },

            // Issue 11's types: what each handler cannot run without (its error or failure port otherwise), and the shapes it reads.
            ["percent-allocation"] = new[] { Array("allocations", required: true), Array("allocations_input", required: true) },
            ["screen-pop"] = new[] { Text("screenPopUrl", required: true), Object("queryParameters", false) },
            ["scheduled-callback"] = new[]
            {
                Text("callbackDn", required: true), Text("scheduleDate", required: true), Text("scheduleStartTime", required: true),
                Text("scheduleEndTime", required: true), Text("scheduleTimezone", false),
            },
            ["send-digits"] = new[] { Text("transferoutdigits", required: true) },
            ["SetCallerID"] = new[] { Text("callerId", required: true) },
            ["hand-off"] = new[] { Text("handOffFlow", required: true) },
            ["cryptographic-hash"] = new[] { Text("input", required: true), Text("algorithm", false) },
            ["verify-otp"] = new[] { Text("pin", required: true), Text("transactionReference", false) },
            ["upload-audio"] = new[] { Text("audioFileData", required: true) },
            ["fn-activity"] = new[] { Array("fnInputVariables", false), Array("fnOutputVariables", false) },
            ["bre-request"] = new[] { Object("httpQueryParameters", false), Array("outputVariableArray", false) },
        };

        /// <summary>Adds a finding for each missing or wrongly shaped property of <paramref name="activity"/>; true when it has none.</summary>
        internal static bool Check(FlowActivity activity, List<FlowFinding> findings)
        {
            int before = findings.Count;
            if (s_rules.TryGetValue(activity.Type, out Rule[]? rules))
            {
                foreach (Rule rule in rules)
                {
                    JToken? token = activity.Json[rule.Property];
                    bool absent = token == null || token.Type == JTokenType.Null || (token.Type == JTokenType.String && ((string?)token)!.Length == 0);
                    if (absent)
                    {
                        if (rule.Required)
                        {
                            findings.Add(new FlowFinding(FindingSeverity.Error, FindingCodes.MissingProperty, activity.Id, activity.Name,
                                "'" + activity.Name + "' (" + activity.Type + ") has no '" + rule.Property + "', which it needs to run."));
                        }

                        continue;
                    }

                    if (!Fits(token!, rule.Shape))
                    {
                        WrongShape(activity, token!, rule.Shape, findings);
                    }
                }
            }

            CheckSpecific(activity, findings);
            return findings.Count == before;
        }

        private static void CheckSpecific(FlowActivity activity, List<FlowFinding> findings)
        {
            if (string.Equals(activity.Type, ActivityTypes.SetVariable, StringComparison.OrdinalIgnoreCase))
            {
                CheckTextFields(activity, activity.Json, s_assignmentText, findings);
                if (activity.Json["setVariablesArray"] is JArray assignments)
                {
                    foreach (JToken item in assignments)
                    {
                        if (item is JObject assignment)
                        {
                            CheckTextFields(activity, assignment, s_assignmentText, findings);
                        }
                        else
                        {
                            WrongShape(activity, item, Shape.Object, findings);
                        }
                    }
                }

                if (activity.Json["setVariablesArray"] is not JArray { Count: > 0 } && string.IsNullOrEmpty(JsonText.Of(activity.Json["srcVariable"])))
                {
                    findings.Add(new FlowFinding(FindingSeverity.Error, FindingCodes.MissingProperty, activity.Id, activity.Name,
                        "Set Variable '" + activity.Name + "' names no variable (srcVariable or setVariablesArray)."));
                }
            }

            if (string.Equals(activity.Type, ActivityTypes.SubflowHandoff, StringComparison.OrdinalIgnoreCase))
            {
                foreach (string list in new[] { "subflowInputVariables", "subflowOutputVariables" })
                {
                    if (activity.Json[list] is JArray mappings)
                    {
                        foreach (JToken item in mappings)
                        {
                            if (item is JObject mapping)
                            {
                                CheckTextFields(activity, mapping, s_mappingText, findings);
                            }
                            else
                            {
                                WrongShape(activity, item, Shape.Object, findings);
                            }
                        }
                    }
                }

                if (string.IsNullOrEmpty(JsonText.Of(activity.Json["subflowId"])) && string.IsNullOrEmpty(JsonText.Of(activity.Json["subflowName"])))
                {
                    findings.Add(new FlowFinding(FindingSeverity.Error, FindingCodes.MissingProperty, activity.Id, activity.Name,
                        "Subflow '" + activity.Name + "' names no subflow (subflowId or subflowName)."));
                }
            }

            foreach (string list in new[] { "menuLinks", "allocations" })
            {
                if (activity.Json[list] is JArray options)
                {
                    foreach (JToken option in options)
                    {
                        if (!(option is JValue))
                        {
                            WrongShape(activity, option, Shape.Text, findings);
                        }
                    }
                }
            }

            if (activity.Json["outputVariableArray"] is JArray outputs)
            {
                foreach (JToken item in outputs)
                {
                    if (item is JObject output)
                    {
                        CheckTextFields(activity, output, new[] { "outputVariable", "jsonPathExp" }, findings);
                    }
                    else
                    {
                        WrongShape(activity, item, Shape.Object, findings);
                    }
                }
            }
        }

        private static void CheckTextFields(FlowActivity activity, JObject owner, string[] names, List<FlowFinding> findings)
        {
            foreach (string name in names)
            {
                JToken? token = owner[name];
                if (!JsonText.IsTextOrAbsent(token))
                {
                    WrongShape(activity, token!, Shape.Text, findings);
                }
            }
        }

        private static void WrongShape(FlowActivity activity, JToken token, Shape shape, List<FlowFinding> findings)
        {
            string expected = shape switch
            {
                Shape.Text => "text",
                Shape.Object => "an object",
                _ => "an array",
            };
            findings.Add(new FlowFinding(FindingSeverity.Error, FindingCodes.WrongPropertyType, activity.Id, activity.Name,
                "'" + activity.Name + "' (" + activity.Type + "): '" + token.Path + "' must be " + expected + ", not " + token.Type.ToString().ToLowerInvariant() + "."));
        }

        private static bool Fits(JToken token, Shape shape) => shape switch
        {
            Shape.Text => token is JValue,
            Shape.Object => token is JObject,
            _ => token is JArray,
        };

        private static Rule Text(string property, bool required) => new Rule(property, Shape.Text, required);

        private static Rule Object(string property, bool required) => new Rule(property, Shape.Object, required);

        private static Rule Array(string property, bool required) => new Rule(property, Shape.Array, required);
    }
}
