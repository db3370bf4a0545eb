using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CallbackLab.PowerShell.Tests.Harness;

namespace CallbackLab.PowerShell.Tests.Contract
{
    /// <summary>Get-Help -Online has somewhere to go: each cmdlet's HelpUri is its page under the manifest's ProjectUri.</summary>
    public sealed class HelpUriContractTests
    {
        [Fact]
        public void EveryCmdletsHelpUriIsItsPageInTheRepositoryTheManifestNames()
        {
            string manifest = File.ReadAllText(RepoPaths.SourceManifest);
            string projectUri = Regex.Match(manifest, @"ProjectUri\s*=\s*'(?<uri>[^']+)'").Groups["uri"].Value;
            Assert.StartsWith("https://", projectUri);
            Assert.Contains(projectUri + "/blob/main/LICENSE", manifest); // LicenseUri names the same repository

            using var ps = new ModuleRunspace();
            var commands = ps.Run("Get-Command -Module CallbackLab -CommandType Cmdlet | ForEach-Object { $_.Name; $_.HelpUri }")
                .AssertNoErrors().Values.Select(v => v?.ToString() ?? string.Empty).ToList();
            Assert.True(commands.Count > 20);
            var problems = new List<string>();
            for (int i = 0; i < commands.Count; i += 2)
            {
                string name = commands[i], helpUri = commands[i + 1];
                string expected = projectUri + "/blob/main/docs/en-US/" + name + ".md";
                if (helpUri != expected)
                    problems.Add($"{name}: HelpUri '{helpUri}', expected '{expected}' (HelpUri = HelpLinks.CmdletPages + \"{name}.md\")");
                if (!File.Exists(Path.Combine(RepoPaths.DocsFolder, name + ".md")))
                    problems.Add($"{name}: HelpUri points at docs/en-US/{name}.md, which does not exist");
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
    }
}
