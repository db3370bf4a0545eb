using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using CallbackLab.PowerShell.Tests.Harness;

namespace CallbackLab.PowerShell.Tests.Commands
{
    /// <summary>Invoke-IvrSimulation and Test-CallbackFlow in the real engine, against the real emulator on 127.0.0.1.</summary>
    public sealed class FlowSimulationTests
    {
        private const string StartEmulator = "$emu = [CallbackLab.Core.Emulator.LabEmulator]::Start($null); ";
        private const string Endpoints = " -Connection $emu";

        private static string Sample(string name) => Path.Combine(RepoPaths.Root, "tests", "TestData", "Flows", name + ".json");

        [Fact]
        public void TheLabScenarioPassesTestCallbackFlowQuietAndTheEmulatorRecordsOneTaskWithTheLabBody()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(StartEmulator +
                "try { Invoke-IvrSimulation -Dnis +14694096861 -Digits 3" + Endpoints + " | Test-CallbackFlow -Quiet; " +
                "$emu.Tasks.Count; $t = $emu.Tasks[0]; $t.Destination; $t.EntryPointId; $t.OutboundType; $t.Request.mediaType.ToString(); " +
                "$t.Request.attributes.'To Queue'.ToString(); $t.Request.callback.callbackType.ToString() } finally { $emu.Dispose() }").AssertNoErrors();
            Assert.Equal(new object?[] { true, 1, "14085267209", "3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58", "CALLBACK", "telephony", "sales", "immediate" }, result.Values);
        }

