using System;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Security;
using CallbackLab.PowerShell.Tests.Harness;

namespace CallbackLab.PowerShell.Tests.Commands
{
    /// <summary>The emulator cmdlets in the real engine. Twin of tests/Pester/Emulator.Tests.ps1.</summary>
    public sealed class EmulatorCmdletTests
    {
        /// <summary>Reads the session's DefaultEndpoints through reflection: the same hook the other cmdlets read.</summary>
        private const string DefineReadDefault =
            "function Get-DefaultEndpoints { $t = (Get-Module CallbackLab).ImplementingAssembly.GetType('CallbackLab.Infrastructure.CallbackLabSession'); " +
            "$s = $t.GetProperty('Current', [Reflection.BindingFlags]'NonPublic,Static').GetValue($null); " +
            "$t.GetProperty('DefaultEndpoints', [Reflection.BindingFlags]'NonPublic,Instance').GetValue($s) }; ";

        private const string ReadDefault = "Get-DefaultEndpoints";

        private const string HttpGet =
            "function Get-Text([string]$Uri) { $c = [System.Net.Http.HttpClient]::new(); try { $r = $c.GetAsync($Uri).GetAwaiter().GetResult(); " +
            "[pscustomobject]@{ Status = [int]$r.StatusCode; Body = $r.Content.ReadAsStringAsync().GetAwaiter().GetResult() } } finally { $c.Dispose() } }; ";

