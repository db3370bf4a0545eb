using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CallbackLab.Tools
{
    /// <summary>
    /// Builds src/CallbackLab/en-US/CallbackLab.dll-Help.xml from docs/en-US/Verb-Noun.md, and
    /// src/CallbackLab/en-US/about_X.help.txt from docs/en-US/about_X.md.
    /// </summary>
    public static class HelpBuilder
    {
        public const string RelativeHelpPath = "src/CallbackLab/en-US/CallbackLab.dll-Help.xml";

        public const string RelativeHelpFolder = "src/CallbackLab/en-US";

        /// <summary>Every about topic: its file name in the module's en-US folder and its generated text.</summary>
        public static IEnumerable<(string FileName, string Text)> GenerateAboutTopics(string repoRoot) =>
            Directory.GetFiles(Path.Combine(repoRoot, "docs", "en-US"), "about_*.md")
                .OrderBy(f => f, System.StringComparer.Ordinal)
                .Select(f => (Path.GetFileNameWithoutExtension(f) + ".help.txt", AboutTopicWriter.Write(File.ReadAllText(f))));

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
            foreach ((string fileName, string text) in GenerateAboutTopics(repoRoot))
            {
                File.WriteAllText(Path.Combine(repoRoot, RelativeHelpFolder, fileName), text);
            }

            return path;
        }
    }
}
