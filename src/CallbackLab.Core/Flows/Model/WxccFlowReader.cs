using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Model
{
    /// <summary>
    /// Reads Flow Designer export JSON into a <see cref="WxccFlow"/>. Only what simulation needs is required
    /// (activities with ids and types, links with both ends); every other property is ignored, so newer exports still load.
    /// </summary>
    public static class WxccFlowReader
    {
        /// <summary>Reads the export at <paramref name="path"/>.</summary>
        /// <exception cref="FlowFormatException">The file is not a flow export.</exception>
        public static WxccFlow Load(string path)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            return Parse(File.ReadAllText(path), path);
        }

        /// <summary>Reads export JSON; <paramref name="source"/> names it in errors.</summary>
        /// <exception cref="FlowFormatException">The text is not a flow export.</exception>
        public static WxccFlow Parse(string json, string? source = null)
        {
            if (json is null) throw new ArgumentNullException(nameof(json));
            JObject root;
            try
            {
                using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
                JToken token = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
                root = token as JObject ?? throw Error(source, token, "The flow export must be a JSON object, not " + Describe(token) + ".");
            }
            catch (JsonReaderException ex)
            {
                throw new FlowFormatException(
                    string.Format(CultureInfo.InvariantCulture, "{0} is not valid JSON: {1}", Name(source), ex.Message),
                    source, ex.Path ?? string.Empty, ex.LineNumber, ex.LinePosition, ex);
            }

            return Read(root, source);
        }

        private static WxccFlow Read(JObject root, string? source)
        {
            JObject process = RequireObject(root, "process", source);
            JObject activitiesObject = RequireObject(process, "activities", source);
            List<FlowActivity> activities = ReadActivities(activitiesObject, inEventFlow: false, source);
            List<FlowLink> links = ReadLinks(process["links"], inEventFlow: false, source);

            var eventActivities = new List<FlowActivity>();
            var eventLinks = new List<FlowLink>();
            if (root.SelectToken("eventFlows.eventsMap") is JObject eventsMap)
            {
                foreach (KeyValuePair<string, JToken?> entry in eventsMap)
                {
                    if (!(entry.Value is JObject eventFlow) || !(eventFlow["process"] is JObject eventProcess))
                    {
                        continue;
                    }

                    if (eventProcess["activities"] is JObject eventActivitiesObject)
                    {
                        eventActivities.AddRange(ReadActivities(eventActivitiesObject, inEventFlow: true, source));
                    }

                    eventLinks.AddRange(ReadLinks(eventProcess["links"], inEventFlow: true, source));
                }
            }

            var variables = new List<FlowVariableDefinition>();
            if (root["variables"] is JArray variableArray)
            {
                foreach (JToken item in variableArray)
                {
                    if (!(item is JObject variable))
                    {
                        throw Error(source, item, "A flow variable must be an object, not " + Describe(item) + ".");
                    }

                    string name = RequireString(variable, "name", source);
                    string type = ((string?)variable["type"] ?? "STRING").ToUpperInvariant();
                    JToken? value = variable["value"];
                    string? defaultValue = value == null || value.Type == JTokenType.Null ? null
                        : value.Type == JTokenType.String ? (string?)value : value.ToString(Formatting.None);
                    variables.Add(new FlowVariableDefinition(name, type, defaultValue, (string?)variable["description"]));
                }
            }
            else if (root["variables"] is JToken notArray && notArray.Type != JTokenType.Null)
            {
                throw Error(source, notArray, "'variables' must be an array, not " + Describe(notArray) + ".");
            }

            string flowName = (string?)root["name"] ?? (source != null ? Path.GetFileNameWithoutExtension(source) : "flow");
            return new WxccFlow(flowName, (string?)root["id"], (string?)root["description"], variables, activities, links, eventActivities, eventLinks, source)
            {
                Diagram = FlowDiagramReader.Read(root),
            };
        }

        private static List<FlowActivity> ReadActivities(JObject activitiesObject, bool inEventFlow, string? source)
        {
            var result = new List<FlowActivity>();
            foreach (KeyValuePair<string, JToken?> entry in activitiesObject)
            {
                if (!(entry.Value is JObject activity))
                {
                    throw Error(source, entry.Value ?? activitiesObject, "Activity '" + entry.Key + "' must be an object.");
                }

                string id = (string?)activity["id"] ?? entry.Key;
                string group = (string?)activity["group"] ?? string.Empty;
                JObject properties = activity["properties"] as JObject ?? new JObject();
                string name = (string?)activity["name"] ?? (string?)properties["name"] ?? id;
                string? type = group == "event" ? ActivityTypes.Event : (string?)properties["activityName"];
                if (string.IsNullOrEmpty(type))
                {
                    throw Error(source, activity, "Activity '" + name + "' (" + id + ") has no properties.activityName, so its type is unknown.");
                }

                result.Add(new FlowActivity(id, name, group, type!, properties, inEventFlow));
            }

            return result;
        }

        private static List<FlowLink> ReadLinks(JToken? linksToken, bool inEventFlow, string? source)
        {
            var result = new List<FlowLink>();
            if (linksToken == null || linksToken.Type == JTokenType.Null)
            {
                return result;
            }

            if (!(linksToken is JArray links))
            {
                throw Error(source, linksToken, "'links' must be an array, not " + Describe(linksToken) + ".");
            }

            foreach (JToken item in links)
            {
                if (!(item is JObject link))
                {
                    throw Error(source, item, "A link must be an object, not " + Describe(item) + ".");
                }

                string sourceId = RequireString(link, "sourceActivityId", source);
                string targetId = RequireString(link, "targetActivityId", source);
                string port = (string?)link["conditionExpr"] ?? (string?)link.SelectToken("properties.value") ?? "default";
                result.Add(new FlowLink((string?)link["id"] ?? sourceId + "->" + targetId, sourceId, targetId, port, inEventFlow));
            }

            return result;
        }

        private static JObject RequireObject(JObject parent, string property, string? source)
        {
            JToken? token = parent[property];
            if (token is JObject obj)
            {
                return obj;
            }

            string what = token == null ? "is missing" : "must be an object, not " + Describe(token);
            throw Error(source, token ?? parent, "'" + Join(parent.Path, property) + "' " + what + "; this is not a Flow Designer flow export.");
        }

        private static string RequireString(JObject parent, string property, string? source)
        {
            JToken? token = parent[property];
            if (token != null && token.Type == JTokenType.String && ((string?)token)!.Length > 0)
            {
                return (string)token!;
            }

            throw Error(source, token ?? parent, "'" + Join(parent.Path, property) + "' must be a non-empty string.");
        }

        private static FlowFormatException Error(string? source, JToken at, string message)
        {
            var info = (IJsonLineInfo)at;
            int line = info.HasLineInfo() ? info.LineNumber : 0;
            int position = info.HasLineInfo() ? info.LinePosition : 0;
            string where = line > 0 ? string.Format(CultureInfo.InvariantCulture, " ({0}, line {1}, position {2})", Name(source), line, position) : " (" + Name(source) + ")";
            return new FlowFormatException(message + where, source, at.Path, line, position);
        }

        private static string Join(string parentPath, string property) => parentPath.Length == 0 ? property : parentPath + "." + property;

        private static string Name(string? source) => source ?? "the flow JSON";

        private static string Describe(JToken token) => token.Type switch
        {
            JTokenType.Array => "an array",
            JTokenType.String => "a string",
            JTokenType.Integer => "a number",
            JTokenType.Float => "a number",
            JTokenType.Boolean => "a boolean",
            JTokenType.Null => "null",
            _ => token.Type.ToString().ToLowerInvariant(),
        };
    }
}
