using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using CallbackLab.PowerShell.Tests.Harness;

namespace CallbackLab.PowerShell.Tests.Contract
{
    /// <summary>Rules that keep the module honest as it grows: every cmdlet, checked from the built module.</summary>
    public sealed class ModuleContractTests
    {
        private static readonly string[] s_commonParameters =
            new[] { "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
                "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm" };

        private static IReadOnlyList<Type> CmdletTypes(ModuleRunspace ps)
        {
            var assembly = (Assembly)ps.Run("(Get-Module CallbackLab).ImplementingAssembly").Values.Single()!;
            return assembly.GetTypes()
                .Where(t => t.GetCustomAttributes(typeof(CmdletAttribute), false).Length > 0)
                .ToList();
        }

        private static string CmdletName(Type type)
        {
            var attribute = (CmdletAttribute)type.GetCustomAttributes(typeof(CmdletAttribute), false)[0];
            return attribute.VerbName + "-" + attribute.NounName;
        }

        private static IReadOnlyList<string> ManifestCmdlets()
        {
            string text = File.ReadAllText(RepoPaths.SourceManifest);
            Match block = Regex.Match(text, @"CmdletsToExport\s*=\s*@\((?<list>[^)]*)\)");
            Assert.True(block.Success, "CmdletsToExport must be an explicit @(...) list");
            return Regex.Matches(block.Groups["list"].Value, "'([^']+)'").Select(m => m.Groups[1].Value).ToList();
        }

        [Fact]
        public void ManifestExportListEqualsTheCmdletsTheAssemblyDefines()
        {
            using var ps = new ModuleRunspace();
            var defined = CmdletTypes(ps).Select(CmdletName).OrderBy(n => n, StringComparer.Ordinal).ToList();
            var exported = ManifestCmdlets().OrderBy(n => n, StringComparer.Ordinal).ToList();

            Assert.NotEmpty(defined);
            Assert.Equal(defined, exported);

            var visible = ps.Run("Get-Command -Module CallbackLab -CommandType Cmdlet | ForEach-Object Name").Values
                .Cast<string>().OrderBy(n => n, StringComparer.Ordinal).ToList();
            Assert.Equal(defined, visible);
        }

        [Fact]
        public void ManifestUsesNoWildcardsAndDeclaresBothEditions()
        {
            string text = File.ReadAllText(RepoPaths.SourceManifest);
            Assert.DoesNotContain("'*'", text);
            Assert.Matches(@"FunctionsToExport\s*=\s*@\(\)", text);
            Assert.Matches(@"VariablesToExport\s*=\s*@\(\)", text);
            Assert.Matches(@"PowerShellVersion\s*=\s*'5\.1'", text);
            Assert.Matches(@"DotNetFrameworkVersion\s*=\s*'4\.7\.2'", text);
            Assert.Matches(@"CompatiblePSEditions\s*=\s*@\('Desktop',\s*'Core'\)", text);
            foreach (string tag in new[] { "PSEdition_Core", "PSEdition_Desktop", "Webex", "WxCC", "ContactCenter" })
            {
                Assert.Contains("'" + tag + "'", text);
            }
        }

        [Fact]
        public void EveryCmdletUsesAnApprovedVerb()
        {
            var approved = new[] { typeof(VerbsCommon), typeof(VerbsCommunications), typeof(VerbsData), typeof(VerbsDiagnostic),
                    typeof(VerbsLifecycle), typeof(VerbsOther), typeof(VerbsSecurity) }
                .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
                .Select(f => (string)f.GetValue(null)!)
                .ToHashSet(StringComparer.Ordinal);

            using var ps = new ModuleRunspace();
            var offenders = CmdletTypes(ps).Select(t => ((CmdletAttribute)t.GetCustomAttributes(typeof(CmdletAttribute), false)[0]).VerbName)
                .Where(v => !approved.Contains(v)).ToList();
            Assert.Empty(offenders);
        }

        [Fact]
        public void EveryCmdletDeclaresOutputTypeAndIsSealed()
        {
            using var ps = new ModuleRunspace();
            var types = CmdletTypes(ps);
            Assert.Empty(types.Where(t => t.GetCustomAttributes(typeof(OutputTypeAttribute), false).Length == 0).Select(CmdletName));
            Assert.Empty(types.Where(t => !t.IsSealed).Select(CmdletName));
            Assert.Empty(types.Where(t => !t.Name.EndsWith("Command", StringComparison.Ordinal)).Select(t => t.Name));
        }

        private static readonly string[] s_stateChangingVerbs =
            { "New", "Set", "Remove", "Start", "Stop", "Restart", "Reset", "Update", "Clear", "Connect", "Disconnect" };

