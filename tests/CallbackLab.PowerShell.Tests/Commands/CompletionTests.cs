using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CallbackLab.PowerShell.Tests.Harness;

namespace CallbackLab.PowerShell.Tests.Commands
{
    /// <summary>Tab completion as a user gets it: TabExpansion2 over the real module.</summary>
    public sealed class CompletionTests
    {
        private static IReadOnlyList<string> Complete(ModuleRunspace ps, string line)
        {
            var result = ps.Run("(TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | ForEach-Object CompletionText",
                new Dictionary<string, object?> { ["Line"] = line }).AssertNoErrors();
            return result.Values.Cast<string>().ToList();
        }

        [Fact]
        public void RegionCompletesTheWxccDataCenters()
        {
            using var ps = new ModuleRunspace();
            Assert.Equal(new[] { "us1" }, Complete(ps, "Connect-Wxcc -Region u"));
            Assert.Equal(new[] { "eu1", "eu2" }, Complete(ps, "Connect-Wxcc -Region e"));
        }

        [Fact]
        public void BuildScriptTaskCompletesItsTasks()
        {
            using var ps = new ModuleRunspace(importModule: false);
            string build = System.IO.Path.Combine(RepoPaths.Root, "build.ps1");
            Assert.Equal(new[] { "Demo", "Docs" }, Complete(ps, $"& '{build}' -Task D"));
            Assert.Equal(new[] { "Build", "Clean", "Demo", "Docs", "Package", "Pester", "Test" }, Complete(ps, $"& '{build}' -Task "));
        }

        [Fact]
        public void DnAndDnisCompleteFromTheSessionsMockApiEndpoint()
        {
            using var ps = new ModuleRunspace();
            ps.Run("$null = Start-CallbackLabEmulator").AssertNoErrors();
            Assert.Equal(new[] { "4694096861" }, Complete(ps, "Get-DynVars -Dn 469"));
            Assert.Equal(new[] { "+14694096861" }, Complete(ps, "Get-DynVars -Dnis +1469"));
            Assert.Equal(new[] { "+14694096861" }, Complete(ps, "Get-DynVars -Dnis 469"));
            Assert.Equal(5, Complete(ps, "Get-DynVars -Dn ").Count);
            Assert.Empty(Complete(ps, "Get-DynVars -Dn 000"));

            // A record provisioned in this session is offered at once, not after the completion cache expires.
            ps.Run("$null = New-DynVars -Dn 0001112222 -OutboundCallbackEp " + LabSeedIds.OutboundEntryPoint + " -TacNumber 14085267209").AssertNoErrors();
            Assert.Equal(new[] { "0001112222" }, Complete(ps, "Get-DynVars -Dn 000"));
            ps.Run("Get-CallbackLabEmulator | Stop-CallbackLabEmulator").AssertNoErrors();
        }

        [Fact]
        public void SimulationDnisCompletesFromTheEmulatorAndActivityNamesFromTheLabFlow()
        {
            using var ps = new ModuleRunspace();
            ps.Run("$null = Start-CallbackLabEmulator").AssertNoErrors();
            Assert.Equal(new[] { "+14694096861" }, Complete(ps, "Invoke-IvrSimulation -Dnis +1469"));
            Assert.Equal(new[] { "+14694096861" }, Complete(ps, "Test-CallbackFlow -Dnis +1469"));
            Assert.Equal(new[] { "CallBackAPI_Request", "Callback", "CallbackConfirmation" }.OrderBy(n => n, System.StringComparer.OrdinalIgnoreCase),
                Complete(ps, "Test-CallbackFlow -RequestActivity Callb"));
            Assert.Equal(new[] { "HTTPStatusCode" }, Complete(ps, "Test-CallbackFlow -ConditionActivity HTTP"));
            ps.Run("Get-CallbackLabEmulator | Stop-CallbackLabEmulator").AssertNoErrors();
        }

        [Fact]
        public void WithNothingSetUpCompletersNeverContactThePublicProject()
        {
            using var ps = new ModuleRunspace();
            // The session's public MockAPI fallback is made a local emulator (-NoDefault, so nothing is set up), so a request
            // to "the public project" would show in its journal.
            ps.Run(
                "$public = Start-CallbackLabEmulator -NoDefault; " +
                "$type = (Get-Module CallbackLab).ImplementingAssembly.GetType('CallbackLab.Infrastructure.CallbackLabSession'); " +
                "$session = $type.GetProperty('Current', [Reflection.BindingFlags]'NonPublic,Static').GetValue($null); " +
                "$type.GetMethod('ReplaceDefaults', [Reflection.BindingFlags]'NonPublic,Instance').Invoke($session, @(, [CallbackLab.Core.Wxcc.EndpointDefaults]::new($public.MockApiUri)))")
                .AssertNoErrors();

            Assert.Empty(Complete(ps, "Get-DynVars -Dn 469"));
            Assert.Empty(Complete(ps, "Get-DynVars -Dnis +1469"));
            Assert.Empty(Complete(ps, "Remove-DynVars -Id "));
            Assert.Empty(Complete(ps, "Invoke-IvrSimulation -Dnis +1469"));
            Assert.Empty(Complete(ps, "Test-CallbackFlow -Dnis +1469"));
            Assert.Empty(ps.Run("Get-CallbackLabRequest -Emulator $public").AssertNoErrors().Output);

            // The control: a cmdlet (not a completer) with nothing set up does read the public project, here the local stand-in.
            ScriptResult read = ps.Run("(Get-DynVars -Dnis +14694096861 -WarningAction SilentlyContinue).TacNumber; @(Get-CallbackLabRequest -Emulator $public).Count");
            Assert.Equal(new object?[] { "14085267209", 1 }, read.AssertNoErrors().Values);
            ps.Run("Get-CallbackLabEmulator | Stop-CallbackLabEmulator").AssertNoErrors();
        }

        [Fact]
        public void DnCompletesFromATypedMockApiUriAndNothingWhenItIsUnreachable()
        {
            using var ps = new ModuleRunspace();
            var uri = ps.Run("(Start-CallbackLabEmulator -NoDefault).MockApiUri").AssertNoErrors().Values.Single()!.ToString();
            Assert.Equal(new[] { "2147751365" }, Complete(ps, $"Get-DynVars -MockApiUri {uri} -Dn 214"));
            Assert.Empty(Complete(ps, "Get-DynVars -MockApiUri http://127.0.0.1:9/flowdesigner/Lab -Dn 4"));
            ps.Run("Get-CallbackLabEmulator | Stop-CallbackLabEmulator").AssertNoErrors();
        }
    }
}
