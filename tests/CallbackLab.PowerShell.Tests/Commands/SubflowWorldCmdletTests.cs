using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using CallbackLab.PowerShell.Tests.Harness;
using Newtonsoft.Json.Linq;

namespace CallbackLab.PowerShell.Tests.Commands
{
    /// <summary>Issue 11's cmdlet surface (-SubflowPath, -GlobalVariable, -World, -Seed, New-IvrWorld, Test-WxccFlow -SubflowPath) and issue 13 item 1 in the real engine.</summary>
    public sealed class SubflowWorldCmdletTests
    {
        private static readonly string s_samples = Path.Combine(RepoPaths.Root, "tests", "TestData", "Flows");
        private static readonly string s_stubs = Path.Combine(RepoPaths.Root, "tests", "TestData", "Stubs");

        private static string Sample(string name) => Path.Combine(s_samples, name + ".json");

        [Fact]
        public void ImportReportsAWrongJsonTypeInAnyFieldAsInvalidFlowExportNamingThePathAndTheNextInputStillRuns()
        {
            JObject export = JObject.Parse(File.ReadAllText(Sample("flow_template")));
            JObject badLink = (JObject)export.DeepClone();
            badLink.SelectToken("process.links[0].conditionExpr")!.Replace(new JArray());
            JObject badName = (JObject)export.DeepClone();
            badName["name"] = new JObject();
            string dir = Path.Combine(Path.GetTempPath(), "callbacklab-wrongtype-" + System.Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                File.WriteAllText(Path.Combine(dir, "a.json"), badLink.ToString());
                File.WriteAllText(Path.Combine(dir, "b.json"), badName.ToString());
                using var ps = new ModuleRunspace();
                var result = ps.Run("@($A, $Good, $B) | Import-WxccFlow | ForEach-Object Name", new Dictionary<string, object?>
                {
                    ["A"] = Path.Combine(dir, "a.json"),
                    ["B"] = Path.Combine(dir, "b.json"),
                    ["Good"] = Sample("flow_template"),
                });

                Assert.Equal(new object?[] { "flow_template" }, result.Values);
                Assert.Equal(2, result.Errors.Count);
                Assert.All(result.Errors, e =>
                {
                    Assert.Equal("InvalidFlowExport,CallbackLab.Commands.ImportWxccFlowCommand", e.FullyQualifiedErrorId);
                    Assert.Equal(ErrorCategory.InvalidData, e.CategoryInfo.Category);
                    Assert.IsNotType<System.ArgumentException>(e.Exception);
                });
                Assert.StartsWith("'process.links[0].conditionExpr' must be text, not an array.", result.Errors[0].Exception.Message, System.StringComparison.Ordinal);
                Assert.StartsWith("'name' must be text, not an object.", result.Errors[1].Exception.Message, System.StringComparison.Ordinal);
                Assert.Equal(Path.Combine(dir, "b.json"), result.Errors[1].TargetObject);
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        [Fact]
        public void SubflowPathTakesAFolderRunsTheSubflowAndShowsTheNestingInTheTrace()
        {
            string library = Path.Combine(Path.GetTempPath(), "callbacklab-subflows-" + System.Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(library);
            File.Copy(Sample("webex_api_refresh_token_subflow"), Path.Combine(library, "refresh.json"));
            try
            {
                using var ps = new ModuleRunspace();
                var result = ps.Run(
                    "$e = Start-CallbackLabEmulator -Stub $Stub1, $Stub2\n" +
                    "try {\n" +
                    "  $r = Invoke-IvrSimulation -Flow $Main -SubflowPath $Library -WarningAction SilentlyContinue\n" +
                    "  $r.Outcome.ToString()\n" +
                    "  ($r.Steps | Where-Object Flow -eq 'Main > webex_api_refresh_token' | ForEach-Object ActivityName) -join ','\n" +
                    "  $r.Variables['WEBEX_ACCESS_TOKEN']\n" +
                    "  $alone = Invoke-IvrSimulation -Flow $Refresh -WarningAction SilentlyContinue\n" +
                    "  $alone.Outcome.ToString(); $alone.SubflowOutputs['access_token']\n" +
                    "} finally { $e | Stop-CallbackLabEmulator }",
                    new Dictionary<string, object?>
                    {
                        ["Main"] = Sample("webex_api_mainflow"),
                        ["Library"] = library,
                        ["Refresh"] = Path.Combine(library, "refresh.json"),
                        ["Stub1"] = Path.Combine(s_stubs, "webex_api.json"),
                        ["Stub2"] = Path.Combine(s_stubs, "webex_api.token-expired.json"),
                    }).AssertNoErrors();

                Assert.Equal(new object?[]
                {
                    "Disconnected", "StartSubflow,RefreshAccessToken,WasObtained,UpdateGlobalVariable,UpdateSuccessCheck,UpdateFailure",
                    "STUB_REFRESHED_ACCESS_TOKEN", "SubflowEnded", "STUB_REFRESHED_ACCESS_TOKEN",
                }, result.Values);
            }
            finally
            {
                Directory.Delete(library, recursive: true);
            }
        }

        [Fact]
        public void AMissingSubflowIsSubflowNotFoundAfterTheResultAndAMissingPathStopsTheCommand()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                "$e = Start-CallbackLabEmulator -Stub $Stub1, $Stub2\n" +
                "try { $r = Invoke-IvrSimulation -Flow $Main -WarningAction SilentlyContinue; $r.Outcome.ToString(); $r.Failure.Kind.ToString() } finally { $e | Stop-CallbackLabEmulator }\n" +
                "try { Invoke-IvrSimulation -Flow $Main -SubflowPath nowhere-at-all -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category.ToString(); $_.TargetObject }",
                new Dictionary<string, object?>
                {
                    ["Main"] = Sample("webex_api_mainflow"),
                    ["Stub1"] = Path.Combine(s_stubs, "webex_api.json"),
                    ["Stub2"] = Path.Combine(s_stubs, "webex_api.token-expired.json"),
                });

            Assert.Equal(new object?[]
            {
                "Failed", "SubflowNotFound",
                "SubflowPathNotFound,CallbackLab.Commands.InvokeIvrSimulationCommand", "ObjectNotFound", "nowhere-at-all",
            }, result.Values);
            ErrorRecord notFound = Assert.Single(result.Errors);
            Assert.Equal("SubflowNotFound,CallbackLab.Commands.InvokeIvrSimulationCommand", notFound.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, notFound.CategoryInfo.Category);
            Assert.Contains("No subflow matches name 'webex_api_refresh_token' (id 687fab57eee2ed7313dcc33c", notFound.Exception.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void GlobalVariableSetsAGlobalAndTheWorldAndSeedReachTheRunWithoutChangingTheWorldObject()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                "$e = Start-CallbackLabEmulator -Stub $Stub\n" +
                "try {\n" +
                "  $r = Invoke-IvrSimulation -Flow $Main -GlobalVariable @{ webex_access_token = 'given' } -WarningAction SilentlyContinue\n" +
                "  $r.Variables['WEBEX_ACCESS_TOKEN']; $r.Outcome.ToString()\n" +
                "  $w = New-IvrWorld -BusinessHoursStatus holidays -Seed 5\n" +
                "  $b = Invoke-IvrSimulation -Flow $Hours -World $w -Seed 9\n" +
                "  $b.Path -join ','; $w.Seed\n" +
                "} finally { $e | Stop-CallbackLabEmulator }",
                new Dictionary<string, object?>
                {
                    ["Main"] = Sample("webex_api_mainflow"),
                    ["Hours"] = Sample("BusinessHours_Template"),
                    ["Stub"] = Path.Combine(s_stubs, "webex_api.json"),
                }).AssertNoErrors();

            Assert.Equal(new object?[]
            {
                "given", "Disconnected",
                "NewPhoneContact,BusinessHours,Holiday_Closed,DisconnectContact_wv8,ContactEnded,EndFlow_mw8", 5,
            }, result.Values);
        }

        [Fact]
        public void NewIvrWorldTakesAHashtableParametersAndCsvRowsAndReportsABadSettingWithoutStopping()
        {
            using var ps = new ModuleRunspace();
            // Rows as Import-Csv writes them: every cell is text, an empty cell is "".
            var result = ps.Run(
                "$h = New-IvrWorld @{ EstimatedWaitTime = '00:02:00'; SurveyAnswers = '5;4' } -Seed 3\n" +
                "$h.EstimatedWaitTime.TotalSeconds; $h.Seed; $h.SurveyAnswers -join ','\n" +
                "$csv = @([pscustomobject]@{ Ewt = '00:03:00'; Seed = '7'; VirtualAgentTurns = 'Handled;Escalated'; AgentState = 'Idle' },\n" +
                "  [pscustomobject]@{ Ewt = ''; Seed = ''; VirtualAgentTurns = ''; AgentState = '' },\n" +
                "  [pscustomobject]@{ Ewt = '00:01:00'; Seed = 'x'; VirtualAgentTurns = ''; AgentState = '' })\n" +
                "$rows = @($csv | New-IvrWorld)\n" +
                "$rows.Count; $rows[0].Seed; ($rows[0].VirtualAgentTurns | ForEach-Object { $_.End.ToString() }) -join ','; $rows[0].AgentState\n" +
                "$null -eq $rows[1].Seed; $null -eq $rows[1].EstimatedWaitTime; $rows[1].VirtualAgentTurns.Count\n" +
                "New-IvrWorld -WhatIf");

            Assert.Equal(new object?[] { 120.0, 3, "5,4", 2, 7, "Handled,Escalated", "Idle", true, true, 0 }, result.Values);
            ErrorRecord bad = Assert.Single(result.Errors);
            Assert.Equal("InvalidWorldSetting,CallbackLab.Commands.NewIvrWorldCommand", bad.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, bad.CategoryInfo.Category);
            Assert.StartsWith("The world setting 'Seed' cannot be 'x'", bad.Exception.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void TestWxccFlowChecksSubflowReferencesAgainstTheLibrary()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                "(Test-WxccFlow $Main -SubflowPath $Sub | Where-Object Code -like 'Subflow*').Count\n" +
                "$f = Test-WxccFlow $Main -SubflowPath $Other | Where-Object Code -eq 'SubflowNotFound'; $f.ActivityName; $f.Severity.ToString()\n" +
                "$f.Message.Contains(\"name 'webex_api_refresh_token'\")\n" +
                "Test-WxccFlow $Main -SubflowPath $Sub -Quiet",
                new Dictionary<string, object?>
                {
                    ["Main"] = Sample("webex_api_mainflow"),
                    ["Sub"] = Sample("webex_api_refresh_token_subflow"),
                    ["Other"] = Sample("flow_template"),
                }).AssertNoErrors();

            Assert.Equal(new object?[] { 0, "RefreshTheToken", "Error", true, true }, result.Values);
        }

        [Fact]
        public void VariableAndExpandFlowExpressionConvertPowerShellValuesTheSameWay()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                "Expand-FlowExpression '{{ n / 2 }}|{{ list[1].x }}' -Variable @{ n = 7; list = @(1, @{ x = 'y' }) }\n" +
                "$r = Invoke-IvrSimulation -Flow $Flow -Variable @{ count = [int]4; extra = @{ a = 1 } }\n" +
                "$r.Variables['count'].GetType().Name; $r.Variables['extra'].GetType().Name",
                new Dictionary<string, object?> { ["Flow"] = Sample("flow_template") });

            Assert.Equal(new object?[] { "3|y", "Int64", "Dictionary`2" }, result.Values.Take(3));
        }
    }
}
