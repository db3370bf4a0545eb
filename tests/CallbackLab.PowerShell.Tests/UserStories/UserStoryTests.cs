using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using CallbackLab.PowerShell.Tests.Harness;
using Newtonsoft.Json.Linq;

namespace CallbackLab.PowerShell.Tests.UserStories
{
    /// <summary>The README's user stories, in the real engine. Twin: tests/Pester/UserStories.Tests.ps1.</summary>
    public sealed class UserStoryTests
    {
        private const string WithEmulator = "$emulator = Start-CallbackLabEmulator\n";

        [Fact]
        public void Story1_RehearseTheLabOffline()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(WithEmulator +
                "Invoke-IvrSimulation -Dnis +14694096861 -Digits 3 | Test-CallbackFlow -Quiet\n" +
                "@(Get-CallbackLabRequest -Method POST -Path '/v1/tasks') | ForEach-Object Body\n" +
                "$emulator | Stop-CallbackLabEmulator").AssertNoErrors();

            Assert.Equal(2, result.Output.Count);
            Assert.Equal(true, result.Values[0]);
            var body = JObject.Parse((string)result.Values[1]!);
            var expected = JObject.Parse(
                "{\"entryPointId\":\"" + LabSeedIds.OutboundEntryPoint + "\",\"destination\":\"14085267209\"," +
                "\"attributes\":{\"Message\":\"tester\",\"To Queue\":\"sales\"},\"outboundType\":\"CALLBACK\",\"mediaType\":\"telephony\"," +
                "\"callback\":{\"callbackOrigin\":\"web\",\"callbackType\":\"immediate\"}}");
            Assert.True(JToken.DeepEquals(expected, body), body.ToString());
        }

        [Fact]
        public void Story2_TheLabInOneLine()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(WithEmulator +
                "$task = Get-DynVars -Dnis +14694096861 | New-WxccCallbackTask\n" +
                "$task.StatusCode; $task.EntryPointId; $task.Destination\n" +
                "Reset-CallbackLabEmulator\n" +
                "Get-DynVars -Dnis +14694096861 | New-WxccCallbackTask -WhatIf\n" +
                "@(Get-CallbackLabRequest -Method POST -Path '/v1/tasks').Count\n" +
                "$emulator | Stop-CallbackLabEmulator").AssertNoErrors();

            Assert.Equal(new object?[] { 201, LabSeedIds.OutboundEntryPoint, LabSeedIds.TacNumber, 0 }, result.Values);
        }

        [Fact]
        public void Story3_ProvisionTheAttendees()
        {
            using var ps = new ModuleRunspace();
            // Import-Csv is not in the hosted engine: these objects have exactly its shape (string note properties per column).
            var result = ps.Run(WithEmulator +
                "$rows = @(\n" +
                "  [pscustomobject]@{ dn = '4695550101'; outboundcallbackep = '" + LabSeedIds.OutboundEntryPoint + "'; tacnumber = '14085267209' }\n" +
                "  [pscustomobject]@{ dn = '4695550102'; outboundcallbackep = '" + LabSeedIds.OutboundEntryPoint + "'; tacnumber = '14085267209' })\n" +
                "$rows | New-DynVars | Out-Null\n" +
                "(@(Get-DynVars -Dn 469555) | ForEach-Object Dn) -join ','\n" +
                "Get-DynVars -Dn 469555 | Remove-DynVars\n" +
                "@(Get-DynVars -Dn 469555).Count\n" +
                "(Get-DynVars -Dn 4694096861 -Exact).TacNumber\n" +
                "$emulator | Stop-CallbackLabEmulator").AssertNoErrors();

            Assert.Equal(new object?[] { "4695550101,4695550102", 0, LabSeedIds.TacNumber }, result.Values);
        }

        [Fact]
        public void Story4_ProveTheFailurePath()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(WithEmulator +
                "Set-CallbackLabFault -Path '/v1/tasks' -StatusCode 500\n" +
                "$r = Invoke-IvrSimulation -Dnis +14694096861 -Digits 3 | Test-CallbackFlow\n" +
                "$r.Passed; $r.StatusCode; $r.FailedStep; $r.Reason\n" +
                "$emulator | Stop-CallbackLabEmulator").AssertNoErrors();

            Assert.Equal(false, result.Values[0]);
            Assert.Equal(500, result.Values[1]);
            Assert.Matches("CallBackAPI_Request|HTTPStatusCode", (string)result.Values[2]!);
            Assert.Contains("500", (string)result.Values[3]!);
        }

        [Fact]
        public void Story5_CheckAFlowBeforePublishing()
        {
            string path = Path.Combine(Path.GetTempPath(), "callbacklab-slip-" + System.Guid.NewGuid().ToString("N") + ".json");
            try
            {
                using var ps = new ModuleRunspace();
                var result = ps.Run(
                    "[System.IO.File]::WriteAllText($Path, [CallbackLab.Core.Flows.Lab.LabFlow]::Json.Replace('{{CallBackAPI_Request.httpStatusCode == 201}}', '{{HTTP_PUT.httpStatusCode == 201}}'))\n" +
                    "$e = @(Test-WxccFlow -Flow $Path -MinimumSeverity Error)\n" +
                    "$e.Count; $e[0].ActivityName; $e[0].Message\n" +
                    "Test-WxccFlow -Flow $Path -Quiet",
                    new Dictionary<string, object?> { ["Path"] = path }).AssertNoErrors();

                Assert.Equal(1, result.Values[0]);
                Assert.Equal("HTTPStatusCode", result.Values[1]);
                Assert.Contains("HTTP_PUT", (string)result.Values[2]!);
                Assert.Equal(false, result.Values[3]);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void Story6_DebugAnExpression()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                "Expand-FlowExpression '{{NewPhoneContact.DNIS | slice(2)}}' -Variable @{ 'NewPhoneContact.DNIS' = '+14694096861' }\n" +
                "Expand-FlowExpression '{{ ANI | 123}}'");

            Assert.Equal(new object?[] { "4694096861" }, result.Values);
            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.Contains("Unexpected token of value \"123\" and type NUMBER, expected token of type NAME", error.Exception.Message);
        }
    }
}
