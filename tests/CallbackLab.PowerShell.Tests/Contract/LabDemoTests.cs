using System.Collections.Generic;
using System.IO;
using System.Linq;
using CallbackLab.PowerShell.Tests.Harness;

namespace CallbackLab.PowerShell.Tests.Contract
{
    /// <summary>The README's main job (build.ps1 -Task Demo runs examples/Invoke-LabDemo.ps1) works, here in the real engine.</summary>
    public sealed class LabDemoTests
    {
        [Fact]
        public void TheLabDemoRunsTheLabEndToEndAgainstTheEmulatorAndPasses()
        {
            using var ps = new ModuleRunspace(importModule: false);
            var result = ps.Run("& $Script -ManifestPath $Manifest; $LASTEXITCODE", new Dictionary<string, object?>
            {
                ["Script"] = Path.Combine(RepoPaths.Root, "examples", "Invoke-LabDemo.ps1"),
                ["Manifest"] = RepoPaths.ModuleManifest,
            }).AssertNoErrors();

            var lines = result.Values.Take(result.Values.Count - 1).Cast<string>().ToList();
            Assert.Equal(0, result.Values[^1]);
            Assert.All(lines, line => Assert.True(line.Length <= 80, "longer than 80 columns: " + line));
            Assert.Contains("    dn            4694096861", lines);
            Assert.Contains("    outdialcbid   " + LabSeedIds.OutboundEntryPoint, lines);
            Assert.Contains("    customANI     14085267209", lines);
            Assert.Contains(lines, l => l.StartsWith("    EXPECTED      the lab's deliberate error", System.StringComparison.Ordinal));
            Assert.Contains("Unexpected token of value \"123\" and type NUMBER, expected token of type NAME", string.Join(" ", lines.Select(l => l.Trim())));
            Assert.Contains("     2. Main/WantCallback -> pressed 3", lines);
            Assert.Contains("     3. Main/GET_CBID -> HTTP 200", lines);
            Assert.Contains("     7. OnGlobalError/CallBackAPI_Request -> HTTP 201", lines);
            Assert.Contains("     8. OnGlobalError/HTTPStatusCode -> true branch", lines);
            Assert.Contains("    tasks         1 callback task(s) created with HTTP 201", lines);
            Assert.Equal("PASSED: the callback on global error lab works end to end.", lines[^1]);
            Assert.Single(lines, l => l.StartsWith("PASSED", System.StringComparison.Ordinal) || l.StartsWith("FAILED", System.StringComparison.Ordinal));

            // The demo stops its emulator: nothing is left running in the session.
            Assert.Empty(ps.Run("Get-CallbackLabEmulator").Output);
        }

        [Fact]
        public void TheLabDemoEndsWithFailedAndExitCodeOneWhenTheLabFails()
        {
            // A DNIS with no DynVars record: GET_CBID finds nothing, the callback task is refused, the lab fails.
            using var ps = new ModuleRunspace(importModule: false);
            var result = ps.Run("& $Script -ManifestPath $Manifest -Dnis +19999999999; $LASTEXITCODE", new Dictionary<string, object?>
            {
                ["Script"] = Path.Combine(RepoPaths.Root, "examples", "Invoke-LabDemo.ps1"),
                ["Manifest"] = RepoPaths.ModuleManifest,
            });

            var lines = result.Values.Take(result.Values.Count - 1).Select(v => v?.ToString() ?? string.Empty).ToList();
            Assert.Equal(1, result.Values[^1]);
            Assert.Equal("FAILED: the callback on global error lab did not pass (see above).", lines[^1]);
            Assert.Empty(ps.Run("Get-CallbackLabEmulator").Output);
        }
    }
}