        [Fact]
        public void StartWritesTheEmulatorAndMakesItTheSessionDefault()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                DefineReadDefault + "$e = Start-CallbackLabEmulator; $e; (" + ReadDefault + ").MockApiUri; " + HttpGet +
                "(Get-Text ($e.MockApiUri.ToString() + '/DynVars?dn=4694096861')).Body; Stop-CallbackLabEmulator; $e.IsRunning; $null -eq (" + ReadDefault + ")")
                .AssertNoErrors();
            dynamic emulator = result.Output[0];
            int port = (int)emulator.Port;
            // Loopback, not literally 127.0.0.1: on Windows without a URL ACL the emulator binds localhost instead.
            var root = (Uri)emulator.Uri;
            Assert.True(root.IsLoopback);
            Assert.Equal(port, root.Port);
            Assert.Equal(new Uri(root, "flowdesigner/Lab"), (Uri)emulator.MockApiUri);
            Assert.Equal(new Uri(root, "v1/access_token"), (Uri)emulator.TokenUri);
            Assert.IsType<SecureString>((object)emulator.AccessToken);
            Assert.Equal(new Uri(root, "flowdesigner/Lab"), result.Values[1]);
            Assert.StartsWith("[{\"dn\":\"4694096861\"", (string)result.Values[2]!);
            Assert.Equal(false, result.Values[3]);
            Assert.Equal(true, result.Values[4]);
        }

        [Fact]
        public void NoDefaultLeavesTheSessionDefaultAlone()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(DefineReadDefault + "$e = Start-CallbackLabEmulator -NoDefault; $null -eq (" + ReadDefault + "); $e | Stop-CallbackLabEmulator; @(Get-CallbackLabEmulator).Count")
                .AssertNoErrors();
            Assert.Equal(new object?[] { true, 0 }, result.Values);
        }

        [Fact]
        public void GetListsRunningEmulatorsAndStopByPortReleasesThePort()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                "$a = Start-CallbackLabEmulator; $b = Start-CallbackLabEmulator -NoDefault; " +
                "(Get-CallbackLabEmulator).Port -join ','; (Get-CallbackLabEmulator -Default).Port; " +
                "Stop-CallbackLabEmulator -Port $b.Port; (Get-CallbackLabEmulator).Port; $a.Port; $b.Port; " +
                "$l = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, $b.Port); $l.Start(); $l.Stop(); 'port free'; " +
                "Get-CallbackLabEmulator | Stop-CallbackLabEmulator; @(Get-CallbackLabEmulator).Count").AssertNoErrors();
            int a = (int)result.Values[3]!, b = (int)result.Values[4]!;
            Assert.Equal($"{a},{b}", result.Values[0]);
            Assert.Equal(a, result.Values[1]);
            Assert.Equal(a, result.Values[2]);
            Assert.Equal("port free", result.Values[5]);
            Assert.Equal(0, result.Values[6]);
        }

        [Fact]
        public void StopWithNothingRunningIsAnObjectNotFoundError()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("Stop-CallbackLabEmulator; Stop-CallbackLabEmulator -Port 1; Get-CallbackLabEmulator -Port 2");
            Assert.Equal(
                new[] { "NoEmulator,CallbackLab.Commands.StopCallbackLabEmulatorCommand", "EmulatorNotFound,CallbackLab.Commands.StopCallbackLabEmulatorCommand",
                    "EmulatorNotFound,CallbackLab.Commands.GetCallbackLabEmulatorCommand" },
                result.Errors.Select(e => e.FullyQualifiedErrorId).ToArray());
            Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category));
            Assert.Equal(1, result.Errors[1].TargetObject);
            Assert.Null(result.Errors[0].TargetObject); // no emulator was named
        }

        [Fact]
        public void NoEmulatorHasNoTargetWhenNoEmulatorWasNamed()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("Get-CallbackLabRequest -Path '/v1/*' -Method POST");
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal("NoEmulator,CallbackLab.Commands.GetCallbackLabRequestCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Null(error.TargetObject);
        }

        [Fact]
        public void VerboseOutputNamesTheAddressesButNeverTheToken()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("$e = Start-CallbackLabEmulator -Verbose; [System.Net.NetworkCredential]::new('', $e.AccessToken).Password; Stop-CallbackLabEmulator -Verbose").AssertNoErrors();
            string token = (string)result.Values.Single()!;
            Assert.Contains("/flowdesigner/Lab", result.AllMessages);
            Assert.DoesNotContain(token, result.AllMessages);
        }

        [Fact]
        public void WhatIfStartsNothing()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("Start-CallbackLabEmulator -WhatIf; @(Get-CallbackLabEmulator).Count").AssertNoErrors();
            Assert.Equal(new object?[] { 0 }, result.Values);
        }

        [Fact]
        public void ATakenPortIsAResourceUnavailableError()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("$e = Start-CallbackLabEmulator; try { Start-CallbackLabEmulator -Port $e.Port } finally { Stop-CallbackLabEmulator -Emulator $e }");
            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.Equal("EmulatorPortUnavailable,CallbackLab.Commands.StartCallbackLabEmulatorCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        }

        [Fact]
        public void SetFaultMakesTheRouteFailAndClearFaultRestoresIt()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                HttpGet + "$e = Start-CallbackLabEmulator; $u = $e.MockApiUri.ToString() + '/DynVars'; " +
                "$rule = Set-CallbackLabFault -Path '/flowdesigner/Lab/DynVars' -Method GET -StatusCode 503 -Count 1 -PassThru; " +
                "(Get-Text $u).Status; (Get-Text $u).Status; $rule.Applied; " +
                "Set-CallbackLabFault '*' 500; (Get-Text $u).Status; Clear-CallbackLabFault; (Get-Text $u).Status; Stop-CallbackLabEmulator")
                .AssertNoErrors();
            Assert.Equal(new object?[] { 503, 200, 1, 500, 200 }, result.Values);
        }

        [Fact]
        public void ASuccessStatusIsRefusedAtBindingAndNoRuleIsInstalled()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("Start-CallbackLabEmulator | Out-Null; try { Set-CallbackLabFault -Path '/v1/tasks' -StatusCode 200 -PassThru } finally { Stop-CallbackLabEmulator }");
            Assert.Empty(result.Output);
            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.Equal("ParameterArgumentValidationError,CallbackLab.Commands.SetCallbackLabFaultCommand", error.FullyQualifiedErrorId);
            Assert.Contains("300", error.Exception.Message);
        }

        [Fact]
        public void AnInvalidFaultIsAnInvalidArgumentErrorWithTheRule()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("Start-CallbackLabEmulator | Out-Null; Set-CallbackLabFault -Path '/x'; Stop-CallbackLabEmulator");
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal("InvalidFaultRule,CallbackLab.Commands.SetCallbackLabFaultCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal("/x", ((dynamic)error.TargetObject).PathPattern);
        }

        [Fact]
        public void GetRequestFiltersTheJournalAndRedactsAuthorization()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                HttpGet + "$e = Start-CallbackLabEmulator; " +
                "Get-Text ($e.MockApiUri.ToString() + '/DynVars?dn=4694096861') | Out-Null; Get-Text ($e.MockApiUri.ToString() + '/DynVars/99') | Out-Null; " +
                "$c = [System.Net.Http.HttpClient]::new(); $c.DefaultRequestHeaders.Add('Authorization', 'Bearer secret-value'); " +
                "$c.GetAsync($e.Uri.ToString() + 'v1/tasks?from=0').GetAwaiter().GetResult() | Out-Null; $c.Dispose(); " +
                "(Get-CallbackLabRequest).Count; (Get-CallbackLabRequest -Path '*/DynVars*' -StatusCode 404).Path; " +
                "$t = Get-CallbackLabRequest -Path '/v1/*' -Method get; $t.Headers['Authorization']; $t.Query; " +
                "(Get-CallbackLabRequest -Last 1).Path; ($e | Get-CallbackLabRequest -Method POST).Count; Stop-CallbackLabEmulator")
                .AssertNoErrors();
            Assert.Equal(new object?[] { 3, "/flowdesigner/Lab/DynVars/99", "Bearer ***", "from=0", "/v1/tasks", 0 }, result.Values);
        }

        [Fact]
        public void ResetPutsTheSeedBack()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                HttpGet + "$e = Start-CallbackLabEmulator; $c = [System.Net.Http.HttpClient]::new(); " +
                "$c.DeleteAsync($e.MockApiUri.ToString() + '/DynVars/1').GetAwaiter().GetResult() | Out-Null; $c.Dispose(); " +
                "(Get-Text ($e.MockApiUri.ToString() + '/DynVars/1')).Status; $r = Reset-CallbackLabEmulator -PassThru; $r.Port -eq $e.Port; " +
                "(Get-Text ($e.MockApiUri.ToString() + '/DynVars/1')).Status; Stop-CallbackLabEmulator").AssertNoErrors();
            Assert.Equal(new object?[] { 404, true, 200 }, result.Values);
        }

        [Fact]
        public void ClosingTheRunspaceStopsItsEmulators()
        {
            Uri uri;
            using (var ps = new ModuleRunspace())
            {
                uri = (Uri)ps.Run("(Start-CallbackLabEmulator).Uri").AssertNoErrors().Values.Single()!;
            }

            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            Assert.ThrowsAny<Exception>(() => client.GetAsync(uri).GetAwaiter().GetResult());
        }

        [Fact]
        public void BadSeedAndDataFilesAreTerminatingErrorsNamingTheFile()
        {
            string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cblab-ps-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(folder);
            try
            {
                string badSeed = System.IO.Path.Combine(folder, "seed.json");
                string badData = System.IO.Path.Combine(folder, "data.json");
                System.IO.File.WriteAllText(badSeed, "42");
                System.IO.File.WriteAllText(badData, "{ nope");
                using var ps = new ModuleRunspace();
                var vars = new System.Collections.Generic.Dictionary<string, object?> { ["Folder"] = folder };
                var missing = ps.Run("Start-CallbackLabEmulator -SeedPath \"$Folder/missing.json\"", vars);
                var seed = ps.Run("Start-CallbackLabEmulator -SeedPath \"$Folder/seed.json\"", vars);
                var data = ps.Run("Start-CallbackLabEmulator -DataPath \"$Folder/data.json\"", vars);
                ErrorRecord missingError = Assert.Single(missing.AllErrors);
                ErrorRecord seedError = Assert.Single(seed.AllErrors);
                ErrorRecord dataError = Assert.Single(data.AllErrors);
                Assert.Equal("SeedNotFound,CallbackLab.Commands.StartCallbackLabEmulatorCommand", missingError.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.ObjectNotFound, missingError.CategoryInfo.Category);
                Assert.Equal("InvalidSeed,CallbackLab.Commands.StartCallbackLabEmulatorCommand", seedError.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.InvalidData, seedError.CategoryInfo.Category);
                Assert.Equal(System.IO.Path.Combine(folder, "seed.json"), seedError.TargetObject);
                Assert.Equal("InvalidDataFile,CallbackLab.Commands.StartCallbackLabEmulatorCommand", dataError.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.InvalidData, dataError.CategoryInfo.Category);
                Assert.Equal("{ nope", System.IO.File.ReadAllText(badData));
                Assert.Equal(0, ps.Run("@(Get-CallbackLabEmulator).Count").Values.Single());
            }
            finally
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }

        [Theory]
        [InlineData("{\"resources\":{\"x\":5}}", "resources.x")]
        [InlineData("{\"tasks\":[{\"id\":\"t\",\"time\":\"never\",\"request\":{}}]}", "tasks[0].time")]
        public void AMalformedDataFileIsInvalidDataFileNamingItsJsonPath(string content, string path)
        {
            string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cblab-ps-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(folder);
            try
            {
                System.IO.File.WriteAllText(System.IO.Path.Combine(folder, "data.json"), content);
                using var ps = new ModuleRunspace();
                var vars = new System.Collections.Generic.Dictionary<string, object?> { ["Folder"] = folder };
                ErrorRecord error = Assert.Single(ps.Run("Start-CallbackLabEmulator -DataPath \"$Folder/data.json\"", vars).AllErrors);
                Assert.Equal("InvalidDataFile,CallbackLab.Commands.StartCallbackLabEmulatorCommand", error.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
                Assert.Contains("'" + path + "'", error.Exception.Message);
                Assert.Equal(content, System.IO.File.ReadAllText(System.IO.Path.Combine(folder, "data.json")));
            }
            finally
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void ADataPathKeepsRecordsAcrossRestartsAndAnyObjectWithAPortPipes()
        {
            string data = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cblab-ps-" + Guid.NewGuid().ToString("N") + ".json");
            try
            {
                using var ps = new ModuleRunspace();
                var result = ps.Run(
                    HttpGet + "$e = Start-CallbackLabEmulator -DataPath $Data -RecordLimit 0 -RateLimitPerMinute 10 -NotFoundAsEmptyArray; $e.DataPath -eq $Data; " +
                    "$c = [System.Net.Http.HttpClient]::new(); $content = [System.Net.Http.StringContent]::new('{\"dn\":\"5551234\"}'); " +
                    "$c.PostAsync($e.MockApiUri.ToString() + '/DynVars', $content).GetAwaiter().GetResult().StatusCode.value__; $c.Dispose(); " +
                    "[pscustomobject]@{ Port = $e.Port } | Stop-CallbackLabEmulator; " +
                    "$again = Start-CallbackLabEmulator -DataPath $Data -NotFoundAsEmptyArray; (Get-Text ($again.MockApiUri.ToString() + '/DynVars?dn=5551234')).Body; " +
                    "(Get-Text ($again.MockApiUri.ToString() + '/DynVars?dn=000')).Body; Stop-CallbackLabEmulator",
                    new System.Collections.Generic.Dictionary<string, object?> { ["Data"] = data }).AssertNoErrors();
                Assert.Equal(new object?[] { true, 201, "[{\"dn\":\"5551234\",\"id\":\"6\"}]", "[]" }, result.Values);
            }
            finally
            {
                System.IO.File.Delete(data);
            }
        }
    }
}
