using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using CallbackLab.PowerShell.Tests.Harness;

namespace CallbackLab.PowerShell.Tests.Contract
{
    /// <summary>The repository's PowerShell scripts (build.ps1, examples, Pester suites) parse, and the demo runs.</summary>
    public sealed class ScriptTests
    {
        public static IEnumerable<object[]> Scripts() =>
            new[] { "build.ps1" }
                .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "examples"), "*.ps1").Select(f => Path.GetRelativePath(RepoPaths.Root, f)))
                .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "Pester"), "*.ps1").Select(f => Path.GetRelativePath(RepoPaths.Root, f)))
                .Select(f => new object[] { f });

        [Theory]
        [MemberData(nameof(Scripts))]
        public void EveryScriptParsesWithoutErrors(string relativePath)
        {
            Parser.ParseFile(Path.Combine(RepoPaths.Root, relativePath), out _, out ParseError[] errors);
            Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => $"{e.Extent.StartLineNumber}:{e.Extent.StartColumnNumber} {e.Message}")));
        }

        [Fact]
        public void PesterSuitesImportTheBuiltModuleOnlyThroughTheSharedManifestPath()
        {
            foreach (string file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "Pester"), "*.Tests.ps1"))
            {
                string text = File.ReadAllText(file);
                Assert.Contains("CALLBACKLAB_MANIFEST", text);
                Assert.Contains("BeforeAll", text);
            }
        }
    }
}
