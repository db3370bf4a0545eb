using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using CallbackLab.PowerShell.Tests.Harness;
using CallbackLab.Tools;

namespace CallbackLab.PowerShell.Tests.Contract
{
    /// <summary>The shipped help is what the markdown says, and the markdown is what the cmdlets really are.</summary>
    public sealed class HelpContractTests
    {
        private static readonly HashSet<string> s_common = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
            "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
        };

        [Fact]
        public void TheCommittedMamlIsWhatTheMarkdownGenerates()
        {
            string committed = File.ReadAllText(Path.Combine(RepoPaths.Root, HelpBuilder.RelativeHelpPath));
            string generated = HelpBuilder.Generate(RepoPaths.Root);
            Assert.True(committed == generated,
                "src/CallbackLab/en-US/CallbackLab.dll-Help.xml is out of date: run `dotnet run --project tools/CallbackLab.Tools -- help`.");
        }

        [Fact]
        public void TheCommittedAboutTopicsAreWhatTheirMarkdownGenerates()
        {
            var topics = HelpBuilder.GenerateAboutTopics(RepoPaths.Root).ToList();
            Assert.Contains(topics, t => t.FileName == "about_CallbackLab.help.txt");
            foreach ((string fileName, string text) in topics)
            {
                string committed = File.ReadAllText(Path.Combine(RepoPaths.Root, HelpBuilder.RelativeHelpFolder, fileName));
                Assert.True(committed == text, fileName + " is out of date: run `dotnet run --project tools/CallbackLab.Tools -- help`.");
            }
        }

        [Fact]
        public void TheMarkdownMatchesEveryCmdletsRealParameters()
        {
            using var ps = new ModuleRunspace();
            var problems = new List<string>();
            var commands = ps.Run("Get-Command -Module CallbackLab -CommandType Cmdlet").Values.Cast<CmdletInfo>().ToList();
            Assert.NotEmpty(commands);
            foreach (CmdletInfo command in commands)
            {
                string page = Path.Combine(RepoPaths.DocsFolder, command.Name + ".md");
                if (!File.Exists(page))
                {
                    problems.Add(command.Name + ": no page");
                    continue;
                }

                CommandHelp help = MarkdownHelpReader.Read(page);
                if (help.Examples.Count < 2) problems.Add(command.Name + ": fewer than two examples");
                if (string.IsNullOrWhiteSpace(help.Synopsis)) problems.Add(command.Name + ": no synopsis");
                if (help.Outputs.Count == 0) problems.Add(command.Name + ": no OUTPUTS section");

                foreach (ParameterMetadata real in command.Parameters.Values.Where(p => !s_common.Contains(p.Name)))
                {
                    HelpParameter? doc = help.Parameters.FirstOrDefault(p => p.Name == real.Name);
                    if (doc == null)
                    {
                        problems.Add($"{command.Name} -{real.Name}: not documented");
                        continue;
                    }

                    string realType = TypeName(real.ParameterType);
                    if (!string.Equals(doc.Type, realType, StringComparison.Ordinal))
                        problems.Add($"{command.Name} -{real.Name}: doc type '{doc.Type}', real '{realType}'");

                    var realAliases = real.Aliases.OrderBy(a => a, StringComparer.OrdinalIgnoreCase).ToList();
                    var docAliases = doc.Aliases.OrderBy(a => a, StringComparer.OrdinalIgnoreCase).ToList();
                    if (!realAliases.SequenceEqual(docAliases, StringComparer.OrdinalIgnoreCase))
                        problems.Add($"{command.Name} -{real.Name}: doc aliases [{string.Join(",", docAliases)}], real [{string.Join(",", realAliases)}]");

                    bool mandatory = real.ParameterSets.Values.Any(s => s.IsMandatory);
                    if (doc.Required != mandatory)
                        problems.Add($"{command.Name} -{real.Name}: doc Required {doc.Required}, real {mandatory}");

                    bool byValue = real.ParameterSets.Values.Any(s => s.ValueFromPipeline);
                    bool byName = real.ParameterSets.Values.Any(s => s.ValueFromPipelineByPropertyName);
                    if (doc.PipelineInput.Contains("ByValue", StringComparison.Ordinal) != byValue
                        || doc.PipelineInput.Contains("ByPropertyName", StringComparison.Ordinal) != byName)
                        problems.Add($"{command.Name} -{real.Name}: doc pipeline input '{doc.PipelineInput}', real ByValue={byValue} ByPropertyName={byName}");
                }

                foreach (HelpParameter extra in help.Parameters.Where(d => !command.Parameters.ContainsKey(d.Name)))
                    problems.Add($"{command.Name} -{extra.Name}: documented but the cmdlet has no such parameter");
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void GetHelpShowsTheShippedHelpForEveryCmdlet()
        {
            using var ps = new ModuleRunspace();
            var names = ps.Run("Get-Command -Module CallbackLab -CommandType Cmdlet | ForEach-Object Name").Values.Cast<string>().ToList();
            foreach (string name in names)
            {
                CommandHelp doc = MarkdownHelpReader.Read(Path.Combine(RepoPaths.DocsFolder, name + ".md"));
                var result = ps.Run("$h = Get-Help $Name -Full; $h.Synopsis; @($h.Examples.Example | Where-Object { $_ }).Count; @($h.Parameters.Parameter | Where-Object { $_ }).Count",
                    new Dictionary<string, object?> { ["Name"] = name }).AssertNoErrors();
                Assert.Equal((name, (object?)doc.Synopsis), (name, result.Values[0]));
                Assert.Equal((name, (object?)doc.Examples.Count), (name, result.Values[1]));
                Assert.Equal((name, (object?)doc.Parameters.Count), (name, result.Values[2]));
            }
        }

        [Fact]
        public void AboutCallbackLabIsShipped()
        {
            using var ps = new ModuleRunspace();
            var text = string.Join("\n", ps.Run("Get-Help about_CallbackLab").Values.Select(v => v?.ToString()));
            Assert.Contains("about_CallbackLab", text);
            Assert.Contains("Start-CallbackLabEmulator", text);
        }

        private static string TypeName(Type type)
        {
            if (type == typeof(SwitchParameter)) return "SwitchParameter";
            if (type.IsArray) return TypeName(type.GetElementType()!) + "[]";
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Nullable<>)) return TypeName(type.GetGenericArguments()[0]);
            return type.Name;
        }
    }
}
