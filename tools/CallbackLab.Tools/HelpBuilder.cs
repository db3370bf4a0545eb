using System.IO;
using System.Linq;

namespace CallbackLab.Tools
{
    /// <summary>Builds src/CallbackLab/en-US/CallbackLab.dll-Help.xml from docs/en-US/Verb-Noun.md.</summary>
    public static class HelpBuilder
    {
        public const string RelativeHelpPath = "src/CallbackLab/en-US/CallbackLab.dll-Help.xml";

        public static string Generate(string repoRoot)
        {
            var pages = Directory.GetFiles(Path.Combine(repoRoot, "docs", "en-US"), "*-*.md")
                .Select(MarkdownHelpReader.Read);
            return MamlWriter.Write(pages);
        }

        public static string Write(string repoRoot)
        {
            string path = Path.Combine(repoRoot, RelativeHelpPath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Generate(repoRoot));
            return path;
        }
    }
}
