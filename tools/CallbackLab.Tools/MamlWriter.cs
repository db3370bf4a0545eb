using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace CallbackLab.Tools
{
    /// <summary>Writes MAML (the XML that Get-Help reads for binary modules) from <see cref="CommandHelp"/> pages.</summary>
    public static class MamlWriter
    {
        private static readonly XNamespace s_msh = "http://msh";
        private static readonly XNamespace s_maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace s_command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace s_dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        /// <summary>Builds the help file for every page, sorted by cmdlet name, as UTF-8 text with LF line ends.</summary>
        public static string Write(IEnumerable<CommandHelp> pages)
        {
            var root = new XElement(s_msh + "helpItems", new XAttribute("schema", "maml"),
                pages.OrderBy(p => p.Name, StringComparer.Ordinal).Select(Command));
            var settings = new XmlWriterSettings
            {
                Indent = true,
                IndentChars = "  ",
                NewLineChars = "\n",
                Encoding = new UTF8Encoding(false),
            };
            using var stream = new MemoryStream();
            using (XmlWriter writer = XmlWriter.Create(stream, settings))
            {
                new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        private static XElement Command(CommandHelp help)
        {
            string[] parts = help.Name.Split(new[] { '-' }, 2);
            return new XElement(s_command + "command",
                new XAttribute(XNamespace.Xmlns + "maml", s_maml),
                new XAttribute(XNamespace.Xmlns + "command", s_command),
                new XAttribute(XNamespace.Xmlns + "dev", s_dev),
                new XElement(s_command + "details",
                    new XElement(s_command + "name", help.Name),
                    new XElement(s_command + "verb", parts[0]),
                    new XElement(s_command + "noun", parts.Length > 1 ? parts[1] : string.Empty),
                    Description(help.Synopsis)),
                Description(help.Description),
                new XElement(s_command + "syntax", SyntaxItems(help)),
                new XElement(s_command + "parameters", help.Parameters.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => Parameter(p, null))),
                new XElement(s_command + "inputTypes", help.Inputs.Select(i => TypeEntry("inputType", i))),
                new XElement(s_command + "returnValues", help.Outputs.Select(o => TypeEntry("returnValue", o))),
                new XElement(s_maml + "alertSet", new XElement(s_maml + "alert", Paragraphs(help.Notes))),
                new XElement(s_command + "examples", help.Examples.Select(Example)),
                new XElement(s_command + "relatedLinks", help.RelatedLinks.Select(Link)));
        }

        private static IEnumerable<XElement> SyntaxItems(CommandHelp help)
        {
            var named = help.Parameters.SelectMany(p => p.ParameterSets).Where(s => s != "(All)").Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
            var sets = named.Count == 0 ? new List<string?> { null } : named.Cast<string?>().ToList();
            foreach (string? set in sets)
            {
                var members = help.Parameters
                    .Where(p => set == null || p.ParameterSets.Contains(set) || p.ParameterSets.Contains("(All)") || p.ParameterSets.Count == 0)
                    .OrderBy(p => PositionOrder(p.Position)).ThenBy(p => p.Name, StringComparer.Ordinal);
                yield return new XElement(s_command + "syntaxItem",
                    new XElement(s_maml + "name", help.Name),
                    members.Select(p => Parameter(p, set)));
            }
        }

        private static int PositionOrder(string position) => int.TryParse(position, out int value) ? value : int.MaxValue;

        private static XElement Parameter(HelpParameter p, string? set)
        {
            var element = new XElement(s_command + "parameter",
                new XAttribute("required", p.Required ? "true" : "false"),
                new XAttribute("variableLength", p.Type.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false"),
                new XAttribute("globbing", p.Globbing ? "true" : "false"),
                new XAttribute("pipelineInput", p.PipelineInput),
                new XAttribute("position", p.Position.Equals("Named", StringComparison.OrdinalIgnoreCase) ? "named" : p.Position),
                new XAttribute("aliases", p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases)),
                new XElement(s_maml + "name", p.Name),
                Description(p.Description));
            if (!p.IsSwitch)
            {
                element.Add(new XElement(s_command + "parameterValue",
                    new XAttribute("required", "true"), new XAttribute("variableLength", "false"), p.Type));
            }

            element.Add(new XElement(s_dev + "type", new XElement(s_maml + "name", p.Type), new XElement(s_maml + "uri")));
            element.Add(new XElement(s_dev + "defaultValue", p.DefaultValue));
            return element;
        }

        private static XElement TypeEntry(string kind, HelpTypeEntry entry) =>
            new XElement(s_command + kind,
                new XElement(s_dev + "type", new XElement(s_maml + "name", entry.TypeName)),
                Description(entry.Description));

        private static XElement Example(HelpExample example, int index) =>
            new XElement(s_command + "example",
                new XElement(s_maml + "title", "-------------------------- " + example.Title + " --------------------------"),
                new XElement(s_dev + "code", example.Code),
                new XElement(s_dev + "remarks", Paragraphs(example.Remarks)));

        private static XElement Link(string markdownLink)
        {
            int close = markdownLink.IndexOf("](", StringComparison.Ordinal);
            string text = close > 0 && markdownLink.StartsWith('[') ? markdownLink.Substring(1, close - 1) : markdownLink;
            string uri = close > 0 ? markdownLink.Substring(close + 2).TrimEnd(')') : string.Empty;
            if (uri.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) uri = string.Empty; // local pages: Get-Help resolves by name
            return new XElement(s_maml + "navigationLink", new XElement(s_maml + "linkText", text), new XElement(s_maml + "uri", uri));
        }

        private static XElement Description(string text) => new XElement(s_maml + "description", Paragraphs(text));

        private static IEnumerable<XElement> Paragraphs(string text) =>
            text.Split(new[] { "\n\n" }, StringSplitOptions.RemoveEmptyEntries).Select(p => new XElement(s_maml + "para", p));
    }
}
