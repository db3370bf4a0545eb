using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace CallbackLab.Tools
{
    /// <summary>Reads platyPS-style cmdlet markdown (docs/en-US/Verb-Noun.md) into <see cref="CommandHelp"/>.</summary>
    public static class MarkdownHelpReader
    {
        public static CommandHelp Read(string path) => Parse(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path));

        public static CommandHelp Parse(string markdown, string fallbackName)
        {
            var help = new CommandHelp { Name = fallbackName };
            string[] lines = StripFrontMatter(markdown.Replace("\r\n", "\n")).Split('\n');
            string? section = null;
            var buffer = new List<string>();
            string? subHeading = null;

            void Flush()
            {
                if (section == null) return;
                string text = string.Join("\n", buffer).Trim('\n');
                Apply(help, section, subHeading, text);
                buffer.Clear();
            }

            bool inFence = false;
            foreach (string line in lines)
            {
                if (line.StartsWith("```", StringComparison.Ordinal)) inFence = !inFence;
                if (!inFence && line.StartsWith("# ", StringComparison.Ordinal) && section == null)
                {
                    help.Name = line.Substring(2).Trim();
                    continue;
                }

                if (!inFence && line.StartsWith("## ", StringComparison.Ordinal))
                {
                    Flush();
                    section = line.Substring(3).Trim().ToUpperInvariant();
                    subHeading = null;
                    continue;
                }

                if (!inFence && line.StartsWith("### ", StringComparison.Ordinal))
                {
                    Flush();
                    subHeading = line.Substring(4).Trim();
                    continue;
                }

                buffer.Add(line);
            }

            Flush();
            return help;
        }

        private static string StripFrontMatter(string text)
        {
            if (!text.StartsWith("---\n", StringComparison.Ordinal)) return text;
            int end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
            return end < 0 ? text : text.Substring(end + 5);
        }

        private static void Apply(CommandHelp help, string section, string? sub, string text)
        {
            switch (section)
            {
                case "SYNOPSIS":
                    help.Synopsis = Prose(text);
                    break;
                case "DESCRIPTION":
                    help.Description = Prose(text);
                    break;
                case "EXAMPLES" when sub != null:
                    help.Examples.Add(ReadExample(sub, text));
                    break;
                case "PARAMETERS" when sub != null && sub.StartsWith("-", StringComparison.Ordinal):
                    help.Parameters.Add(ReadParameter(sub.Substring(1), text));
                    break;
                case "INPUTS" when sub != null:
                    help.Inputs.Add(new HelpTypeEntry { TypeName = sub, Description = Prose(text) });
                    break;
                case "OUTPUTS" when sub != null:
                    help.Outputs.Add(new HelpTypeEntry { TypeName = sub, Description = Prose(text) });
                    break;
                case "NOTES":
                    help.Notes = Prose(text);
                    break;
                case "RELATED LINKS":
                    help.RelatedLinks.AddRange(text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
                    break;
            }
        }

        private static HelpExample ReadExample(string title, string text)
        {
            var example = new HelpExample { Title = title };
            Match fence = Regex.Match(text, "```[a-zA-Z]*\\n(?<code>.*?)\\n```", RegexOptions.Singleline);
            if (fence.Success)
            {
                example.Code = fence.Groups["code"].Value;
                example.Remarks = Prose((text.Substring(0, fence.Index) + "\n" + text.Substring(fence.Index + fence.Length)).Trim());
            }
            else
            {
                example.Remarks = Prose(text);
            }

            return example;
        }

        private static HelpParameter ReadParameter(string name, string text)
        {
            var parameter = new HelpParameter { Name = name };
            Match fence = Regex.Match(text, "```yaml\\n(?<yaml>.*?)\\n```", RegexOptions.Singleline);
            parameter.Description = Prose(fence.Success ? text.Substring(0, fence.Index) : text);
            if (!fence.Success) return parameter;

            foreach (string line in fence.Groups["yaml"].Value.Split('\n'))
            {
                int colon = line.IndexOf(':');
                if (colon < 0) continue;
                string key = line.Substring(0, colon).Trim();
                string value = line.Substring(colon + 1).Trim();
                switch (key)
                {
                    case "Type": parameter.Type = value; break;
                    case "Parameter Sets": parameter.ParameterSets.AddRange(SplitList(value)); break;
                    case "Aliases": parameter.Aliases.AddRange(SplitList(value)); break;
                    case "Required": parameter.Required = value.StartsWith("True", StringComparison.OrdinalIgnoreCase); break;
                    case "Position": parameter.Position = value; break;
                    case "Default value": parameter.DefaultValue = value; break;
                    case "Accept pipeline input": parameter.PipelineInput = value; break;
                    case "Accept wildcard characters": parameter.Globbing = value.StartsWith("True", StringComparison.OrdinalIgnoreCase); break;
                }
            }

            return parameter;
        }

        private static IEnumerable<string> SplitList(string value) =>
            value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0);

        /// <summary>Joins wrapped lines into paragraphs separated by blank lines; keeps fenced code as is.</summary>
        internal static string Prose(string text)
        {
            var paragraphs = new List<string>();
            var current = new StringBuilder();
            bool inFence = false;
            foreach (string raw in text.Split('\n'))
            {
                string line = raw.TrimEnd();
                if (line.StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                    continue;
                }

                if (inFence)
                {
                    if (current.Length > 0) current.Append('\n');
                    current.Append(line);
                    continue;
                }

                if (line.Trim().Length == 0)
                {
                    if (current.Length > 0) paragraphs.Add(current.ToString());
                    current.Clear();
                    continue;
                }

                if (current.Length > 0) current.Append(line.TrimStart().StartsWith("-", StringComparison.Ordinal) ? '\n' : ' ');
                current.Append(line.Trim());
            }

            if (current.Length > 0) paragraphs.Add(current.ToString());
            return string.Join("\n\n", paragraphs);
        }
    }
}