        [Fact]
        public void AfterStartCallbackLabEmulatorTheLabScenarioUsesTheSessionDefaultAndPasses()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                "$e = Start-CallbackLabEmulator; try { Invoke-IvrSimulation -Dnis +14694096861 -Digits 3 | Test-CallbackFlow -Quiet; " +
                "$e.TaskCount; $e.Tasks[0].Destination } finally { $e | Stop-CallbackLabEmulator -Confirm:$false }").AssertNoErrors();
            Assert.Equal(new object?[] { true, 1, "14085267209" }, result.Values);
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void AConnectWxccConnectionCarriesTheConnectorAndTheMockApi()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(StartEmulator +
                "try { $s = [securestring]::new(); foreach ($c in $emu.AccessToken.ToCharArray()) { $s.AppendChar($c) }; " +
                "Connect-Wxcc -Uri $emu.WxccUri -AccessToken $s -MockApiUri $emu.MockApiUri | Out-Null; " +
                "Invoke-IvrSimulation -Digits 3 | Test-CallbackFlow -Quiet; $emu.Tasks.Count } finally { $emu.Dispose() }").AssertNoErrors();
            Assert.Equal(new object?[] { true, 1 }, result.Values);
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void VerboseShowsTheTraceAndEveryHttpExchangeAndNeverTheToken()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                "$e = Start-CallbackLabEmulator\n" +
                "$token = [System.Net.NetworkCredential]::new('', $e.AccessToken).Password\n" +
                "$null = Invoke-IvrSimulation -Dnis +14694096861 -Digits 3 -Verbose -Debug\n" +
                "$token\n" +
                "$e | Stop-CallbackLabEmulator").AssertNoErrors();

            string token = (string)result.Values.Single()!;
            Assert.False(string.IsNullOrEmpty(token));
            var verbose = result.Verbose.Select(v => v.Message).ToList();
            Assert.Contains("[3] Main/GET_CBID (http-request-v2) -> default: GET 200", verbose);
            Assert.Contains(verbose, v => v.StartsWith("[3] GET http://127.0.0.1:", System.StringComparison.Ordinal)
                                          && v.EndsWith("/flowdesigner/Lab/DynVars?dn=4694096861 -> 200", System.StringComparison.Ordinal));
            Assert.Contains(verbose, v => v.StartsWith("[5] Main/SimulateGlobalError (set-variable) -> error: Unexpected token of value \"123\"", System.StringComparison.Ordinal));
            Assert.Contains(verbose, v => v.StartsWith("[7] POST http://127.0.0.1:", System.StringComparison.Ordinal) && v.EndsWith("/v1/tasks -> 201", System.StringComparison.Ordinal));
            Assert.Contains(result.Debug, d => d.Message.StartsWith("[7] request body: {", System.StringComparison.Ordinal) && d.Message.Contains("14085267209"));
            Assert.DoesNotContain(token, result.AllMessages);
        }

        [Fact]
        public void TheResultCarriesTheTraceVariablesAndTheGlobalError()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(StartEmulator +
                "try { $r = Invoke-IvrSimulation -Digits 3" + Endpoints + "; $r.Outcome.ToString(); ($r.Steps | ForEach-Object ActivityName) -join ','; " +
                "$r.GlobalError.ActivityName; $r.GlobalError.Message; $r.Variables['customANI']; $r.HttpStatusCode; " +
                "($r.Events | ForEach-Object Name) -join ','; $r.Steps[5].Succeeded; $r.Steps[3].ModifiedVariables['GET_CBID.httpStatusCode'] } finally { $emu.Dispose() }")
                .AssertNoErrors();
            Assert.Equal(new object?[]
            {
                "GlobalError",
                "NewPhoneContact,WelcomeMessage,WantCallback,GET_CBID,SetGetResult,SimulateGlobalError,GlobalErrorHandling,CallBackAPI_Request,HTTPStatusCode,EndFlow",
                "SimulateGlobalError",
                "Unexpected token of value \"123\" and type NUMBER, expected token of type NAME",
                "14085267209",
                201,
                "NewPhoneContact,OnGlobalError,PhoneContactEnded",
                false,
                200L,
            }, result.Values);
        }

        [Fact]
        public void Digits1And2TakeTheirBranchesAndTheCallbackTestSaysWhyItFails()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(StartEmulator +
                "try { $one = Invoke-IvrSimulation -Digits 1" + Endpoints + "; $one.Outcome.ToString(); $one.Callbacks[0].Number; " +
                "$two = Invoke-IvrSimulation -Digits 2 -AgentAvailableAfter '00:00:40'" + Endpoints + "; $two.Outcome.ToString(); ($two.Steps | ForEach-Object ActivityName) -join ','; " +
                "$t = $one | Test-CallbackFlow; $t.Passed; $t.Reason; $emu.Tasks.Count } finally { $emu.Dispose() }").AssertNoErrors();
            Assert.Equal(new object?[]
            {
                "Disconnected", "+14085267209",
                "AgentAnswered", "NewPhoneContact,WelcomeMessage,WantCallback,QueueContact,QueueMusic,QueueMusic",
                false, "OnGlobalError never ran (outcome Disconnected); the callback path was not taken.", 0,
            }, result.Values);
        }

        [Fact]
        public void WithTasksAnswering500TheTestIsFalseAndSaysWhy()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(StartEmulator +
                "try { $f = [CallbackLab.Core.Emulator.FaultRule]::new(); $f.Method = 'POST'; $f.PathPattern = '/v1/tasks'; $f.StatusCode = 500; $emu.SetFault($f); " +
                "$r = Invoke-IvrSimulation -Dnis +14694096861 -Digits 3" + Endpoints + "; $r | Test-CallbackFlow -Quiet; $t = $r | Test-CallbackFlow; " +
                "$t.Passed; $t.StatusCode; $t.FailedStep; $t.Reason.StartsWith('CallBackAPI_Request answered 500, not 201'); $emu.Tasks.Count } finally { $emu.Dispose() }")
                .AssertNoErrors();
            Assert.Equal(new object?[] { false, false, 500, "CallBackAPI_Request", true, 0 }, result.Values);
        }

        [Fact]
        public void AnUnknownDnisGets404AndTheTraceShowsWhatTheFlowDid()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(StartEmulator +
                "try { $r = Invoke-IvrSimulation -Dnis +15555550000 -Digits 3" + Endpoints + "; $g = $r.Steps | Where-Object ActivityName -eq 'GET_CBID'; " +
                "$g.Http.StatusCode; $g.Http.Url.EndsWith('/DynVars?dn=5555550000'); $r.Variables['outdialcbid']; " +
                "($r.Steps | Where-Object ActivityName -eq 'HTTPStatusCode').Port; $r.CallbackTask.StatusCode; ($r | Test-CallbackFlow).Reason.StartsWith('GET_CBID found no DynVars record for DNIS +15555550000') } finally { $emu.Dispose() }")
                .AssertNoErrors();
            Assert.Equal(new object?[] { 404, true, "", "false", 400, true }, result.Values);
        }

        [Fact]
        public void TestCallbackFlowWithoutInputRunsTheLabScenarioItself()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(StartEmulator +
                "try { Test-CallbackFlow -Quiet" + Endpoints + "; $t = Test-CallbackFlow" + Endpoints + "; $t.Passed; $t.TaskId -eq $emu.Tasks[1].Id; $emu.Tasks.Count } finally { $emu.Dispose() }")
                .AssertNoErrors();
            Assert.Equal(new object?[] { true, true, true, 2 }, result.Values);
        }

        [Fact]
        public void CallersFromThePipelineRunInParallelAndComeBackInInputOrderWithProgress()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(StartEmulator +
                "try { $callers = 1..12 | ForEach-Object { [pscustomobject]@{ Ani = '+1408555{0:D4}' -f $_; Dnis = '+14694096861'; Digits = @('3', '1')[$_ % 2] } }; " +
                "$r = $callers | Invoke-IvrSimulation -ThrottleLimit 4" + Endpoints + "; ($r | ForEach-Object Ani) -join ','; @($r | Where-Object { $_.Outcome.ToString() -eq 'GlobalError' }).Count; @($r | Where-Object { $_.Outcome.ToString() -eq 'Disconnected' }).Count; $emu.Tasks.Count } finally { $emu.Dispose() }")
                .AssertNoErrors();
            Assert.Equal(new object?[] { string.Join(",", Enumerable.Range(1, 12).Select(i => "+1408555" + i.ToString("D4"))), 6, 6, 6 }, result.Values);
            Assert.NotEmpty(result.Progress);
        }

        [Fact]
        public void AnUnknownActivityTypeStopsTheRunWithAnErrorNamingTypeAndActivity()
        {
            string path = Path.Combine(Path.GetTempPath(), "callbacklab-unknown-" + System.Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(path, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(Sample("flow_template")), "\"activityName\":\\s*\"queue-contact\"", "\"activityName\":\"queue-teleport\""));
            try
            {
                using var ps = new ModuleRunspace();
                var result = ps.Run("$r = Invoke-IvrSimulation -Flow $Path -MockApiUri 'http://127.0.0.1:9/x'; $r.Outcome.ToString(); $r.Steps[-1].ActivityName",
                    new Dictionary<string, object?> { ["Path"] = path });
                Assert.Equal(new object?[] { "Failed", "QueueContact_ypp" }, result.Values);
                ErrorRecord error = Assert.Single(result.Errors);
                Assert.Equal("UnknownActivityType,CallbackLab.Commands.InvokeIvrSimulationCommand", error.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.NotImplemented, error.CategoryInfo.Category);
                Assert.Contains("'queue-teleport'", error.Exception.Message);
                Assert.Contains("'QueueContact_ypp'", error.Exception.Message);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void TheTemplateExportWithNoAgentEndsWhenTheCallerHangsUpAfterTenMinutesWithNoError()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("$r = Invoke-IvrSimulation -Flow $Path -MaxSteps 50 -WarningAction SilentlyContinue; " +
                "$r.Outcome.ToString(); $r.Steps.Count; $r.Duration.ToString(); $r.Steps[-1].ActivityName; $null -eq $r.Steps[-1].Port; ($r.Events | ForEach-Object Name) -join ','",
                new Dictionary<string, object?> { ["Path"] = Sample("flow_template") }).AssertNoErrors();
            Assert.Equal(new object?[] { "CallerHungUp", 23, "00:10:00", "PlayMusic_q5r", true, "NewPhoneContact,PhoneContactEnded" }, result.Values);
        }

        [Fact]
        public void LabDigit2WithNoAgentHangsUpAfterTenMinutesAndAnEarlierAgentStillAnswers()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                "$r = Invoke-IvrSimulation -Digits 2 -WarningAction SilentlyContinue; $r.Outcome.ToString(); $r.Duration.ToString(); $r.Steps[-1].Message; ($r.Events | ForEach-Object Name) -join ','; " +
                "$a = Invoke-IvrSimulation -Digits 2 -AgentAvailableAfter 0:05:00 -WarningAction SilentlyContinue; $a.Outcome.ToString(); ($a.Events | ForEach-Object Name) -join ','").AssertNoErrors();
            Assert.Equal(new object?[] { "CallerHungUp", "00:10:00", "defaultmusic_on_hold.wav; the caller hung up at 00:10:00, before an agent answered",
                "NewPhoneContact,PhoneContactEnded", "AgentAnswered", "NewPhoneContact,AgentAnswered" }, result.Values);
        }

        [Fact]
        public void CallerHangsUpAfterThirtySecondsEndsTheTemplateAtTheFirstMusic()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("$r = Invoke-IvrSimulation -Flow $Path -CallerHangsUpAfter 0:00:30 -WarningAction SilentlyContinue; " +
                "$r.Outcome.ToString(); ($r.Steps | ForEach-Object ActivityName) -join ','; $r.Steps[-1].At.ToString(); $r.Duration.ToString()",
                new Dictionary<string, object?> { ["Path"] = Sample("flow_template") }).AssertNoErrors();
            Assert.Equal(new object?[] { "CallerHungUp", "NewPhoneContact,PlayMessage_ca8,QueueContact_ypp,PlayMusic_q5r", "00:00:30", "00:00:30" }, result.Values);
        }

        [Fact]
        public void CallerHangsUpAfterComesFromThePipelineByPropertyNameAndItsAlias()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                "$callers = [pscustomobject]@{ Flow = $Path; CallerHangsUpAfter = [timespan]'0:01:00' }, [pscustomobject]@{ Flow = $Path; Patience = '0:00:45' }, [pscustomobject]@{ Flow = $Path }; " +
                "$callers | Invoke-IvrSimulation -WarningAction SilentlyContinue | ForEach-Object { $_.Duration.ToString() }",
                new Dictionary<string, object?> { ["Path"] = Sample("flow_template") }).AssertNoErrors();
            Assert.Equal(new object?[] { "00:01:00", "00:00:45", "00:10:00" }, result.Values);
        }

        [Fact]
        public void ACallerWhoNeverHangsUpStillStopsAtTheStepLimitWithTheError()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("$r = Invoke-IvrSimulation -Flow $Path -MaxSteps 50 -CallerHangsUpAfter $null -WarningAction SilentlyContinue; $r.Outcome.ToString(); $r.Steps.Count",
                new Dictionary<string, object?> { ["Path"] = Sample("flow_template") });
            Assert.Equal(new object?[] { "StepLimitExceeded", 50 }, result.Values);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal("StepLimitExceeded,CallbackLab.Commands.InvokeIvrSimulationCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
            Assert.Contains("50 steps", error.Exception.Message);
        }

        [Fact]
        public void ALoopThatTakesNoVirtualTimeStillHitsTheStepLimit()
        {
            string path = Path.Combine(Path.GetTempPath(), "callbacklab-zero-music-" + System.Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(path, File.ReadAllText(Sample("flow_template")).Replace("\"duration\":null", "\"duration\":0"));
            try
            {
                using var ps = new ModuleRunspace();
                var result = ps.Run("$r = Invoke-IvrSimulation -Flow $Path -MaxSteps 50 -WarningAction SilentlyContinue; $r.Outcome.ToString(); $r.Steps.Count; $r.Duration.ToString()",
                    new Dictionary<string, object?> { ["Path"] = path });
                Assert.Equal(new object?[] { "StepLimitExceeded", 50, "00:00:00" }, result.Values);
                ErrorRecord error = Assert.Single(result.Errors);
                Assert.Equal("StepLimitExceeded,CallbackLab.Commands.InvokeIvrSimulationCommand", error.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void NoEndpointIsAWarningAndTokensNeverAppearInVerboseOutput()
        {
            using var ps = new ModuleRunspace();
            var noEndpoint = ps.Run("$r = Invoke-IvrSimulation -Digits 1; $r.Outcome.ToString()").AssertNoErrors();
            Assert.Equal("Disconnected", noEndpoint.Values.Single());
            Assert.Contains("No MockAPI endpoint", Assert.Single(noEndpoint.Warnings).Message);

            var verbose = ps.Run(StartEmulator + "try { $null = Invoke-IvrSimulation -Digits 3 -Verbose" + Endpoints + "; $emu.AccessToken } finally { $emu.Dispose() }").AssertNoErrors();
            string token = (string)verbose.Values.Single()!;
            Assert.NotEmpty(verbose.Verbose);
            Assert.DoesNotContain(token, verbose.AllMessages);
        }

        [Theory]
        [InlineData("-Digits abc", "Digits")]
        [InlineData("-Digits '3,x'", "Digits")]
        [InlineData("-Digits 1, 'x2'", "Digits")]
        [InlineData("-CallerHangsUpAfter '-0:01:00'", "CallerHangsUpAfter")]
        [InlineData("-AgentAvailableAfter '-0:00:01'", "AgentAvailableAfter")]
        public void InvalidCallerInputIsAParameterValidationError(string arguments, string parameter)
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("Invoke-IvrSimulation " + arguments + " -MockApiUri 'http://127.0.0.1:9/x'");
            Assert.Empty(result.Output);
            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.Equal("ParameterArgumentValidationError,CallbackLab.Commands.InvokeIvrSimulationCommand", error.FullyQualifiedErrorId);
            Assert.Equal(parameter, ((ParameterBindingException)error.Exception).ParameterName);
        }

        [Fact]
        public void DtmfKeysAndSilenceAreValidCallerInput()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("(Invoke-IvrSimulation -Digits '*#0', '', '1;2 3' -CallerHangsUpAfter 0:00:00 -MockApiUri 'http://127.0.0.1:9/x' -WarningAction SilentlyContinue).Digits -join '|'")
                .AssertNoErrors();
            Assert.Equal(new object?[] { "*#0||1|2|3" }, result.Values);
        }

        [Fact]
        public void AnInvalidPipelineRowFailsAloneAndTheNextRowsStillRun()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                "$rows = [pscustomobject]@{ Digits = '1' }, [pscustomobject]@{ Digits = 'x' }, [pscustomobject]@{ AgentAvailableAfter = [timespan]'-0:00:05' }, [pscustomobject]@{ Digits = '2' }; " +
                "$rows | Invoke-IvrSimulation -CallerHangsUpAfter 0:00:00 -MockApiUri 'http://127.0.0.1:9/x' -WarningAction SilentlyContinue | ForEach-Object { $_.Digits -join '+' }; " +
                "$Error[1].TargetObject -eq $rows[1]; $Error[0].TargetObject -eq $rows[2]");
            Assert.Equal(new object?[] { "1", "2", true, true }, result.Values);
            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.Equal("ParameterArgumentValidationError,CallbackLab.Commands.InvokeIvrSimulationCommand", e.FullyQualifiedErrorId));
            Assert.Equal("Digits", ((ParameterBindingException)result.Errors[0].Exception).ParameterName);
            Assert.Equal("AgentAvailableAfter", ((ParameterBindingException)result.Errors[1].Exception).ParameterName);
        }

        [Fact]
        public void AnInjected500OnTasksShowsWxccsErrorBodyInTheReason()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                "$e = Start-CallbackLabEmulator; try { Set-CallbackLabFault -Method POST -Path /v1/tasks -StatusCode 500; " +
                "$t = Invoke-IvrSimulation -Digits 3 | Test-CallbackFlow; $t.Passed; $t.StatusCode; $t.FailedStep; $t.Reason } finally { Stop-CallbackLabEmulator }")
                .AssertNoErrors();
            Assert.Equal(new object?[] { false, 500, "CallBackAPI_Request" }, result.Values.Take(3));
            Assert.Matches("^CallBackAPI_Request answered 500, not 201: \\{\"trackingId\":\"CBLAB_[^\"]+\",\"error\":\\{\"key\":\"500\",\"message\":\\[\\{\"description\":\"Internal Server Error\"\\}\\]\\}\\}$",
                (string)result.Values[3]!);
        }
    }
}
