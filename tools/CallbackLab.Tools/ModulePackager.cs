using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace CallbackLab.Tools
{
    /// <summary>
    /// Lays out the versioned module folder (artifacts/CallbackLab/&lt;version&gt;) and a PowerShell Gallery style
    /// .nupkg (artifacts/feed/CallbackLab.&lt;version&gt;.nupkg) holding the module files at the package root.
    /// </summary>
    public static class ModulePackager
    {
        /// <summary>Repository files that ship beside the module because the manifest points at them.</summary>
        public static readonly string[] ShippedRepositoryFiles = { "LICENSE", "CHANGELOG.md" };

        /// <param name="repoRoot">The repository: LICENSE and CHANGELOG.md, which the manifest points at, are shipped from there.</param>
        /// <param name="artifactsRoot">Where the versioned folder and the feed go (artifacts/ by default).</param>
        /// <param name="moduleFolder">The built module folder to package (out/CallbackLab by default).</param>
        public static string Package(string repoRoot, string? artifactsRoot = null, string? moduleFolder = null)
        {
            artifactsRoot ??= Path.Combine(repoRoot, "artifacts");
            moduleFolder ??= Path.Combine(repoRoot, "out", "CallbackLab");
            string manifestPath = Path.Combine(moduleFolder, "CallbackLab.psd1");
            if (!File.Exists(manifestPath))
            {
                throw new InvalidOperationException($"Build the module first: {manifestPath} does not exist.");
            }

            string manifest = File.ReadAllText(manifestPath);
            string version = Field(manifest, "ModuleVersion");
            string target = Path.Combine(artifactsRoot, "CallbackLab", version);
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            Directory.CreateDirectory(target);

            var files = Directory.GetFiles(moduleFolder, "*", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
            foreach (string file in files)
            {
                string destination = Path.Combine(target, Path.GetRelativePath(moduleFolder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(file, destination);
            }

            // The manifest's LicenseUri and ReleaseNotes name these files: the installed module carries them.
            foreach (string shipped in ShippedRepositoryFiles)
            {
                File.Copy(Path.Combine(repoRoot, shipped), Path.Combine(target, shipped));
            }

            string feed = Path.Combine(artifactsRoot, "feed");
            Directory.CreateDirectory(feed);
            string nupkg = Path.Combine(feed, $"CallbackLab.{version}.nupkg");
            if (File.Exists(nupkg)) File.Delete(nupkg);
            using (ZipArchive zip = ZipFile.Open(nupkg, ZipArchiveMode.Create))
            {
                AddText(zip, "CallbackLab.nuspec", Nuspec(manifest, version));
                foreach (string file in Directory.GetFiles(target, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
                {
                    zip.CreateEntryFromFile(file, Path.GetRelativePath(target, file).Replace('\\', '/'));
                }

                AddText(zip, "[Content_Types].xml",
                    "<?xml version=\"1.0\" encoding=\"utf-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\" />" +
                    "<Default Extension=\"nuspec\" ContentType=\"application/octet\" />" +
                    "<Default Extension=\"dll\" ContentType=\"application/octet\" /><Default Extension=\"xml\" ContentType=\"application/octet\" />" +
                    "<Default Extension=\"psd1\" ContentType=\"application/octet\" /><Default Extension=\"ps1xml\" ContentType=\"application/octet\" />" +
                    "<Default Extension=\"txt\" ContentType=\"application/octet\" /><Default Extension=\"json\" ContentType=\"application/octet\" />" +
                    "<Default Extension=\"md\" ContentType=\"application/octet\" /><Override PartName=\"/LICENSE\" ContentType=\"application/octet\" /></Types>");
                AddText(zip, "_rels/.rels",
                    "<?xml version=\"1.0\" encoding=\"utf-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                    "<Relationship Type=\"http://schemas.microsoft.com/packaging/2010/07/manifest\" Target=\"/CallbackLab.nuspec\" Id=\"R0\" /></Relationships>");
            }

            return nupkg;
        }

        private static string Nuspec(string manifest, string version)
        {
            string cmdlets = Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\((?<list>[^)]*)\)").Groups["list"].Value;
            var names = Regex.Matches(cmdlets, "'([^']+)'").Select(m => m.Groups[1].Value).ToList();
            var tags = Regex.Matches(Regex.Match(manifest, @"Tags\s*=\s*@\((?<list>[^)]*)\)").Groups["list"].Value, "'([^']+)'")
                .Select(m => m.Groups[1].Value)
                .Concat(new[] { "PSModule", "PSIncludes_Cmdlet" })
                .Concat(names.Select(n => "PSCmdlet_" + n))
                .Concat(names.Select(n => "PSCommand_" + n));
            var sb = new StringBuilder();
            sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
            sb.Append("<package xmlns=\"http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd\">\n  <metadata>\n");
            sb.Append(CultureInfo.InvariantCulture, $"    <id>CallbackLab</id>\n    <version>{version}</version>\n");
            sb.Append(CultureInfo.InvariantCulture, $"    <authors>{Esc(Field(manifest, "Author"))}</authors>\n");
            sb.Append(CultureInfo.InvariantCulture, $"    <owners>{Esc(Field(manifest, "CompanyName"))}</owners>\n");
            sb.Append("    <requireLicenseAcceptance>false</requireLicenseAcceptance>\n");
            sb.Append("    <license type=\"expression\">MIT</license>\n");
            sb.Append(CultureInfo.InvariantCulture, $"    <projectUrl>{Esc(Field(manifest, "ProjectUri"))}</projectUrl>\n");
            sb.Append(CultureInfo.InvariantCulture, $"    <description>{Esc(Field(manifest, "Description"))}</description>\n");
            sb.Append(CultureInfo.InvariantCulture, $"    <releaseNotes>{Esc(Field(manifest, "ReleaseNotes"))}</releaseNotes>\n");
            sb.Append(CultureInfo.InvariantCulture, $"    <copyright>{Esc(Field(manifest, "Copyright"))}</copyright>\n");
            sb.Append(CultureInfo.InvariantCulture, $"    <tags>{Esc(string.Join(" ", tags))}</tags>\n");
            sb.Append("  </metadata>\n</package>\n");
            return sb.ToString();
        }

        private static string Field(string manifest, string name)
        {
            Match match = Regex.Match(manifest, name + @"\s*=\s*'(?<value>[^']*)'");
            if (!match.Success) throw new InvalidOperationException($"The manifest has no {name}.");
            return match.Groups["value"].Value;
        }

        private static string Esc(string text) => SecurityElement.Escape(text) ?? string.Empty;

        private static void AddText(ZipArchive zip, string name, string text)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            writer.Write(text);
        }
    }
}
