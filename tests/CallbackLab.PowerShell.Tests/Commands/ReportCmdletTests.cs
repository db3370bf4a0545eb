using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CallbackLab.PowerShell.Tests.Harness;

namespace CallbackLab.PowerShell.Tests.Commands
{
    /// <summary>
    /// Export-IvrSimulationReport, Show-IvrSimulation and Measure-FlowCoverage in the real engine, against the real emulator on
    /// 127.0.0.1. Twin: tests/Pester/Report.Tests.ps1.
    /// </summary>
    public sealed class ReportCmdletTests : IDisposable
    {
        private const string Runs = "$emu = [CallbackLab.Core.Emulator.LabEmulator]::Start($null); " +
            "$runs = try { '1', '2', '3' | ForEach-Object { Invoke-IvrSimulation -Digits $_ -Connection $emu -MockApiUri $emu.MockApiUri } } finally { $emu.Dispose() }; ";

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "callbacklab-report-cmdlets-" + Guid.NewGuid().ToString("N"));

        public ReportCmdletTests()
        {
            Directory.CreateDirectory(_folder);
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private Dictionary<string, object?> Folder() => new Dictionary<string, object?> { ["Folder"] = _folder };

        [Fact]
        public void ExportWritesOnePageForEveryRunAndPassesTheFileThrough()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(Runs + "$f = $runs | Export-IvrSimulationReport -Path ([IO.Path]::Combine($Folder, 'lab.html')) -PassThru -Coverage; " +
                "$f.GetType().FullName; $f.Name; ([regex]::Matches([IO.File]::ReadAllText($f.FullName), '\"outcome\":')).Count", Folder()).AssertNoErrors();
            Assert.Equal(new object?[] { "System.IO.FileInfo", "lab.html", 3 }, result.Values);
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void ExportWritesMermaidForAMarkdownPath()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(Runs + "$runs[2] | Export-IvrSimulationReport -Path ([IO.Path]::Combine($Folder, 'lab.md')); [IO.File]::ReadAllLines([IO.Path]::Combine($Folder, 'lab.md'))[0]", Folder())
                .AssertNoErrors();
            Assert.Equal(new object?[] { "flowchart LR" }, result.Values);
        }

        [Fact]
        public void ExportReportsAMissingFolderAndNoInputWithStableIdsAndWritesNothingUnderWhatIf()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(Runs +
                "$runs | Export-IvrSimulationReport -Path ([IO.Path]::Combine($Folder, 'no/such.html')); " +
                "@() | Export-IvrSimulationReport -Path ([IO.Path]::Combine($Folder, 'none.html')); " +
                "$runs | Export-IvrSimulationReport -Path ([IO.Path]::Combine($Folder, 'whatif.html')) -WhatIf; [IO.File]::Exists([IO.Path]::Combine($Folder, 'whatif.html'))", Folder());
            Assert.True(result.Errors.Count == 2, result.AllMessages);
            Assert.Equal(new[] { "ReportFolderNotFound,CallbackLab.Commands.ExportIvrSimulationReportCommand", "NoSimulationResults,CallbackLab.Commands.ExportIvrSimulationReportCommand" },
                result.Errors.Select(e => e.FullyQualifiedErrorId));
            Assert.Equal("ObjectNotFound", result.Errors[0].CategoryInfo.Category.ToString());
            Assert.Equal(new object?[] { false }, result.Values);
        }

        [Fact]
        public void ExportDrawsTheCanvasOfTheFlowTheResultRanWithoutBeingGivenIt()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                "$run = Invoke-IvrSimulation -Flow $Sample -CallerHangsUpAfter '00:00:30'; " +
                "$run | Export-IvrSimulationReport -Path ([IO.Path]::Combine($Folder, 'a.html')); [IO.File]::ReadAllText([IO.Path]::Combine($Folder, 'a.html'))",
                new Dictionary<string, object?> { ["Folder"] = _folder, ["Sample"] = Path.Combine(RepoPaths.Root, "tests", "TestData", "Flows", "flow_template.json") })
                .AssertNoErrors();
            Assert.DoesNotContain(result.Warnings, w => w.Message.StartsWith("No export of flow", StringComparison.Ordinal));
            string page = (string)result.Values.Single()!;
            Assert.Contains("\"key\":\"main:flow_template\",\"title\":\"Main flow\",\"kind\":\"Main\"", page);
            Assert.Contains("\"missingFlows\":[]", page);
        }

        [Fact]
        public void MeasureFlowCoverageReadsNaturallyInATestAndTakesThePipeline()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(Runs +
                "$c = Measure-FlowCoverage -Flow (Import-WxccFlow -Lab) -InputObject $runs; $c.PortCoverage -ge 0.75; $c.PortsNeverTaken -contains 'WantCallback.timeout'; " +
                "(Measure-FlowCoverage -InputObject $runs[0]).PortCoverage -lt $c.PortCoverage; ($runs | Measure-FlowCoverage).ActivitiesCovered -eq $c.ActivitiesCovered").AssertNoErrors();
            Assert.Equal(new object?[] { true, true, true, true }, result.Values);
        }

        [Fact]
        public void ShowSaysWhereTheFileIsWhenNoBrowserCanOpen()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(Runs + "$env:CALLBACKLAB_BROWSER = 'none'; try { $f = $runs | Show-IvrSimulation -PassThru } finally { $env:CALLBACKLAB_BROWSER = $null }; " +
                "[IO.File]::Exists($f.FullName); $f.FullName; [IO.File]::Delete($f.FullName)").AssertNoErrors();
            Assert.Equal(true, result.Values[0]);
            string path = (string)result.Values[1]!;
            Assert.Single(result.Warnings);
            Assert.Contains(path, result.Warnings[0].Message);
        }
    }
}
