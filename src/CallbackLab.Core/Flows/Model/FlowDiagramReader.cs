using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Model
{
    /// <summary>
    /// Reads the canvas of an export: <c>diagram.widgets</c> at the root and in every event flow. Lenient on purpose: the
    /// canvas only draws the flow, so a widget of an unexpected shape is left out rather than failing the whole export.
    /// </summary>
    internal static class FlowDiagramReader
    {
        internal static FlowDiagram Read(JObject root)
        {
            var activities = new List<DiagramActivity>();
            var links = new List<DiagramLink>();
            ReadWidgets(root.SelectToken("diagram.widgets") as JObject, activities, links);
            if (root.SelectToken("eventFlows.eventsMap") is JObject eventsMap)
            {
                foreach (KeyValuePair<string, JToken?> entry in eventsMap)
                {
                    ReadWidgets(entry.Value?.SelectToken("diagram.widgets") as JObject, activities, links);
                }
            }

            return activities.Count == 0 && links.Count == 0 ? FlowDiagram.Empty : new FlowDiagram(activities, links);
        }

        private static void ReadWidgets(JObject? widgets, List<DiagramActivity> activities, List<DiagramLink> links)
        {
            if (widgets == null)
            {
                return;
            }

            foreach (KeyValuePair<string, JToken?> entry in widgets)
            {
                if (!(entry.Value is JObject widget))
                {
                    continue;
                }

                string kind = Text(widget["widgetType"]) ?? string.Empty;
                if (kind == "activity" && Point(widget["point"]) is DiagramPoint position)
                {
                    activities.Add(new DiagramActivity(entry.Key, position, Ports(widget["ports"] as JArray)));
                }
                else if (kind == "link")
                {
                    var points = new List<DiagramPoint>();
                    if (widget.SelectToken("properties.points") is JArray drawn)
                    {
                        foreach (JToken item in drawn)
                        {
                            if (Point(item) is DiagramPoint p)
                            {
                                points.Add(p);
                            }
                        }
                    }

                    links.Add(new DiagramLink(entry.Key, points));
                }
            }
        }

        private static List<DiagramPort> Ports(JArray? ports)
        {
            var result = new List<DiagramPort>();
            if (ports == null)
            {
                return result;
            }

            foreach (JToken item in ports)
            {
                if (!(item is JObject port) || !(port["properties"] is JObject properties))
                {
                    continue;
                }

                string? name = Text(properties["name"]);
                if (string.IsNullOrEmpty(name))
                {
                    continue;
                }

                bool isInput = (port["isSourcePort"]?.Type == JTokenType.Boolean && (bool)port["isSourcePort"]!) || Text(properties["alignment"]) == "left";
                result.Add(new DiagramPort(Text(port["portId"]) ?? name!, name!, Text(properties["label"]) ?? name!, Point(properties), isInput));
            }

            return result;
        }

        private static DiagramPoint? Point(JToken? token)
        {
            if (token is JObject point && Number(point["x"]) is double x && Number(point["y"]) is double y)
            {
                return new DiagramPoint(x, y);
            }

            return null;
        }

        /// <summary>A string value; null for anything else (an array where text belongs is ignored, not fatal).</summary>
        private static string? Text(JToken? token) => token != null && token.Type == JTokenType.String ? (string?)token : null;

        private static double? Number(JToken? token) =>
            token != null && (token.Type == JTokenType.Integer || token.Type == JTokenType.Float) ? (double)token : (double?)null;
    }
}
