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
        public void MockApiUriFollowsExplicitThenNewestDefaultThenTheLabProject()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                EmulatorScope.Helpers + DefineResolve +
                "(Resolve ResolveMockApiUri $null).ToString(); " +
                "$e = Start-CallbackLabEmulator; (Resolve ResolveMockApiUri $null) -eq $e.MockApiUri; " +
                "(Resolve ResolveMockApiUri ([uri]'https://x.mockapi.io/p')).ToString(); " +
                "Connect-Wxcc -Region us1 -AccessToken (SS 't') | Out-Null; (Resolve ResolveMockApiUri $null).ToString(); " +
                "Connect-Wxcc -Region us1 -AccessToken (SS 't') -MockApiUri https://y.mockapi.io/q | Out-Null; (Resolve ResolveMockApiUri $null).ToString(); " +
                "Disconnect-Wxcc; (Resolve ResolveMockApiUri $null) -eq $e.MockApiUri; Stop-CallbackLabEmulator; (Resolve ResolveMockApiUri $null).ToString()")
                .AssertNoErrors();
            Assert.Equal(new object?[]
            {
                "https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab", true, "https://x.mockapi.io/p",
                "https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab", "https://y.mockapi.io/q", true,
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
    }
}
