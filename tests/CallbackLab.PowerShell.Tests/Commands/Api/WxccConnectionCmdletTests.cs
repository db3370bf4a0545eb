using System;
using System.Linq;
using System.Management.Automation;
using CallbackLab.PowerShell.Tests.Harness;

namespace CallbackLab.PowerShell.Tests.Commands.Api
{
    /// <summary>Connect-Wxcc, Get-WxccConnection, Disconnect-Wxcc and the session defaults. Twin of tests/Pester/Api.Tests.ps1 ("connection").</summary>
    public sealed class WxccConnectionCmdletTests
    {
        [Fact]
        public void WithNothingConnectedAWxccCallIsAClearNotConnectedError()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("Get-WxccConnection; New-WxccCallbackTask -EntryPointId ep -Destination 1");
            Assert.Empty(result.Output);
            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.Equal("WxccNotConnected,CallbackLab.Commands.NewWxccCallbackTaskCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Contains("Connect-Wxcc", error.Exception.Message);
            var task = PSObject.AsPSObject(error.TargetObject);
            Assert.Equal("CallbackLab.Core.Wxcc.CallbackTaskRequest", task.BaseObject.GetType().FullName);
            Assert.Equal("ep", task.Properties["EntryPointId"].Value);
            Assert.Equal("1", task.Properties["Destination"].Value);
        }

        [Fact]
        public void GetWxccTaskWithNothingConnectedNamesTheQueryItWasAskedFor()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("Get-WxccTask -From ([datetime]'2026-11-24T03:00:00Z') -PageSize 7");
            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.Equal("WxccNotConnected,CallbackLab.Commands.GetWxccTaskCommand", error.FullyQualifiedErrorId);
            var query = PSObject.AsPSObject(error.TargetObject);
            Assert.Equal("CallbackLab.Core.Wxcc.WxccTaskQuery", query.BaseObject.GetType().FullName);
            Assert.Equal(7, query.Properties["PageSize"].Value);
        }

