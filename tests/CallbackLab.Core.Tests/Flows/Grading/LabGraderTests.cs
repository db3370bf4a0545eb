using System;
using System.Linq;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;
using CallbackLab.Core.Flows.Grading;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Tests.Flows.Grading
{
    /// <summary>The grader against the repository's lab flow and one mutation per lab step, with the scenario run on the emulator.</summary>
    public sealed class LabGraderTests : IDisposable
    {
        private readonly LabEmulator _emulator = LabEmulator.Start();

        public static TheoryData<string> Mutations() => new TheoryData<string>(LabFlowMutations.All.Select(m => m.Name));

        public void Dispose() => _emulator.Dispose();

        private LabGradingOptions Options() => new LabGradingOptions
        {
            Dnis = LabFlow.ExampleDnis,
            MockApiUri = _emulator.MockApiUri,
            Connector = _emulator.Connection,
        };

        [Fact]
        public async Task TheRepositoryLabFlowPassesEveryStepAndTheScenario()
        {
            LabGrade grade = await LabGrader.GradeAsync(LabFlow.Flow, Options());

            Assert.True(grade.Passed, grade.ToString());
            Assert.Equal(LabFlow.Flow.Name, grade.Flow);
            Assert.Equal(LabFlow.Flow.Name.Substring(LabNames.FlowPrefix.Length), grade.Attendee);
            Assert.Null(grade.Step);
            Assert.Null(grade.Title);
            Assert.Empty(grade.Findings);
            Assert.True(grade.Scenario!.Passed);
            Assert.Equal(grade.Scenario.Reason, grade.Reason);
            Assert.Equal(grade.Scenario.TaskId, Assert.Single(_emulator.Tasks).Id);
        }

        [Theory]
        [MemberData(nameof(Mutations))]
        public async Task AMutationThatBreaksOneStepIsGradedAsFailingAtThatStep(string mutationName)
        {
            LabFlowMutations.Mutation mutation = LabFlowMutations.Named(mutationName);
            WxccFlow flow = mutation.Flow("A17");

            LabGrade grade = await LabGrader.GradeAsync(flow, Options());

            Assert.False(grade.Passed);
            Assert.Equal(mutation.Breaks.Index, grade.StepIndex);
            Assert.Equal(mutation.Breaks.Number, grade.Step);
            Assert.Equal(mutation.Breaks.Title, grade.Title);
            Assert.Equal(grade.FirstFailure!.Message, grade.Reason);
            Assert.False(grade.FirstFailure.FromScenario, "the static check names the step before the scenario does");
            Assert.Equal(flow.Name, grade.Flow);
            Assert.Equal(mutation.Breaks == LabSteps.OpenFlow ? null : "A17", grade.Attendee);

            // Exactly that step: the static check finds nothing wrong before it.
            Assert.DoesNotContain(grade.Findings.Failures, f => f.Step.Index < mutation.Breaks.Index);
            Assert.Contains(grade.Findings.Failures, f => !f.FromScenario && f.Step == mutation.Breaks);
        }

        [Fact]
        public void EachStaticFailureOfAMutationIsAtTheStepItBreaksOrAStepThatDependsOnIt()
        {
            foreach (LabFlowMutations.Mutation mutation in LabFlowMutations.All)
            {
                var failures = LabStaticCheck.Check(mutation.Flow()).Where(f => f.Severity == LabFindingSeverity.Failure).ToList();
                Assert.True(failures.Count > 0, mutation.Name);
                Assert.All(failures, f => Assert.True(
                    f.Step == mutation.Breaks || (mutation.Breaks == LabSteps.UnlinkEndFlow && f.Step == LabSteps.CallbackRequest),
                    mutation.Name + ": " + f));
            }
        }

        [Fact]
        public async Task TheLabTextsHttpPutSlipPassesWithANoteAndTheScenarioStillCreatesTheTask()
        {
            LabGrade grade = await LabGrader.GradeAsync(LabFlowMutations.HttpPutSlip.Flow("A03"), Options());

            Assert.True(grade.Passed, grade.ToString());
            Assert.Equal(2, grade.Findings.Count);
            Assert.All(grade.Findings, f => Assert.Equal((LabFindingSeverity.Note, LabSteps.StatusCondition, true), (f.Severity, f.Step, f.LabTextSlip)));
            Assert.Contains(LabNames.SlipActivity, grade.Findings[0].Message);
            Assert.False(grade.Findings[0].FromScenario);
            Assert.True(grade.Findings[1].FromScenario);
            Assert.Equal("false", grade.Scenario!.Simulation.FindStep(LabNames.StatusCondition)!.Port);
            Assert.Equal(201, grade.Scenario.StatusCode);
            Assert.Single(_emulator.Tasks);
            Assert.Contains(LabNames.SlipActivity, grade.Notes);
        }

        [Fact]
        public async Task ADnisWithoutADynVarsRecordFailsTheLookupStepThroughTheScenario()
        {
            LabGradingOptions options = Options();
            options.Dnis = "+15555550000";

            LabGrade grade = await LabGrader.GradeAsync(LabFlow.Flow, options);

            Assert.False(grade.Passed);
            Assert.Equal(LabSteps.GetEntryPoint.Index, grade.StepIndex);
            Assert.True(grade.FirstFailure!.FromScenario);
            Assert.Contains("+15555550000", grade.Reason);
            Assert.Equal("+15555550000", grade.Dnis);
            Assert.Empty(_emulator.Tasks);
        }

        [Fact]
        public async Task WithoutTheScenarioOnlyTheExportIsGraded()
        {
            LabGradingOptions options = Options();
            options.RunScenario = false;

            LabGrade grade = await LabGrader.GradeAsync(LabFlowMutations.Named("global-error-still-to-end-flow").Flow(), options);

            Assert.Equal(LabSteps.UnlinkEndFlow, grade.FirstFailure!.Step);
            Assert.Null(grade.Scenario);
            Assert.Null(grade.Dnis);
            Assert.DoesNotContain(grade.Findings, f => f.FromScenario);
            Assert.Empty(_emulator.Journal);
        }

        [Fact]
        public void EquivalentSpellingsThatFlowDesignerComputesTheSameWayPass()
        {
            var export = LabFlowMutations.LabExport();
            var activities = (Newtonsoft.Json.Linq.JObject)export["process"]!["activities"]!;
            var lookup = activities.Properties().Select(p => p.Value["properties"]!).Single(p => (string?)p["name"] == LabNames.Lookup);
            lookup["httpRequestUrl"] = LabFlow.MockApiPrefix + "/DynVars";
            lookup["httpQueryParameters"] = new Newtonsoft.Json.Linq.JObject { ["dn"] = "{{ NewPhoneContact.DNIS|slice(2) }}" };
            lookup["outputVariableArray"]![0]!["jsonPathExp"] = "$[0]['outboundcallbackep']";
            var condition = export.SelectToken("eventFlows.eventsMap.GLOBAL_EVENTS.process.activities")!.Children<Newtonsoft.Json.Linq.JProperty>()
                .Select(p => p.Value["properties"]!).Single(p => (string?)p["name"] == LabNames.StatusCondition);
            condition["expression"] = "{{ 201 == CallBackAPI_Request.httpStatusCode }}";

            var findings = LabStaticCheck.Check(WxccFlowReader.Parse(export.ToString()));

            Assert.Empty(findings);
        }
    }
}
