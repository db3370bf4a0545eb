using CallbackLab.PowerShell.Tests.Harness;

namespace CallbackLab.PowerShell.Tests.Commands.Api
{
    /// <summary>
    /// The session's resolution order, read through the same internal helpers other areas call
    /// (ResolveConnection / ResolveMockApiUri): explicit parameter, newest of Connect-Wxcc and a started emulator, the lab's MockAPI.
    /// </summary>
    public sealed class SessionResolutionTests
    {
        private const string DefineResolve =
            "function Resolve([string]$Name, $Value) { $t = (Get-Module CallbackLab).ImplementingAssembly.GetType('CallbackLab.Infrastructure.CallbackLabSession'); " +
            "$s = $t.GetProperty('Current', [Reflection.BindingFlags]'NonPublic,Static').GetValue($null); " +
            "try { $t.GetMethod($Name, [Reflection.BindingFlags]'NonPublic,Instance').Invoke($s, @(,$Value)) } catch { $_.Exception.InnerException.GetType().Name } }; ";

        [Fact]
        public void MockApiUriFollowsExplicitThenConnectWxccsMockApiThenTheEmulatorThenTheLabProject()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                EmulatorScope.Helpers + DefineResolve +
                "(Resolve ResolveMockApiUri $null).ToString(); " +
                "$e = Start-CallbackLabEmulator; (Resolve ResolveMockApiUri $null) -eq $e.MockApiUri; " +
                "(Resolve ResolveMockApiUri ([uri]'https://x.mockapi.io/p')).ToString(); " +
                "Connect-Wxcc -Region us1 -AccessToken (SS 't') | Out-Null; (Resolve ResolveMockApiUri $null) -eq $e.MockApiUri; " +
                "Connect-Wxcc -Region us1 -AccessToken (SS 't') -MockApiUri https://y.mockapi.io/q | Out-Null; (Resolve ResolveMockApiUri $null).ToString(); " +
                "Disconnect-Wxcc; (Resolve ResolveMockApiUri $null) -eq $e.MockApiUri; Stop-CallbackLabEmulator; (Resolve ResolveMockApiUri $null).ToString()")
                .AssertNoErrors();
            Assert.Equal(new object?[]
            {
                "https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab", true, "https://x.mockapi.io/p",
                true, "https://y.mockapi.io/q", true,
                "https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab",
            }, result.Values);
        }

        [Fact]
        public void ConnectionFollowsExplicitThenNewestDefaultElseNotConnected()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                EmulatorScope.Helpers + DefineResolve +
                "Resolve ResolveConnection $null; " +
                "$mine = Connect-Wxcc -Region ca1 -AccessToken (SS 't'); (Resolve ResolveConnection $null).Region; " +
                "$e = Start-CallbackLabEmulator; (Resolve ResolveConnection $null).AuthenticationType.ToString(); " +
                "(Resolve ResolveConnection $mine.PSObject.BaseObject).Region; Stop-CallbackLabEmulator; Resolve ResolveConnection $null")
                .AssertNoErrors();
            Assert.Equal(new object?[] { "WxccNotConnectedException", "ca1", "Emulator", "ca1", "WxccNotConnectedException" }, result.Values);
        }
    
        [Fact]
        public void StoppingTheDefaultEmulatorHandsTheDefaultToTheOneStillRunningNotToThePublicProject()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                "$a = Start-CallbackLabEmulator; $b = Start-CallbackLabEmulator\n" +
                "$b | Stop-CallbackLabEmulator\n" +
                "(Get-DynVars -Dnis +14694096861).TacNumber\n" +
                "(Get-DynVars -Dnis +14694096861 | New-WxccCallbackTask).StatusCode\n" +
                "$a.TaskCount\n" +
                "$a | Stop-CallbackLabEmulator").AssertNoErrors();
            Assert.Equal(new object?[] { LabSeedIds.TacNumber, 201, 1 }, result.Values);
        }

        [Fact]
        public void StoppingAnEmulatorKeepsANewerConnectWxccConnection()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                EmulatorScope.Helpers +
                "$a = Start-CallbackLabEmulator; $b = Start-CallbackLabEmulator -NoDefault\n" +
                "Connect-Wxcc -Region ca1 -AccessToken (SS 't') | Out-Null\n" +
                "$b | Stop-CallbackLabEmulator\n" +
                "(Get-WxccConnection).Region\n" +
                "$a | Stop-CallbackLabEmulator\n" +
                "(Get-WxccConnection).Region").AssertNoErrors();
            Assert.Equal(new object?[] { "ca1", "ca1" }, result.Values);
        }

        [Fact]
        public void ConnectWxccWithoutMockApiUriLeavesTheRunningEmulatorServingDynVars()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                "$e = Start-CallbackLabEmulator\n" +
                "Connect-Wxcc -Uri $e.WxccUri -TokenUri $e.TokenUri -ClientId $e.ClientId -ClientSecret $e.ClientSecret -RefreshToken $e.RefreshToken | Out-Null\n" +
                "(Get-DynVars -Dnis +14694096861).OutboundCallbackEp\n" +
                "Invoke-IvrSimulation -Dnis +14694096861 -Digits 3 | Test-CallbackFlow -Quiet\n" +
                "$e | Stop-CallbackLabEmulator").AssertNoErrors();
            Assert.Empty(result.Warnings);
            Assert.Equal(new object?[] { LabSeedIds.OutboundEntryPoint, true }, result.Values);
        }

        [Fact]
        public void ChangingDynVarsWithNothingLocalWarnsThatThePublicLabProjectWouldChange()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                "New-DynVars -Dn 1 -OutboundCallbackEp ep -TacNumber 2 -WhatIf\n" +
                "Remove-DynVars -Id 1 -WhatIf\n" +
                "$e = Start-CallbackLabEmulator\n" +
                "New-DynVars -Dn 1 -OutboundCallbackEp ep -TacNumber 2 -WhatIf\n" +
                "$e | Stop-CallbackLabEmulator").AssertNoErrors();
            Assert.Equal(2, result.Warnings.Count);
            Assert.All(result.Warnings, w => Assert.Contains("shared public MockAPI project (https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab)", w.Message));
        }
    
        [Theory]
        [InlineData("Connect-Wxcc -Region us1 -AccessToken $empty", "AccessToken")]
        [InlineData("Connect-Wxcc -Uri https://wxcc.invalid -ClientId c -ClientSecret $empty -RefreshToken (SS 'r')", "ClientSecret")]
        [InlineData("Connect-Wxcc -Uri https://wxcc.invalid -ClientId c -ClientSecret (SS 's') -RefreshToken $empty", "RefreshToken")]
        public void AnEmptySecureStringIsAClearInvalidArgumentNamingTheParameter(string line, string parameter)
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(EmulatorScope.Helpers + "$empty = [System.Security.SecureString]::new()\n" + line + "\nGet-WxccConnection");
            System.Management.Automation.ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.Equal("EmptyCredential,CallbackLab.Commands.ConnectWxccCommand", error.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal(parameter, error.TargetObject);
            Assert.Contains("-" + parameter + " is empty", error.Exception.Message);
            Assert.Empty(result.Output);
        }
    }
}
