using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CallbackLab.PowerShell.Tests.Harness;
using CallbackLab.Tools;

namespace CallbackLab.PowerShell.Tests.Contract
{
    /// <summary>The .nupkg that build.ps1 -Task Package produces holds the module and nothing else.</summary>
    public sealed class PackageTests : IDisposable
    {
        private readonly string _artifacts = Path.Combine(Path.GetTempPath(), "callbacklab-package-" + Guid.NewGuid().ToString("N"));

        [Fact]
        public void ThePackageHoldsTheModuleHelpAndFormatsAndNothingElse()
        {
            string nupkg = ModulePackager.Package(RepoPaths.Root, _artifacts);
            string version = Regex.Match(File.ReadAllText(RepoPaths.SourceManifest), @"ModuleVersion\s*=\s*'([0-9.]+)'").Groups[1].Value;
            Assert.Equal($"CallbackLab.{version}.nupkg", Path.GetFileName(nupkg));

            using ZipArchive zip = ZipFile.OpenRead(nupkg);
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            foreach (string required in new[] { "CallbackLab.nuspec", "CallbackLab.psd1", "CallbackLab.dll", "CallbackLab.Core.dll",
                         "Newtonsoft.Json.dll", "en-US/CallbackLab.dll-Help.xml", "en-US/about_CallbackLab.help.txt",
                         "LICENSE", "CHANGELOG.md" })
            {
                Assert.Contains(required, entries);
            }

            Assert.DoesNotContain(entries, e => e.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(entries, e => e.Contains("System.Management.Automation", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(entries, e => e.Contains("PowerShellStandard", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(entries, e => e.Contains("Test", StringComparison.OrdinalIgnoreCase) || e.Contains("xunit", StringComparison.OrdinalIgnoreCase));

            string manifestText = File.ReadAllText(RepoPaths.SourceManifest);
            foreach (Match format in Regex.Matches(Regex.Match(manifestText, @"FormatsToProcess\s*=\s*@\((?<l>[^)]*)\)").Groups["l"].Value, "'([^']+)'"))
            {
                Assert.Contains(format.Groups[1].Value, entries);
            }

            XDocument nuspec;
            using (Stream stream = zip.GetEntry("CallbackLab.nuspec")!.Open())
            {
                nuspec = XDocument.Load(stream);
            }

            XNamespace ns = nuspec.Root!.Name.Namespace;
            XElement metadata = nuspec.Root.Element(ns + "metadata")!;
            Assert.Equal("CallbackLab", metadata.Element(ns + "id")!.Value);
            Assert.Equal(version, metadata.Element(ns + "version")!.Value);
            Assert.Contains("CHANGELOG.md", metadata.Element(ns + "releaseNotes")!.Value, StringComparison.Ordinal);
            string[] tags = metadata.Element(ns + "tags")!.Value.Split(' ');
            Assert.Contains("PSModule", tags);
            Assert.Contains("PSEdition_Desktop", tags);
            using var ps = new ModuleRunspace();
            foreach (string name in ps.Run("Get-Command -Module CallbackLab -CommandType Cmdlet | ForEach-Object Name").Values.Cast<string>())
            {
                Assert.Contains("PSCmdlet_" + name, tags);
            }
        }

        public void Dispose()
        {
            if (Directory.Exists(_artifacts)) Directory.Delete(_artifacts, recursive: true);
        }
    }
}
