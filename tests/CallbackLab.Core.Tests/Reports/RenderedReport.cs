using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;

namespace CallbackLab.Core.Tests.Reports
{
    /// <summary>Reads what the report's script drew from a <c>--dump-dom</c> of the page: step rows, activity nodes, edges.</summary>
    internal sealed class RenderedReport
    {
        private static readonly Regex s_tag = new Regex("<(?<name>[a-z]+)\\s(?<attrs>[^>]*)>", RegexOptions.Compiled);
        private static readonly Regex s_expression = new Regex(
            "<tr class=\"(?<cls>expression[^\"]*)\"><td class=\"mono-cell\">(?<expr>[^<]*)</td><td class=\"mono-cell value\">(?<value>[^<]*)</td></tr>", RegexOptions.Compiled);
        private static readonly Regex s_attribute = new Regex("(?<name>[a-zA-Z-]+)=\"(?<value>[^\"]*)\"", RegexOptions.Compiled);

        internal RenderedReport(string dom)
        {
            Dom = dom;
            var elements = new List<Dictionary<string, string>>();
            foreach (Match tag in s_tag.Matches(dom))
            {
                var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["<tag>"] = tag.Groups["name"].Value };
                foreach (Match attribute in s_attribute.Matches(tag.Groups["attrs"].Value))
                {
                    attributes[attribute.Groups["name"].Value] = WebUtility.HtmlDecode(attribute.Groups["value"].Value);
                }

                elements.Add(attributes);
            }

            Elements = elements;
        }

        internal string Dom { get; }

        internal IReadOnlyList<Dictionary<string, string>> Elements { get; }

        internal bool Ready => Elements.Any(e => e["<tag>"] == "body" && e.TryGetValue("data-ready", out string? v) && v == "true");

        /// <summary>The rows of the steps table, in order.</summary>
        internal IReadOnlyList<Dictionary<string, string>> StepRows => Elements.Where(e => e["<tag>"] == "tr" && HasClass(e, "step")).ToList();

        /// <summary>The activity nodes of the canvas on show.</summary>
        internal IReadOnlyList<Dictionary<string, string>> Nodes => Elements.Where(e => e["<tag>"] == "g" && HasClass(e, "node")).ToList();

        /// <summary>The edges of the canvas on show.</summary>
        internal IReadOnlyList<Dictionary<string, string>> Edges => Elements.Where(e => e["<tag>"] == "path" && HasClass(e, "edge")).ToList();

        /// <summary>The canvas tabs.</summary>
        internal IReadOnlyList<Dictionary<string, string>> Tabs => Elements.Where(e => e["<tag>"] == "button" && e.ContainsKey("data-canvas")).ToList();

        /// <summary>The canvas on show (its <c>data-canvas</c> and <c>data-tab</c>).</summary>
        internal Dictionary<string, string> Canvas => Elements.Single(e => e["<tag>"] == "svg" && HasClass(e, "canvas"));

        /// <summary>The details panel's markup.</summary>
        internal string Details => Dom.Substring(Dom.IndexOf("<aside id=\"details\"", StringComparison.Ordinal));

        /// <summary>The rows of the details panel's expression tables: expression, value, and whether it failed.</summary>
        internal IReadOnlyList<(string Expression, string Value, bool Failed)> Expressions =>
            s_expression.Matches(Details).Select(m => (WebUtility.HtmlDecode(m.Groups["expr"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value),
                m.Groups["cls"].Value.Split(' ').Contains("failed"))).ToList();

        /// <summary>The class of <paramref name="port"/>'s circle on the node of <paramref name="activityName"/>.</summary>
        internal string PortClass(string activityName, string port)
        {
            int start = Dom.IndexOf("data-activity=\"" + WebUtility.HtmlEncode(activityName) + "\"", StringComparison.Ordinal);
            Assert.True(start >= 0, activityName + " is not on the canvas");
            int end = Dom.IndexOf("class=\"node ", start, StringComparison.Ordinal);
            string node = end < 0 ? Dom.Substring(start) : Dom.Substring(start, end - start);
            Match match = Regex.Match(node, "<g class=\"(?<cls>port[^\"]*)\" data-port=\"" + Regex.Escape(port) + "\"");
            Assert.True(match.Success, activityName + " draws no port " + port);
            return match.Groups["cls"].Value;
        }

        internal Dictionary<string, string> Node(string activityName) => Nodes.Single(n => n["data-activity"] == activityName);

        internal static bool HasClass(Dictionary<string, string> element, string cls) =>
            element.TryGetValue("class", out string? value) && value.Split(' ').Contains(cls);

        internal static IReadOnlyList<int> Order(Dictionary<string, string> node) =>
            node["data-order"].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
    }
}
