using System;
using CallbackLab.Tools;

namespace CallbackLab.PowerShell.Tests.Contract
{
    /// <summary>The markdown-to-MAML reader keeps example output line for line and drops inline markdown from console text.</summary>
    public sealed class HelpGeneratorTests
    {
        private const string Page = "# Get-Thing\n\n## SYNOPSIS\nGets `things` for **you**.\n\n## EXAMPLES\n\n";

        private static string Description(string markdown) =>
            MarkdownHelpReader.Parse("# Get-Thing\n\n## DESCRIPTION\n" + markdown + "\n", "Get-Thing").Description;

        [Fact]
        public void OutputInItsOwnCodeBlockKeepsItsLines()
        {
            CommandHelp help = MarkdownHelpReader.Parse(Page
                + "### Example 1: One\n```powershell\nGet-Thing\n```\n\n```output\nId Name\n-- ----\n1  a\n```\nThe first thing.\n", "Get-Thing");

            HelpExample example = Assert.Single(help.Examples);
            Assert.Equal("Get-Thing", example.Code);
            Assert.Equal("Id Name\n-- ----\n1  a\n\nThe first thing.", example.Remarks);
        }

        [Theory]
        [InlineData("Id Name\n-- ----\n1  a\n", "-- ----")]
        [InlineData("Name  : a\nCount : 1\n", "Name  : a")]
        public void OutputOutsideACodeBlockIsRefusedNamingTheExample(string output, string line)
        {
            var error = Assert.Throws<FormatException>(() => MarkdownHelpReader.Parse(Page
                + "### Example 1: One\n```powershell\nGet-Thing\n```\n" + output, "Get-Thing"));

            Assert.Contains("Example 1: One", error.Message);
            Assert.Contains(line, error.Message);
            Assert.Contains("```output", error.Message);
        }

        [Fact]
        public void ProseLosesInlineMarkdownButKeepsItsWords()
        {
            Assert.Equal("Gets things for you.", MarkdownHelpReader.Parse(Page, "Get-Thing").Synopsis);
            Assert.Equal("See Get-Other and the guide (https://example.org/guide).",
                Description("See [Get-Other](Get-Other.md) and [the guide](https://example.org/guide)."));
        }

        [Fact]
        public void ACodeSpanThatWrapsOntoTheNextLineLosesItsMarksToo()
        {
            Assert.Equal("the reason names GET_CBID found no record, so outdialcbid stayed empty first.",
                Description("the reason names `GET_CBID found no record,\nso outdialcbid stayed empty` first."));
        }

        [Fact]
        public void FencedTextInProseStaysAsItIsInAParagraphOfItsOwn()
        {
            Assert.Equal("The body:\n\n{\"a\": `1`,\n \"b\": **2**}\n\nSent as is.",
                Description("The body:\n```json\n{\"a\": `1`,\n \"b\": **2**}\n```\nSent as is."));
        }
    }
}
