using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;

namespace CallbackLab.Core.Flows.Grading
{
    /// <summary>Grades an attendee's flow: the static check of every lab step, then the lab scenario run against the flow.</summary>
    public static class LabGrader
    {
        /// <summary>Grades <paramref name="flow"/>.</summary>
        public static async Task<LabGrade> GradeAsync(WxccFlow flow, LabGradingOptions options, CancellationToken cancellationToken = default)
        {
            if (flow is null)
            {
                throw new ArgumentNullException(nameof(flow));
            }

            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var findings = new List<LabFinding>(LabStaticCheck.Check(flow, options.MockApiPrefix));
            CallbackFlowTestResult? scenario = null;
            if (options.RunScenario)
            {
                scenario = await LabScenario.RunAsync(flow, options, cancellationToken).ConfigureAwait(false);
                LabFinding? finding = ScenarioFinding(scenario, findings);
                if (finding != null)
                {
                    findings.Add(finding);
                }
            }

            // Lab-step order; within a step the static findings first (they say what to change, the scenario what happened).
            List<LabFinding> ordered = findings.Select((f, i) => (f, i)).OrderBy(p => p.f.Step.Index).ThenBy(p => p.i).Select(p => p.f).ToList();
            return new LabGrade(flow.Name, flow.Source, options.RunScenario ? options.Dnis : null, new LabFindings(ordered), scenario);
        }

        private static LabFinding? ScenarioFinding(CallbackFlowTestResult scenario, List<LabFinding> findings)
        {
            if (scenario.Passed)
            {
                return null;
            }

            LabStep step = LabScenario.StepOf(scenario);
            string message = "The lab scenario (DNIS " + scenario.Simulation.Dnis + ", key " + LabNames.MenuDigit + "): " + scenario.Reason;

            // The lab text's HTTP_PUT slip makes the condition take False though the task was created: noted, not failed.
            bool slip = step == LabSteps.StatusCondition && scenario.StatusCode == 201
                && findings.Any(f => f.LabTextSlip);
            return new LabFinding(step, slip ? LabFindingSeverity.Note : LabFindingSeverity.Failure, scenario.FailedStep, message, fromScenario: true, labTextSlip: slip);
        }
    }
}
