using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CallbackLab.Core.Flows.Grading;

namespace CallbackLab.Core.Tests.Flows.Grading
{
    /// <summary>The grader's step table is the lab text's Build section: same numbers, same titles, same order.</summary>
    public sealed class LabStepsTests
    {
        private static readonly string s_labText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Lab", "Mission1_CallbackOnGlobalError.md"));

        [Fact]
        public void TheStepsAreTheNumberedLinesOfTheLabTextsBuildSection()
        {
            int start = s_labText.IndexOf("## Build", StringComparison.Ordinal);
            int end = s_labText.IndexOf("## Testing", start, StringComparison.Ordinal);
            var steps = Regex.Matches(s_labText.Substring(start, end - start), @"^(\d+)\. (.+)$", RegexOptions.Multiline)
                .Cast<Match>()
                .Select(m => (Number: m.Groups[1].Value, Title: Title(m.Groups[2].Value)))
                .ToList();

            Assert.Equal(steps, LabSteps.All.Select(s => (s.Number, s.Title)));
            Assert.Equal(Enumerable.Range(1, steps.Count), LabSteps.All.Select(s => s.Index));
            Assert.Equal(2, LabSteps.All.Count(s => s.Number == "8"));
        }

        /// <summary>A step line's first sentence without its markup (bold, HTML spans).</summary>
        private static string Title(string line)
        {
            string text = Regex.Replace(line, "<[^>]+>", string.Empty).Replace("**", string.Empty).Trim();
            int sentence = text.IndexOf(". ", StringComparison.Ordinal);
            return (sentence < 0 ? text : text.Substring(0, sentence + 1)).TrimEnd(':', ' ');
        }
    }
}
