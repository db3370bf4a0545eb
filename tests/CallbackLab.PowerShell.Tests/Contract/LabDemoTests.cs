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
            var result = ps.Run("& $Script -ManifestPath $Manifest", new Dictionary<string, object?>
            {
                ["Script"] = Path.Combine(RepoPaths.Root, "examples", "Invoke-LabDemo.ps1"),
                ["Manifest"] = RepoPaths.ModuleManifest,
            }).AssertNoErrors();

            var steps = result.Output.Select(o => (Step: (string)o.Properties["Step"].Value, Result: o.Properties["Result"].Value?.ToString())).ToList();
            Assert.Equal("dn=4694096861 outdialcbid=" + LabSeedIds.OutboundEntryPoint + " customANI=14085267209", steps[0].Result);
            Assert.StartsWith("Unexpected token of value \"123\" and type NUMBER, expected token of type NAME", steps[1].Result);
            Assert.Contains(steps, s => s.Step.EndsWith("OnGlobalError/CallBackAPI_Request", System.StringComparison.Ordinal) && s.Result!.Contains("201"));
            Assert.Contains(steps, s => s.Step.EndsWith("OnGlobalError/HTTPStatusCode", System.StringComparison.Ordinal) && s.Result!.StartsWith("true"));
            Assert.Equal("1 callback task(s) created, HTTP 201", steps[^2].Result);
            Assert.Equal(("Test-CallbackFlow", "PASSED: OnGlobalError ran, CallBackAPI_Request answered 201, HTTPStatusCode took True"), (steps[^1].Step, steps[^1].Result));

            // The demo stops its emulator: nothing is left running in the session.
            Assert.Empty(ps.Run("Get-CallbackLabEmulator").Output);
        }
    }
}
