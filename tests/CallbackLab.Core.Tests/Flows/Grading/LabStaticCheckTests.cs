using System.IO;
using System.Linq;
using CallbackLab.Core.Flows.Grading;
using CallbackLab.Core.Flows.Model;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.Flows.Grading
{
    /// <summary>The static check on export shapes other than the repository's: real exports, newer Set Variable arrays, string flags.</summary>
    public sealed class LabStaticCheckTests
    {
        [Fact]
        public void ARealFundamentalsExportWhereMission1IsNotBuiltFailsAtTheVariablesAndNamesEachMissingOne()
        {
            JObject export = JObject.Parse(File.ReadAllText(SampleFlows.PathOf("CL_1_start")));
            export["name"] = AttendeeFlowName.ForAttendee("B12");

            var failures = LabStaticCheck.Check(WxccFlowReader.Parse(export.ToString())).Where(f => f.Severity == LabFindingSeverity.Failure).ToList();

            Assert.Equal(LabSteps.AddVariables, failures[0].Step);
            Assert.Equal(LabNames.Variables, failures.Where(f => f.Step == LabSteps.AddVariables).Select(f => LabNames.Variables.Single(v => f.Message.Contains(" " + v + " "))));
            Assert.All(failures, f => Assert.True(f.Step.Index >= LabSteps.AddVariables.Index, f.ToString()));
            Assert.Contains(failures, f => f.Step == LabSteps.CallbackRequest && f.ActivityName == LabNames.CallbackRequest);
        }

        [Fact]
        public void TheRealExportItselfFailsAtStepOneForItsName()
        {
            WxccFlow flow = SampleFlows.Load("CL_1_start");
            LabFinding first = LabStaticCheck.Check(flow).First(f => f.Severity == LabFindingSeverity.Failure);
            Assert.Equal(LabSteps.OpenFlow, first.Step);
            Assert.Contains("'" + flow.Name + "'", first.Message);
        }

        [Fact]
        public void ASetVariablesArrayAndStringFlagsAsNewerExportsWriteThemPass()
        {
            JObject export = LabFlowMutations.LabExport();
            JObject set = Properties(export, LabNames.SetGetResult);
            var assignment = new JObject();
            foreach (string key in new[] { "srcVariable", "srcVariableType", "setTo", "setToVariable", "expr" })
            {
                assignment[key] = set[key];
                set.Remove(key);
            }

            set["setVariablesArray"] = new JArray(assignment);
            Properties(export, LabNames.Lookup)["authenticated"] = "false";
            Properties(export, LabNames.CallbackRequest)["authenticated"] = "true";

            Assert.Empty(LabStaticCheck.Check(WxccFlowReader.Parse(export.ToString())));
        }

        [Fact]
        public void ALabelInAnotherCaseIsANoteNotAFailure()
        {
            JObject export = LabFlowMutations.LabExport();
            JObject lookup = Activity(export, LabNames.Lookup);
            lookup["name"] = "get_cbid";
            lookup["properties"]!["name"] = "get_cbid";

            LabFinding finding = Assert.Single(LabStaticCheck.Check(WxccFlowReader.Parse(export.ToString())));

            Assert.Equal((LabFindingSeverity.Note, LabSteps.GetEntryPoint, "get_cbid"), (finding.Severity, finding.Step, finding.ActivityName));
        }

        [Fact]
        public void AValueThatFailsOtherwiseThanTheLabsStillRaisesTheErrorAndIsNoted()
        {
            JObject export = LabFlowMutations.LabExport();
            Properties(export, LabNames.SimulateGlobalError)["expr"] = "{{ ANI | nosuchfilter }}";

            LabFinding finding = Assert.Single(LabStaticCheck.Check(WxccFlowReader.Parse(export.ToString())));

            Assert.Equal((LabFindingSeverity.Note, LabSteps.SimulateGlobalError), (finding.Severity, finding.Step));
        }

        private static JObject Activity(JObject export, string name) =>
            ((JObject)export["process"]!["activities"]!).Properties().Select(p => (JObject)p.Value)
                .Concat(((JObject)export.SelectToken("eventFlows.eventsMap.GLOBAL_EVENTS.process.activities")!).Properties().Select(p => (JObject)p.Value))
                .Single(a => (string?)a["name"] == name);

        private static JObject Properties(JObject export, string name) => (JObject)Activity(export, name)["properties"]!;
    }
}
