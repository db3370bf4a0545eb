using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CallbackLab.Core.Expressions;
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

            WxccFlow flow = Read(root, source);
            flow.ExportJson = json;
            return flow;
        }

        private static WxccFlow Read(JObject root, string? source)
        {
            JObject process = RequireObject(root, "process", source);
            JObject activitiesObject = RequireObject(process, "activities", source);
            List<FlowActivity> activities = ReadActivities(activitiesObject, inEventFlow: false, source);
            List<FlowLink> links = ReadLinks(process["links"], inEventFlow: false, source);

            var eventActivities = new List<FlowActivity>();
            var eventLinks = new List<FlowLink>();
            JObject? eventFlows = OptionalObject(root, "eventFlows", source);
            JObject? eventsMap = eventFlows == null ? null : OptionalObject(eventFlows, "eventsMap", source);
            if (eventsMap != null)
            {
                foreach (KeyValuePair<string, JToken?> entry in eventsMap)
                {
                    if (!(entry.Value is JObject eventFlow) || OptionalObject(eventFlow, "process", source) is not { } eventProcess)
                    {
                        continue;
                    }

                    if (OptionalObject(eventProcess, "activities", source) is { } eventActivitiesObject)
                    {
                        eventActivities.AddRange(ReadActivities(eventActivitiesObject, inEventFlow: true, source));
                    }

                    eventLinks.AddRange(ReadLinks(eventProcess["links"], inEventFlow: true, source));
                }
            }

            List<FlowVariableDefinition> variables = ReadVariables(root["variables"], source);
            string flowName = OptionalString(root, "name", source) ?? (source != null ? Path.GetFileNameWithoutExtension(source) : "flow");
            string? flowType = OptionalString(root, "flowType", source);
            bool subflowStart = activities.Exists(a => a.Group == "start-subflow"
                || string.Equals(a.Type, ActivityTypes.NewSubFlowStart, StringComparison.OrdinalIgnoreCase));
            FlowKind kind = subflowStart || string.Equals(flowType, "SUBFLOW", StringComparison.OrdinalIgnoreCase) ? FlowKind.Subflow : FlowKind.Flow;
            JToken? outcome = root["flowOutcome"];
            string? flowOutcome = outcome == null || outcome.Type == JTokenType.Null ? null
                : outcome.Type == JTokenType.String ? (string?)outcome : outcome.ToString(Formatting.None);
            return new WxccFlow(flowName, OptionalString(root, "id", source), OptionalString(root, "description", source), variables, activities, links,
                eventActivities, eventLinks, source, kind, OptionalString(root, "flowId", source), ReadSettings(root["settings"], source), flowOutcome,
                OptionalString(root, "orgId", source))
            {
                Diagram = FlowDiagramReader.Read(root),
            };
        }

        private static List<FlowVariableDefinition> ReadVariables(JToken? token, string? source)
        {
            var variables = new List<FlowVariableDefinition>();
            if (token == null || token.Type == JTokenType.Null)
            {
                return variables;
            }

            if (!(token is JArray variableArray))
            {
                throw Error(source, token, "'variables' must be an array, not " + Describe(token) + ".");
            }

            foreach (JToken item in variableArray)
            {
                if (!(item is JObject variable))
                {
                    throw Error(source, item, "A flow variable must be an object, not " + Describe(item) + ".");
                }

                string name = RequireString(variable, "name", source);
                FlowVariableType type = VariableType(variable, name, source);
                JToken? value = variable["value"];
                string? defaultValue = value == null || value.Type == JTokenType.Null ? null
                    : value.Type == JTokenType.String ? (string?)value : value.ToString(Formatting.None);
                FlowVariableSource origin = VariableSource(variable, source);
                variables.Add(new FlowVariableDefinition(name, type, defaultValue, OptionalString(variable, "description", source), origin,
                    OptionalString(variable, "id", source)));
            }

            return variables;
        }

        private static FlowVariableType VariableType(JObject variable, string name, string? source)
        {
            string? typeName = OptionalString(variable, "type", source);
            if (string.IsNullOrWhiteSpace(typeName))
            {
                return FlowVariableType.String;
            }

            try
            {
                return FlowValueConverter.ParseType(typeName!);
            }
            catch (FlowValueConversionException ex)
            {
                throw Error(source, variable["type"]!, "Variable '" + name + "' has type " + typeName + ": " + ex.Message);
            }
        }

        private static FlowVariableSource VariableSource(JObject variable, string? source)
        {
            string? origin = OptionalString(variable, "source", source);
            switch ((origin ?? string.Empty).Trim().ToUpperInvariant())
            {
                case "":
                case "FLOW":
                case "LOCAL":
                    return FlowVariableSource.Local;
                case "GLOBAL":
                case "GLOBAL_TM":
                    return FlowVariableSource.Global;
                case "SUBFLOW_INPUT":
                    return FlowVariableSource.SubflowInput;
                case "SUBFLOW_OUTPUT":
                    return FlowVariableSource.SubflowOutput;
                default:
                    // A source this reader does not know (a newer designer's) leaves an ordinary variable, so the export still loads.
                    return FlowVariableSource.Local;
            }
        }

        private static IReadOnlyList<FlowSetting> ReadSettings(JToken? token, string? source)
        {
            var settings = new List<FlowSetting>();
            if (token == null || token.Type == JTokenType.Null)
            {
                return settings;
            }

            if (!(token is JArray array))
            {
                throw Error(source, token, "'settings' must be an array, not " + Describe(token) + ".");
            }

            foreach (JToken item in array)
            {
                if (!(item is JObject setting))
                {
                    throw Error(source, item, "A flow setting must be an object, not " + Describe(item) + ".");
                }

                settings.Add(new FlowSetting(RequireString(setting, "name", source), OptionalString(setting, "value", source),
                    OptionalString(setting, "type", source), OptionalString(setting, "group", source)));
            }

            return settings;
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

                string id = OptionalString(activity, "id", source) ?? entry.Key;
                string group = OptionalString(activity, "group", source) ?? string.Empty;
                JObject properties = OptionalObject(activity, "properties", source) ?? new JObject();
                string? label = OptionalString(properties, "name", source);
                string name = OptionalString(activity, "name", source) ?? label ?? id;
                string? activityName = OptionalString(properties, "activityName", source);
                // Old event triggers have no activityName; new ones say "Event". Both are event triggers.
                string? type = group == "event" ? ActivityTypes.Event : activityName;
                if (string.IsNullOrEmpty(type))
                {
                    throw Error(source, activity, "Activity '" + name + "' (" + id + ") has no properties.activityName, so its type is unknown.");
                }

                // What the model reads of an event trigger is text: refuse another shape here, with its path.
                OptionalString(properties, "event", source);
                OptionalString(properties, "displayName", source);
                OptionalString(properties, "eventSpecificationName", source);
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
                JObject? linkProperties = OptionalObject(link, "properties", source);
                string? propertyValue = linkProperties == null ? null : OptionalString(linkProperties, "value", source);
                string port = OptionalString(link, "conditionExpr", source) ?? propertyValue ?? "default";
                result.Add(new FlowLink(OptionalString(link, "id", source) ?? sourceId + "->" + targetId, sourceId, targetId, port, inEventFlow));
            }

            return result;
        }

        /// <summary>
        /// A text field: its string, the invariant text of a number or boolean, or null when missing or null. An array or
        /// object where text belongs is a malformed export, reported with its JSON path (never a raw cast exception).
        /// </summary>
        private static string? OptionalString(JObject parent, string property, string? source)
        {
            JToken? token = parent[property];
            switch (token?.Type)
            {
                case null:
                case JTokenType.Null:
                case JTokenType.Undefined:
                    return null;
                case JTokenType.String:
                    return (string?)token;
                case JTokenType.Integer:
                case JTokenType.Float:
                case JTokenType.Boolean:
                    return ((JValue)token!).ToString(Formatting.None).Trim('"');
                default:
                    throw Error(source, token!, "'" + token!.Path + "' must be text, not " + Describe(token!) + ".");
            }
        }

        /// <summary>An object field, or null when missing or null; any other shape is a malformed export.</summary>
        private static JObject? OptionalObject(JObject parent, string property, string? source)
        {
            JToken? token = parent[property];
            if (token == null || token.Type == JTokenType.Null)
            {
                return null;
            }

            return token as JObject ?? throw Error(source, token, "'" + token.Path + "' must be an object, not " + Describe(token) + ".");
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
            JTokenType.Object => "an object",
            _ => token.Type.ToString().ToLowerInvariant(),
        };
    }
}