        [Fact]
        public void WhatIfNeedsNoConnectionButARealRunStillDoes()
        {
            using var ps = new ModuleRunspace();
            // ShouldProcess comes first: -WhatIf with nothing connected writes nothing and is no error ...
            ps.Run("New-WxccCallbackTask -EntryPointId ep -Destination 1 -WhatIf").AssertNoErrors();
            Assert.Empty(ps.Run("New-WxccCallbackTask -EntryPointId ep -Destination 1 -WhatIf").Output);

            // ... and only then is the connection resolved, so the same call without -WhatIf still says nothing is connected.
            var result = ps.Run("New-WxccCallbackTask -EntryPointId ep -Destination 1 -WhatIf:$false");
            Assert.Equal("WxccNotConnected,CallbackLab.Commands.NewWxccCallbackTaskCommand", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
        }

        [Fact]
        public void InputIsValidatedBeforeTheConnectionIsResolved()
        {
            using var ps = new ModuleRunspace();
            foreach (string whatIf in new[] { "", " -WhatIf" })
            {
                var result = ps.Run("New-WxccCallbackTask -EntryPointId ep -Destination ('1' * 37)" + whatIf);
                ErrorRecord error = Assert.Single(result.AllErrors);
                Assert.Equal("InvalidCallbackTask,CallbackLab.Commands.NewWxccCallbackTaskCommand", error.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            }
        }

        [Fact]
        public void AStartedEmulatorIsTheDefaultConnection()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run(
                "$c = Get-WxccConnection; $c.AuthenticationType.ToString(); $c.BaseUri -eq $e.WxccUri; $c.Uri -eq $e.WxccUri; $c.MockApiUri -eq $e.MockApiUri; " +
                "(($c.PSObject.Properties | ForEach-Object { [string]$_.Value }) -join '|').Contains((Plain $e.AccessToken))").AssertNoErrors();
            Assert.Equal(new object?[] { "Emulator", true, true, true, false }, result.Values);
        }

        [Fact]
        public void ConnectWithARefreshTokenGetsATokenThatTheApiAccepts()
        {
            using var lab = new EmulatorScope("-NoDefault");
            var result = lab.Run(
                "$c = Connect-Wxcc -Uri $e.WxccUri -TokenUri $e.TokenUri -ClientId $e.ClientId -ClientSecret $e.ClientSecret " +
                "-RefreshToken $e.RefreshToken -MockApiUri $e.MockApiUri -Verbose -Debug; " +
                "$c.AuthenticationType.ToString(); $null -ne $c.ExpiresOn; $c.ClientId -eq $e.ClientId; " +
                "(Get-DynVars -Dnis +14694096861 | New-WxccCallbackTask).StatusCode; (Journal 'POST' '/v1/access_token').Count; " +
                "(Plain $e.ClientSecret); (Plain $e.RefreshToken); ($c.PSObject.Properties.Name -match 'Token$') -join ','")
                .AssertNoErrors();
            Assert.Equal(new object?[] { "RefreshToken", true, true, 201, 1 }, result.Values.Take(5));
            Assert.DoesNotContain((string)result.Values[5]!, result.AllMessages);
            Assert.DoesNotContain((string)result.Values[6]!, result.AllMessages);
            Assert.Contains(result.Debug, d => d.Message.Contains("client_secret=***&refresh_token=***"));
            Assert.Equal("", result.Values[7]);
        }

        [Fact]
        public void ARefusedRefreshTokenIsAnAuthenticationError()
        {
            using var lab = new EmulatorScope("-NoDefault");
            var result = lab.Run(
                "Connect-Wxcc -Uri $e.WxccUri -TokenUri $e.TokenUri -ClientId $e.ClientId -ClientSecret $e.ClientSecret -RefreshToken (SS 'stale'); " +
                "$null -eq (Get-WxccConnection)");
            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.Equal("WxccAuthenticationError,CallbackLab.Commands.ConnectWxccCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Equal(lab.Shell.Run("$e.TokenUri.ToString()").Values.Single(), error.TargetObject);
        }

        [Fact]
        public void AWrongAccessTokenIsAnAuthenticationErrorOnTheCall()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run("Connect-Wxcc -Uri $e.WxccUri -AccessToken (SS 'not-a-token') | Out-Null; New-WxccCallbackTask -EntryPointId ep -Destination 1");
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal("WxccAuthenticationError,CallbackLab.Commands.NewWxccCallbackTaskCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        }

        [Fact]
        public void TheNewestOfConnectWxccAndAStartedEmulatorIsTheDefault()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run(
                "Connect-Wxcc -Region eu2 -AccessToken (SS 'tok') | Out-Null; (Get-WxccConnection).BaseUri.ToString(); " +
                "$b = Start-CallbackLabEmulator; (Get-WxccConnection).BaseUri -eq $b.WxccUri; " +
                "Connect-Wxcc -Region jp1 -AccessToken (SS 'tok') | Out-Null; Disconnect-Wxcc; (Get-WxccConnection).BaseUri -eq $b.WxccUri");
            Assert.Equal(new object?[] { "https://api.wxcc-eu2.cisco.com/", true, true }, result.Values);
        }

        [Fact]
        public void ConnectWritesTheConnectionWithoutTheToken()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                EmulatorScope.Helpers + "$c = Connect-Wxcc -Region EU2 -AccessToken (SS 'S3CRET-TOKEN'); $c.GetType().FullName; $c.Region; $c.BaseUri.ToString(); " +
                "$c.AuthenticationType.ToString(); $null -eq $c.ExpiresOn; ($c.PSObject.Properties | ForEach-Object { [string]$_.Value }) -join '|'; " +
                "(Get-WxccConnection).Region; Disconnect-Wxcc; $null -eq (Get-WxccConnection)").AssertNoErrors();
            Assert.Equal(new object?[] { "CallbackLab.Core.Wxcc.WxccConnection", "eu2", "https://api.wxcc-eu2.cisco.com/", "AccessToken", true }, result.Values.Take(5));
            Assert.DoesNotContain("S3CRET-TOKEN", (string)result.Values[5]!);
            Assert.Equal(new object?[] { "eu2", true }, result.Values.Skip(6));
        }

        [Fact]
        public void RegionAndUriTogetherAreRefused()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(EmulatorScope.Helpers + "Connect-Wxcc -Region us1 -Uri https://example.com -AccessToken (SS 't')");
            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.Equal("RegionAndUri,CallbackLab.Commands.ConnectWxccCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        }

        [Fact]
        public void ATokenOverPlainHttpToAnotherHostIsRefusedUnlessAllowed()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                EmulatorScope.Helpers + "Connect-Wxcc -Uri http://wxcc.example.invalid -AccessToken (SS 't'); $null -eq (Get-WxccConnection); " +
                "(Connect-Wxcc -Uri http://wxcc.example.invalid -AccessToken (SS 't') -AllowUnencryptedAuthentication).AllowUnencryptedAuthentication");
            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.Equal("UnencryptedAuthenticationRefused,CallbackLab.Commands.ConnectWxccCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
            Assert.Contains("-AllowUnencryptedAuthentication", error.ErrorDetails.RecommendedAction);
            Assert.Equal(new object?[] { true, true }, result.Values);
        }
    }
}
