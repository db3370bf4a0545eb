using System.Linq;
using CallbackLab.Core.Flows.Simulation;

namespace CallbackLab.Core.Flows.Grading
{
    /// <summary>
    /// An attendee's flow graded against the lab: the first lab step that fails and why, and every finding. The properties
    /// a table or a CSV shows are plain text and numbers.
    /// </summary>
    public sealed class LabGrade
    {
        /// <summary>Creates a grade from its findings; the first failure in lab-step order is the grade's step.</summary>
        public LabGrade(string flow, string? source, string? dnis, LabFindings findings, CallbackFlowTestResult? scenario)
        {
            Flow = flow;
            Attendee = AttendeeFlowName.AttendeeId(flow);
            Source = source;
            Dnis = dnis;
            Findings = findings;
            Scenario = scenario;
            FirstFailure = findings.Failures.OrderBy(f => f.Step.Index).FirstOrDefault();
        }

        /// <summary>The attendee's flow name, e.g. <c>Main_Flow_Attendee07</c>.</summary>
        public string Flow { get; }

        /// <summary>The attendee id from the flow name (<c>Main_Flow_&lt;id&gt;</c>); null when the name is not the lab's.</summary>
        public string? Attendee { get; }

        /// <summary>True when every lab step is done and the lab scenario passed.</summary>
        public bool Passed => FirstFailure == null;

        /// <summary>The failing lab step's number as the lab text gives it (the lab numbers two steps "8"); null when passed.</summary>
        public string? Step => FirstFailure?.Step.Number;

        /// <summary>The failing step's place in the lab, 1 to 9 (tells the two 8s apart); null when passed.</summary>
        public int? StepIndex => FirstFailure?.Step.Index;

        /// <summary>The failing step's title as the lab text words it; null when passed.</summary>
        public string? Title => FirstFailure?.Step.Title;

        /// <summary>Why the step fails; when passed, what the scenario proved.</summary>
        public string Reason => FirstFailure?.Message ?? Scenario?.Reason ?? "Every lab step is done (the lab scenario was not run).";

        /// <summary>The notes: differences Flow Designer runs the same way, and the lab text's slips; empty when none.</summary>
        public string Notes => string.Join(" | ", Findings.Notes.Select(n => n.Message));

        /// <summary>The attendee's DNIS the scenario dialled; null when it was not run.</summary>
        public string? Dnis { get; }

        /// <summary>Where the flow came from (the export's path); null when built in memory.</summary>
        public string? Source { get; }

        /// <summary>Every finding, failures and notes, in lab-step order.</summary>
        public LabFindings Findings { get; }

        /// <summary>The first failing finding; null when passed.</summary>
        public LabFinding? FirstFailure { get; }

        /// <summary>The lab scenario's check (with its simulation); null when it was not run.</summary>
        public CallbackFlowTestResult? Scenario { get; }

        /// <inheritdoc />
        public override string ToString() => Flow + ": " + (Passed ? "passed" : "fails at step " + Step + " (" + Title + "): " + Reason);
    }
}
