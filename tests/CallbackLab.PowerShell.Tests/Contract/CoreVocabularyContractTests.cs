using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CallbackLab.PowerShell.Tests.Harness;

namespace CallbackLab.PowerShell.Tests.Contract
{
    /// <summary>
    /// Core messages carry no cmdlet vocabulary: no string literal in src/CallbackLab.Core (C# and the report's script) names a cmdlet of the module or
    /// one of its parameters (<c>-Connection</c>). The cmdlet adds that advice itself (RecommendedAction, a warning).
    /// </summary>
    public sealed class CoreVocabularyContractTests
    {
        private static readonly Regex s_literal = new Regex("\"(?:[^\"\\\\]|\\\\.)*\"", RegexOptions.Compiled);

        [Fact]
        public void NoCoreStringNamesACmdletOrAParameter()
        {
            using var ps = new ModuleRunspace();
            List<string> cmdlets = ps.Run("(Get-Command -Module CallbackLab).Name").Values.Cast<string>().ToList();
            List<string> parameters = ps.Run(
                "$common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters; " +
                "Get-Command -Module CallbackLab | ForEach-Object { $_.Parameters.Keys } | Where-Object { $_ -notin $common }")
                .Values.Cast<string>().Distinct(StringComparer.Ordinal).ToList();
            Assert.Contains("Connect-Wxcc", cmdlets);
            Assert.Contains("Connection", parameters);
            var parameter = new Regex(@"(?<![\w-])-(" + string.Join("|", parameters.Select(Regex.Escape)) + @")\b", RegexOptions.Compiled);

            var problems = new List<string>();
            string core = Path.Combine(RepoPaths.Root, "src", "CallbackLab.Core");
            // The report's embedded script is Core text a user reads too.
            foreach (string file in Directory.EnumerateFiles(core, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal))
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            {
                foreach ((string line, int number) in File.ReadLines(file).Select((l, i) => (l, i + 1)))
                {
                    if (line.TrimStart().StartsWith("//", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    foreach (Match literal in s_literal.Matches(line))
                    {
                        string text = literal.Value;
                        string? cmdlet = cmdlets.FirstOrDefault(c => text.Contains(c, StringComparison.OrdinalIgnoreCase));
                        Match named = parameter.Match(text);
                        if (cmdlet != null || named.Success)
                        {
                            problems.Add(Path.GetRelativePath(RepoPaths.Root, file) + ":" + number + ": " + (cmdlet ?? named.Value) + " in " + text);
                        }
                    }
                }
            }

            Assert.Empty(problems);
        }
    }
}
