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

        /// <summary>
        /// A static check beside the Pester run (.ci/run, build.ps1 -Task Pester), so that `dotnet test` alone catches it too:
        /// every call of a CallbackLab cmdlet in the Pester suites and the examples uses parameters the cmdlet really has
        /// (or unambiguous prefixes).
        /// </summary>
        [Fact]
        public void ScriptsCallCallbackLabCmdletsOnlyWithParametersTheyHave()
        {
            using var ps = new ModuleRunspace();
            var commands = ps.Run("Get-Command -Module CallbackLab -CommandType Cmdlet").Values.Cast<System.Management.Automation.CmdletInfo>()
                .ToDictionary(c => c.Name, System.StringComparer.OrdinalIgnoreCase);
            var common = new[] { "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
                "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm", "vb", "db", "ea",
                "wa", "infa", "proga", "ev", "wv", "iv", "ov", "ob", "pv", "wi", "cf" };
            var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "Pester"), "*.ps1")
                .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "examples"), "*.ps1"));
            var problems = new List<string>();
            int checkedCalls = 0;
            foreach (string file in files)
            {
                Ast ast = Parser.ParseFile(file, out _, out _);
                foreach (CommandAst call in ast.FindAll(a => a is CommandAst, searchNestedScriptBlocks: true).Cast<CommandAst>())
                {
                    string? name = call.GetCommandName();
                    if (name == null || !commands.TryGetValue(name, out var command)) continue;
                    checkedCalls++;
                    foreach (CommandParameterAst parameter in call.CommandElements.OfType<CommandParameterAst>())
                    {
                        string used = parameter.ParameterName;
                        var matches = command.Parameters.Values
                            .Where(p => p.Name.Equals(used, System.StringComparison.OrdinalIgnoreCase)
                                        || p.Aliases.Any(a => a.Equals(used, System.StringComparison.OrdinalIgnoreCase)))
                            .ToList();
                        if (matches.Count == 0)
                        {
                            matches = command.Parameters.Values.Where(p => p.Name.StartsWith(used, System.StringComparison.OrdinalIgnoreCase)).ToList();
                        }

                        if (matches.Count != 1 && !common.Contains(used, System.StringComparer.OrdinalIgnoreCase))
                        {
                            problems.Add($"{Path.GetFileName(file)}:{parameter.Extent.StartLineNumber} {name} -{used}: " +
                                (matches.Count == 0 ? "no such parameter" : "ambiguous"));
                        }
                    }
                }
            }

            Assert.True(checkedCalls > 100, "expected the suites to call the module's cmdlets, checked " + checkedCalls);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
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
