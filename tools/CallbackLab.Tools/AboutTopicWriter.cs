using System;
using System.Collections.Generic;
using System.Text;

namespace CallbackLab.Tools
{
    /// <summary>
    /// Turns an about-topic markdown page (docs/en-US/about_X.md: "# about_X", "## SECTION", "### SUBSECTION",
    /// paragraphs, fenced code) into the plain-text help file Get-Help shows (about_X.help.txt).
    /// </summary>
    public static class AboutTopicWriter
    {
        private const int Width = 80;

        public static string Write(string markdown)
        {
            var output = new StringBuilder();
            var paragraph = new List<string>();
            bool inFence = false;
            string indent = "    ";

            void FlushParagraph()
            {
                if (paragraph.Count == 0) return;
                Wrap(output, string.Join(" ", paragraph), indent);
                output.Append('\n');
                paragraph.Clear();
            }

            foreach (string raw in markdown.Replace("\r\n", "\n").Split('\n'))
            {
                string line = raw.TrimEnd();
                if (line.StartsWith("```", StringComparison.Ordinal))
                {
                    FlushParagraph();
                    inFence = !inFence;
                    if (!inFence) output.Append('\n');
                    continue;
                }

                if (inFence)
                {
                    output.Append(indent).Append("    ").Append(line).Append('\n');
                }
                else if (line.StartsWith("# ", StringComparison.Ordinal))
                {
                    output.Append("TOPIC\n    ").Append(line.Substring(2).Trim()).Append("\n\n");
                }
                else if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    FlushParagraph();
                    output.Append(line.Substring(3).Trim().ToUpperInvariant()).Append('\n');
                    indent = "    ";
                }
                else if (line.StartsWith("### ", StringComparison.Ordinal))
                {
                    FlushParagraph();
                    output.Append("  ").Append(line.Substring(4).Trim().ToUpperInvariant()).Append('\n');
                    indent = "    ";
                }
                else if (line.Trim().Length == 0)
                {
                    FlushParagraph();
                }
                else
                {
                    paragraph.Add(line.Trim());
                }
            }

            FlushParagraph();
            return output.ToString().TrimEnd('\n') + "\n";
        }

        private static void Wrap(StringBuilder output, string text, string indent)
        {
            var line = new StringBuilder(indent);
            foreach (string word in text.Split(' '))
            {
                if (line.Length > indent.Length && line.Length + 1 + word.Length > Width)
                {
                    output.Append(line).Append('\n');
                    line.Clear().Append(indent);
                }

                if (line.Length > indent.Length) line.Append(' ');
                line.Append(word);
            }

            output.Append(line).Append('\n');
        }
    }
}