        /// <summary>
        /// State-changing verbs that deliberately have no -WhatIf/-Confirm, and why. Connect-Wxcc and Disconnect-Wxcc change only
        /// this session's default connection: nothing outside the runspace is created, changed or deleted, and the effect ends
        /// with the session. That is the convention of Connect-AzAccount, Connect-MgGraph and Connect-ExchangeOnline, none of
        /// which supports ShouldProcess; asking "are you sure?" before signing in would only get in the way of scripts.
        /// </summary>
        private static readonly Dictionary<string, string> s_shouldProcessExemptions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Connect-Wxcc"] = "sets only this session's default connection",
            ["Disconnect-Wxcc"] = "forgets only this session's default connection",
        };

        /// <summary>Infrastructure helpers that ask ShouldProcess for the cmdlet they are given (<c>Helper.Method(this, ...)</c>).</summary>
        private static readonly Dictionary<string, string> s_consentHelpers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["RemoteSimulationConsent.Allows"] = Path.Combine("src", "CallbackLab", "Infrastructure", "Simulation", "RemoteSimulationConsent.cs"),
        };

        private static IEnumerable<(Type Type, CmdletAttribute Attribute)> CmdletsWithAttributes(ModuleRunspace ps) =>
            CmdletTypes(ps).Select(t => (t, (CmdletAttribute)t.GetCustomAttributes(typeof(CmdletAttribute), false)[0]));

        private static bool ChangesState(CmdletAttribute attribute, string name) =>
            s_stateChangingVerbs.Contains(attribute.VerbName) && !s_shouldProcessExemptions.ContainsKey(name);

        /// <summary>The code of a C# file without its comments, so a comment that mentions ShouldProcess does not count as a call.</summary>
        private static string CodeOf(string relativePath) =>
            Regex.Replace(File.ReadAllText(Path.Combine(RepoPaths.Root, relativePath)), @"//[^\n]*|/\*.*?\*/", string.Empty, RegexOptions.Singleline);

        [Fact]
        public void EveryStateChangingCmdletSupportsShouldProcess()
        {
            using var ps = new ModuleRunspace();
            var all = CmdletsWithAttributes(ps).ToList();
            var missing = all
                .Where(x => ChangesState(x.Attribute, CmdletName(x.Type)) && !x.Attribute.SupportsShouldProcess)
                .Select(x => CmdletName(x.Type));
            Assert.Empty(missing);

            // The exemptions are exact: each names a cmdlet that exists, and none of them grew a -WhatIf that would go unused.
            var names = all.Select(x => CmdletName(x.Type)).ToHashSet(StringComparer.Ordinal);
            Assert.All(s_shouldProcessExemptions.Keys, name => Assert.Contains(name, names));
            Assert.Empty(all.Where(x => s_shouldProcessExemptions.ContainsKey(CmdletName(x.Type)) && x.Attribute.SupportsShouldProcess).Select(x => CmdletName(x.Type)));
        }

        [Fact]
        public void EveryCmdletThatSupportsShouldProcessReallyCallsIt()
        {
            using var ps = new ModuleRunspace();
            var problems = new List<string>();
            var checkedNames = new List<string>();
            string helperCalls = string.Join("|", s_consentHelpers.Keys.Select(h => Regex.Escape(h) + @"\(\s*this\b"));
            var call = new Regex(@"\bShouldProcess\s*\(|\bShouldContinue\s*\(|" + helperCalls);
            foreach ((Type type, CmdletAttribute attribute) in CmdletsWithAttributes(ps))
            {
                string name = CmdletName(type);
                if (!attribute.SupportsShouldProcess && !ChangesState(attribute, name))
                {
                    continue;
                }

                string source = Path.Combine("src", "CallbackLab", "Commands", type.Name + ".cs");
                if (!File.Exists(Path.Combine(RepoPaths.Root, source)))
                {
                    problems.Add($"{name}: no {source}");
                    continue;
                }

                checkedNames.Add(name);
                if (!call.IsMatch(CodeOf(source)))
                {
                    problems.Add($"{name}: {source} never calls ShouldProcess or ShouldContinue");
                }
            }

            foreach (KeyValuePair<string, string> helper in s_consentHelpers)
            {
                if (!Regex.IsMatch(CodeOf(helper.Value), @"\.ShouldProcess\s*\("))
                {
                    problems.Add($"{helper.Key}: {helper.Value} never calls ShouldProcess");
                }
            }

            Assert.Empty(problems);
            // The check saw the cmdlets that matter, including the simulations that can create a real callback task.
            Assert.Contains("New-WxccCallbackTask", checkedNames);
            Assert.Contains("Remove-DynVars", checkedNames);
            Assert.Contains("Invoke-IvrSimulation", checkedNames);
            Assert.Contains("Test-CallbackFlow", checkedNames);
            Assert.DoesNotContain("Connect-Wxcc", checkedNames);
        }

        [Fact]
        public void EveryCmdletHasADocPageNamingEveryParameter()
        {
            using var ps = new ModuleRunspace();
            var problems = new List<string>();
            foreach (string name in CmdletTypes(ps).Select(CmdletName))
            {
                string page = Path.Combine(RepoPaths.DocsFolder, name + ".md");
                if (!File.Exists(page))
                {
                    problems.Add($"{name}: no docs/en-US/{name}.md");
                    continue;
                }

                string text = File.ReadAllText(page);
                var parameters = ps.Run("(Get-Command $Name).Parameters.Keys", new Dictionary<string, object?> { ["Name"] = name })
                    .Values.Cast<string>().Except(s_commonParameters);
                foreach (string parameter in parameters)
                {
                    if (!Regex.IsMatch(text, @"^### -" + Regex.Escape(parameter) + @"\s*$", RegexOptions.Multiline))
                    {
                        problems.Add($"{name}: the doc page has no '### -{parameter}' section");
                    }
                }
            }

            Assert.Empty(problems);
        }

        [Fact]
        public void ManifestPassesTestModuleManifest()
        {
            using var ps = new ModuleRunspace(importModule: false);
            var result = ps.Run("Test-ModuleManifest -Path $Path", new Dictionary<string, object?> { ["Path"] = RepoPaths.ModuleManifest });
            result.AssertNoErrors();
            var module = (PSModuleInfo)result.Values.Single()!;
            Assert.Equal("CallbackLab", module.Name);
            Assert.Equal(new Version(ReadManifestVersion()), module.Version);
        }

        [Fact]
        public void ImportingTwiceAndRemovingTheModuleWork()
        {
            using var ps = new ModuleRunspace(importModule: false);
            var vars = new Dictionary<string, object?> { ["Path"] = RepoPaths.ModuleManifest };
            ps.Run("Import-Module $Path -ErrorAction Stop; Import-Module $Path -Force -ErrorAction Stop", vars).AssertNoErrors();
            Assert.Equal(1, ps.Run("@(Get-Module CallbackLab).Count").Values.Single());
            ps.Run("Remove-Module CallbackLab -ErrorAction Stop").AssertNoErrors();
            Assert.Equal(0, ps.Run("@(Get-Module CallbackLab).Count").Values.Single());
            ps.Run("Import-Module $Path -ErrorAction Stop", vars).AssertNoErrors();
            Assert.Equal("b", ps.Run("'{\"a\":\"b\"}' | Select-JsonPath '$.a'").Values.Single());
        }

        [Fact]
        public void RemovingTheModuleStopsTheEmulatorsItStartedAndReleasesTheirPorts()
        {
            using var ps = new ModuleRunspace();
            int port = (int)ps.Run("(Start-CallbackLabEmulator).Port").AssertNoErrors().Values.Single()!;
            Assert.True(CanConnect(port));
            ps.Run("Remove-Module CallbackLab -ErrorAction Stop").AssertNoErrors();
            Assert.False(CanConnect(port));
        }

        private static bool CanConnect(int port)
        {
            using var client = new System.Net.Sockets.TcpClient();
            try
            {
                client.Connect(System.Net.IPAddress.Loopback, port);
                return true;
            }
            catch (System.Net.Sockets.SocketException)
            {
                return false;
            }
        }

        [Fact]
        public void TheBuiltModuleFolderHoldsOnlyWhatTheModuleNeeds()
        {
            var files = Directory.GetFiles(RepoPaths.ModuleFolder).Select(Path.GetFileName).ToList();
            Assert.Contains("CallbackLab.psd1", files);
            Assert.Contains("CallbackLab.dll", files);
            Assert.Contains("CallbackLab.Core.dll", files);
            Assert.Contains("Newtonsoft.Json.dll", files);
            Assert.DoesNotContain("System.Management.Automation.dll", files);
            Assert.DoesNotContain(files, f => f!.Contains("Test", StringComparison.OrdinalIgnoreCase) || f.Contains("xunit", StringComparison.OrdinalIgnoreCase));

            var newtonsoft = AssemblyName.GetAssemblyName(Path.Combine(RepoPaths.ModuleFolder, "Newtonsoft.Json.dll"));
            Assert.Equal(new Version(13, 0, 0, 0), newtonsoft.Version);
            Assert.Equal(File.ReadAllText(RepoPaths.SourceManifest), File.ReadAllText(RepoPaths.ModuleManifest));
        }

        private static string ReadManifestVersion() =>
            Regex.Match(File.ReadAllText(RepoPaths.SourceManifest), @"ModuleVersion\s*=\s*'([0-9.]+)'").Groups[1].Value;
    }
}
