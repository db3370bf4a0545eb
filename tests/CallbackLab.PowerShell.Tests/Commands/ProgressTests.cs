using System.Linq;
using System.Management.Automation;
using CallbackLab.PowerShell.Tests.Commands.Api;
using CallbackLab.PowerShell.Tests.Harness;

namespace CallbackLab.PowerShell.Tests.Commands
{
    /// <summary>
    /// Progress belongs to bulk pipelines only: one quick call writes no ProgressRecord, three piped inputs do and end with
    /// a Completed record. Twin of tests/Pester/Api.Tests.ps1 and Flows.Tests.ps1 ("progress").
    /// </summary>
    public sealed class ProgressTests
    {
        private const string ThreeRows =
            "'2145550001', '2145550002', '2145550003' | ForEach-Object { [pscustomobject]@{ dn = $_; outboundcallbackep = 'ep'; tacnumber = '1' } }";

        [Theory]
        [InlineData("New-DynVars -Dn 2145550001 -OutboundCallbackEp ep -TacNumber 1")]
        [InlineData("Set-DynVars -Id 1 -TacNumber 9")]
        [InlineData("Remove-DynVars -Id 1")]
        [InlineData("Get-DynVars -Id 2 | Remove-DynVars")]
        public void OneDynVarsChangeWritesNoProgress(string script)
        {
            using var lab = new EmulatorScope();
            var result = lab.Run(script + " | Out-Null").AssertNoErrors();
            Assert.Empty(result.Progress);
        }

        [Theory]
        [InlineData(ThreeRows + " | New-DynVars")]
        [InlineData("'1', '2', '3' | ForEach-Object { [pscustomobject]@{ Id = $_ } } | Remove-DynVars")]
        [InlineData("'1', '2', '3' | ForEach-Object { [pscustomobject]@{ Id = $_; TacNumber = '9' } } | Set-DynVars")]
        public void ThreePipedDynVarsChangesWriteProgressThatEndsCompleted(string script)
        {
            using var lab = new EmulatorScope();
            var result = lab.Run(script + " | Out-Null").AssertNoErrors();
            Assert.Equal(2, result.Progress.Count(p => p.RecordType == ProgressRecordType.Processing));
            Assert.Contains(result.Progress, p => p.StatusDescription.Contains("3 done, 0 failed"));
            Assert.Equal(ProgressRecordType.Completed, result.Progress.Last().RecordType);
        }

        [Theory]
        [InlineData("Invoke-IvrSimulation -Digits 3")]
        [InlineData("Invoke-IvrSimulation -Digits 3 -ThrottleLimit 4")]
        [InlineData("[pscustomobject]@{ Digits = '3' } | Invoke-IvrSimulation -ThrottleLimit 4")]
        public void OneSimulatedCallerWritesNoProgress(string script)
        {
            using var lab = new EmulatorScope();
            var result = lab.Run("(" + script + ").Outcome.ToString()").AssertNoErrors();
            Assert.Equal(new object?[] { "GlobalError" }, result.Values);
            Assert.Empty(result.Progress);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(4)]
        public void ThreePipedCallersWriteProgressThatEndsCompleted(int throttleLimit)
        {
            using var lab = new EmulatorScope();
            var result = lab.Run(
                "@('a', 'b', 'c' | ForEach-Object { [pscustomobject]@{ Ani = $_; Digits = '3' } } | Invoke-IvrSimulation -ThrottleLimit " + throttleLimit + ").Count")
                .AssertNoErrors();
            Assert.Equal(new object?[] { 3 }, result.Values);
            Assert.Contains(result.Progress, p => p.RecordType == ProgressRecordType.Processing);
            Assert.Contains(result.Progress, p => p.StatusDescription == "3 simulated");
            Assert.Equal(ProgressRecordType.Completed, result.Progress.Last().RecordType);
        }
    }
}
