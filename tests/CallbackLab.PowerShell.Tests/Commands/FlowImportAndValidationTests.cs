using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using CallbackLab.PowerShell.Tests.Harness;

namespace CallbackLab.PowerShell.Tests.Commands
{
    /// <summary>Import-WxccFlow and Test-WxccFlow in the real engine, on the sample exports.</summary>
    public sealed class FlowImportAndValidationTests
    {
        private static readonly string s_samples = Path.Combine(RepoPaths.Root, "tests", "TestData", "Flows");

        private static Dictionary<string, object?> Vars(string name) => new() { ["Path"] = Path.Combine(s_samples, name + ".json") };

        [Fact]
        public void ImportReadsAnExportAndTheLabFlow()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("$f = Import-WxccFlow -Path $Path; $f.Name; $f.Variables.Count; $f.Activities.Count; $f.GetType().Name; " +
                "$lab = Import-WxccFlow -Lab; $lab.Name; ($lab.Variables | ForEach-Object Name) -join ','", Vars("CL_1_start")).AssertNoErrors();
            Assert.Equal(new object?[] { "CL_1_start", 1, 11, "WxccFlow", "Main_Flow_CallbackLab", "outdialcbid,customANI,getresult,simulatederror" }, result.Values);
        }

        [Fact]
        public void ActivityPropertiesArePlainValuesAPowerShellUserCanEnumerate()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                "$get = (Import-WxccFlow -Lab).Activities | Where-Object Name -eq 'GET_CBID'\n" +
                "$get.Properties.httpRequestUrl\n" +
                "($get.Properties.outputVariableArray | ForEach-Object { $_.outputVariable + '<-' + $_.jsonPathExp }) -join ';'\n" +
                "@($get.Properties.Keys | Where-Object { $_ -eq 'httpRequestMethod' }).Count\n" +
                "$get.Properties['HTTPREQUESTMETHOD']").AssertNoErrors();

            Assert.Equal(new object?[]
            {
                "https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab/DynVars?dn={{NewPhoneContact.DNIS | slice(2) }}",
                "outdialcbid<-$[0].outboundcallbackep;customANI<-$[0].tacnumber",
                1,
                "GET",
            }, result.Values);
        }

        [Fact]
        public void ImportTakesFilesFromThePipelineAndReportsMissingAndMalformedOnesWithoutStopping()
        {
            string bad = Path.Combine(Path.GetTempPath(), "callbacklab-bad-" + System.Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(bad, "{\"name\":\"x\"}");
            try
            {
                using var ps = new ModuleRunspace();
                var result = ps.Run("@($Path, $Missing, $Bad) | Import-WxccFlow | ForEach-Object Name",
                    new Dictionary<string, object?> { ["Path"] = Path.Combine(s_samples, "flow_template.json"), ["Missing"] = "nope.json", ["Bad"] = bad });
                Assert.Equal(new object?[] { "flow_template" }, result.Values);
                Assert.Equal(2, result.Errors.Count);
                Assert.Equal("FlowFileNotFound,CallbackLab.Commands.ImportWxccFlowCommand", result.Errors[0].FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.ObjectNotFound, result.Errors[0].CategoryInfo.Category);
                Assert.Equal("nope.json", result.Errors[0].TargetObject);
                Assert.Equal("InvalidFlowExport,CallbackLab.Commands.ImportWxccFlowCommand", result.Errors[1].FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.InvalidData, result.Errors[1].CategoryInfo.Category);
                Assert.Contains("'process' is missing", result.Errors[1].Exception.Message);
            }
            finally
            {
                File.Delete(bad);
            }
        }

        [Fact]
        public void TestWxccFlowPassesTheLabWithOneWarningAndFlagsTheCopyButtonSlip()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                "Test-WxccFlow -Flow (Import-WxccFlow -Lab) -Quiet; $w = Test-WxccFlow (Import-WxccFlow -Lab); @($w).Count; $w.Code; $w.ActivityName; " +
                "$json = [CallbackLab.Core.Flows.Lab.LabFlow]::Json.Replace('{{CallBackAPI_Request.httpStatusCode == 201}}', '{{HTTP_PUT.httpStatusCode == 201}}'); " +
                "$slip = [CallbackLab.Core.Flows.Model.WxccFlowReader]::Parse($json, 'slip.json'); Test-WxccFlow $slip -Quiet; " +
                "$e = Test-WxccFlow $slip -MinimumSeverity Error; $e.Severity.ToString(); $e.Code; $e.ActivityName; $e.Message.Contains('HTTP_PUT.httpStatusCode')").AssertNoErrors();
            Assert.Equal(new object?[] { true, 1, "ExpressionDoesNotParse", "SimulateGlobalError", false, "Error", "UnknownReference", "HTTPStatusCode", true }, result.Values);
        }

        [Fact]
        public void TheDocExamplesShowWhatTheCmdletsReallyWrite()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                // Import-WxccFlow.md example 1: the view's columns
                "$_ = Import-WxccFlow $Path; $_.Variables.Count; $_.Activities.Count + $_.EventFlows.Activities.Count; $_.EventFlows.Events -join ', '; " +
                "$_.Activities.Count; @($_.EventFlows.Activities).Count; " +
                // Test-WxccFlow.md examples 1 and 2
                "(Test-WxccFlow (Import-WxccFlow -Lab)).Message; " +
                "$json = [CallbackLab.Core.Flows.Lab.LabFlow]::Json.Replace('{{CallBackAPI_Request.httpStatusCode == 201}}', '{{HTTP_PUT.httpStatusCode == 201}}'); " +
                "$slip = [CallbackLab.Core.Flows.Model.WxccFlowReader]::Parse($json, 'MyMainFlow.json'); Test-WxccFlow $slip -Quiet; " +
                "(Test-WxccFlow $slip -MinimumSeverity Error).Message", Vars("CL_1_start")).AssertNoErrors();
            Assert.Equal(new object?[]
            {
                1, 17, "PhoneContactEnded, AgentDisconnected, CallbackFailed, OnGlobalError, AgentOffered, AgentAnswered", 11, 6,
                "The expression '{{ ANI | 123}}' in 'process.activities.c0a1b2c3-0000-4000-8000-000000000011.properties.expr' does not parse " +
                "(Unexpected token of value \"123\" and type NUMBER, expected token of type NAME); at run time 'SimulateGlobalError' fails and raises OnGlobalError.",
                false,
                "The expression '{{HTTP_PUT.httpStatusCode == 201}}' in 'eventFlows.eventsMap.GLOBAL_EVENTS.process.activities.c0a1b2c3-2000-4000-8000-000000000008.properties.expression' " +
                "refers to 'HTTP_PUT.httpStatusCode': the flow has no variable and no activity named 'HTTP_PUT'.",
            }, result.Values);
        }

        [Fact]
        public void TestWxccFlowTakesPathsAndFindsTheSamplesMenuGap()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("Test-WxccFlow -Flow $Path -Quiet; $f = Test-WxccFlow $Path; $f.Code; $f.ActivityName; Test-WxccFlow $Template | ForEach-Object Code",
                new Dictionary<string, object?> { ["Path"] = Path.Combine(s_samples, "CL_1_readout.json"), ["Template"] = Path.Combine(s_samples, "flow_template.json") })
                .AssertNoErrors();
            Assert.Equal(new object?[] { true, "UnwiredMenuPort", "opt_out" }, result.Values);
        }

        [Theory]
        [InlineData("Import-WxccFlow -Path", "ImportWxccFlowCommand")]
        [InlineData("Test-WxccFlow -Flow", "TestWxccFlowCommand")]
        [InlineData("Invoke-IvrSimulation -WarningAction SilentlyContinue -Flow", "InvokeIvrSimulationCommand")]
        public void EveryFlowParameterReportsAMissingOrMalformedExportLikeImportWxccFlow(string command, string commandClass)
        {
            string bad = Path.Combine(Path.GetTempPath(), "callbacklab-bad-" + System.Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(bad, "{\"name\":\"x\"}");
            try
            {
                using var ps = new ModuleRunspace();
                var result = ps.Run(command + " 'no-such-flow.json'; " + command + " $Bad; 'next'", new Dictionary<string, object?> { ["Bad"] = bad });
                Assert.Null(result.TerminatingError);
                Assert.Equal(new object?[] { "next" }, result.Values);
                Assert.Equal(2, result.Errors.Count);
                Assert.Equal("FlowFileNotFound,CallbackLab.Commands." + commandClass, result.Errors[0].FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.ObjectNotFound, result.Errors[0].CategoryInfo.Category);
                Assert.Equal("no-such-flow.json", result.Errors[0].TargetObject);
                Assert.Equal("InvalidFlowExport,CallbackLab.Commands." + commandClass, result.Errors[1].FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.InvalidData, result.Errors[1].CategoryInfo.Category);
                Assert.Equal(bad, result.Errors[1].TargetObject);
            }
            finally
            {
                File.Delete(bad);
            }
        }

        [Fact]
        public void FlowsFilesAndPathsBindFromThePipelineAndAMissingRowDoesNotStopTheOthers()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                "@($Readout, $Template) | Import-WxccFlow | Test-WxccFlow -Quiet; " +
                "@([System.IO.FileInfo]$Readout, 'nope.json', [System.IO.FileInfo]$Template) | Test-WxccFlow -Quiet; " +
                "[pscustomobject]@{ FullName = $Template } | Test-WxccFlow -Quiet; 'end'",
                new Dictionary<string, object?> { ["Readout"] = Path.Combine(s_samples, "CL_1_readout.json"), ["Template"] = Path.Combine(s_samples, "flow_template.json") });
            Assert.Equal(new object?[] { true, true, true, true, true, "end" }, result.Values);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal("FlowFileNotFound,CallbackLab.Commands.TestWxccFlowCommand", error.FullyQualifiedErrorId);
        }

        [Fact]
        public void AFlowArgumentThatIsNeitherAFlowNorAFileIsAParameterBindingError()
        {
            using var ps = new ModuleRunspace();
            var wrongType = ps.Run("Invoke-IvrSimulation -Flow 42");
            ErrorRecord error = Assert.Single(wrongType.AllErrors);
            Assert.Equal("ParameterArgumentTransformationError,CallbackLab.Commands.InvokeIvrSimulationCommand", error.FullyQualifiedErrorId);
            Assert.Contains("Int32", error.Exception.Message);
        }
    }
}
