using System.Linq;
using System.Management.Automation;
using CallbackLab.PowerShell.Tests.Commands.Api;
using CallbackLab.PowerShell.Tests.Harness;

namespace CallbackLab.PowerShell.Tests.Commands
{
    /// <summary>
    /// A simulation whose connector points at a real tenant can create a real callback task, so Invoke-IvrSimulation and
    /// Test-CallbackFlow ask ShouldProcess first; against the emulator (loopback) they never ask.
    /// Twin of tests/Pester/Flows.Tests.ps1 ("Simulations against a real tenant").
    /// </summary>
    public sealed class RemoteSimulationConsentTests
    {
        // Nothing listens at wxcc.invalid (RFC 2606): a run that got past ShouldProcess would fail to connect and say so.
        private const string ConnectRemote = "Connect-Wxcc -Uri https://wxcc.invalid -AccessToken (SS 'remote-token') | Out-Null; ";

        [Fact]
        public void WhatIfAgainstARemoteTenantRunsNoCallerAndSendsNothing()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run(ConnectRemote +
                "Invoke-IvrSimulation -Digits 3 -WhatIf; " +
                "'a', 'b', 'c' | ForEach-Object { [pscustomobject]@{ Ani = $_; Digits = '3' } } | Invoke-IvrSimulation -ThrottleLimit 2 -WhatIf; " +
                "Test-CallbackFlow -WhatIf; $e.TaskCount");
            Assert.Empty(result.AllErrors);
            Assert.Equal(new object?[] { 0 }, result.Values); // only the task count: no simulation result, no test result
            Assert.Empty(result.Progress);
            Assert.Empty(lab.Requests("GET", "*")); // the flow's MockAPI lookup (GET_CBID) never ran
            Assert.Empty(lab.Requests("POST", "*"));
        }

        [Fact]
        public void AgainstTheEmulatorNothingAsksEvenWithConfirmOrWhatIf()
        {
            using var lab = new EmulatorScope();
            // This host cannot prompt: a ShouldProcess call under -Confirm would fail, as New-DynVars -Confirm shows.
            ScriptResult control = lab.Run("New-DynVars 1 ep 2 -Confirm");
            Assert.NotEmpty(control.AllErrors);

            var result = lab.Run(
                "(Invoke-IvrSimulation -Digits 3 -Confirm).Outcome.ToString(); (Invoke-IvrSimulation -Digits 3 -WhatIf).Outcome.ToString(); " +
                "Test-CallbackFlow -Quiet -Confirm; $e.TaskCount").AssertNoErrors();
            Assert.Equal(new object?[] { "GlobalError", "GlobalError", true, 3 }, result.Values);
        }
    }
}
