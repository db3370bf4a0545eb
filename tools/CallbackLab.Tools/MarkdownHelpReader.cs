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
                case "PARAMETERS" when sub != null && sub.StartsWith('-'):
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

        private static readonly Regex s_tableRule = new Regex(@"^\s*-{2,}(\s+-{2,})+\s*$", RegexOptions.CultureInvariant);
        private static readonly Regex s_listLine = new Regex(@"^[A-Za-z][\w.]*\s+: ", RegexOptions.CultureInvariant);
        private static readonly Regex s_inlineCode = new Regex(@"(?<!`)`(?<text>[^`]+)`(?!`)", RegexOptions.CultureInvariant);
        private static readonly Regex s_bold = new Regex(@"\*\*(?<text>[^*]+)\*\*", RegexOptions.CultureInvariant);
        private static readonly Regex s_link = new Regex(@"\[(?<text>[^\]\n]+)\]\((?<uri>[^)\s]+)\)", RegexOptions.CultureInvariant);

        private static HelpExample ReadExample(string title, string text)
        {
            RefuseOutputOutsideCodeBlocks(title, text);
            var example = new HelpExample { Title = title };
            Match fence = Regex.Match(text, "```[a-zA-Z]*\\n(?<code>.*?)\\n```", RegexOptions.Singleline);
            if (fence.Success)
            {
                example.Code = fence.Groups["code"].Value;
                example.Remarks = Prose((string.Concat(text.AsSpan(0, fence.Index), "\n", text.AsSpan(fence.Index + fence.Length))).Trim());
            }
            else
            {
                example.Remarks = Prose(text);
            }

            return example;
        }

        /// <summary>
        /// Output pasted as plain text (a table's "-- --" rule, a list's "Name : value") would be joined into one line
        /// like prose: it belongs in a fenced block (```output) after the command, which is kept line for line.
        /// </summary>
        private static void RefuseOutputOutsideCodeBlocks(string title, string text)
        {
            bool inFence = false;
            foreach (string line in text.Split('\n'))
            {
                if (line.StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                    continue;
                }

                if (!inFence && (s_tableRule.IsMatch(line) || s_listLine.IsMatch(line)))
                {
                    throw new FormatException("Example '" + title + "' has output outside a code block (\"" + line.Trim()
                        + "\"): put the output in a fenced block (```output) so help keeps its lines.");
                }
            }
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

        /// <summary>
        /// Joins wrapped lines into paragraphs separated by blank lines and drops inline markdown (`code`, **bold**,
        /// [links](…)) that the console would show literally; fenced blocks become paragraphs of their own, line for line.
        /// </summary>
        internal static string Prose(string text)
        {
            var paragraphs = new List<string>();
            var current = new StringBuilder();
            bool inFence = false;

            void EndParagraph()
            {
                // Inline markdown is dropped per paragraph, since a code span may wrap onto the next line.
                if (current.Length > 0) paragraphs.Add(inFence ? current.ToString() : Plain(current.ToString()));
                current.Clear();
            }

            foreach (string raw in text.Split('\n'))
            {
                string line = raw.TrimEnd();
                if (line.StartsWith("```", StringComparison.Ordinal))
                {
                    EndParagraph();
                    inFence = !inFence;
                    continue;
                }

                if (inFence)
                {
                    if (line.Length == 0) continue; // a blank line would split the block into two paragraphs
                    if (current.Length > 0) current.Append('\n');
                    current.Append(line);
                    continue;
                }

                if (line.Trim().Length == 0)
                {
                    EndParagraph();
                    continue;
                }

                if (current.Length > 0) current.Append(line.TrimStart().StartsWith('-') ? '\n' : ' ');
                current.Append(line.Trim());
            }

            EndParagraph();
            return string.Join("\n\n", paragraphs);
        }

        /// <summary>Prose without inline markdown: code spans and bold lose their marks, links keep their text.</summary>
        internal static string Plain(string line)
        {
            string text = s_link.Replace(line, m => m.Groups["uri"].Value.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
                || m.Groups["uri"].Value.StartsWith('#')
                ? m.Groups["text"].Value
                : m.Groups["text"].Value + " (" + m.Groups["uri"].Value + ")");
            text = s_bold.Replace(text, m => m.Groups["text"].Value);
            return s_inlineCode.Replace(text, m => m.Groups["text"].Value);
        }
    }
}
