namespace CallbackLab.Core.Flows.Grading
{
    /// <summary>One thing the grader found about one lab step of an attendee's flow.</summary>
    public sealed class LabFinding
    {
        /// <summary>Creates a finding.</summary>
        public LabFinding(LabStep step, LabFindingSeverity severity, string? activityName, string message, bool fromScenario = false, bool labTextSlip = false)
        {
            Step = step;
            Severity = severity;
            ActivityName = activityName;
            Message = message;
            FromScenario = fromScenario;
            LabTextSlip = labTextSlip;
        }

        /// <summary>The lab step the finding is about.</summary>
        public LabStep Step { get; }

        /// <summary>Whether the step fails or the finding is a note.</summary>
        public LabFindingSeverity Severity { get; }

        /// <summary>The activity the finding is about; null when it is about the flow (its name, its variables).</summary>
        public string? ActivityName { get; }

        /// <summary>What is wrong (or worth knowing), in words.</summary>
        public string Message { get; }

        /// <summary>True when the lab scenario run found it; false for the static check of the export.</summary>
        public bool FromScenario { get; }

        /// <summary>True when the finding comes from a slip of the lab text (the condition's <c>HTTP_PUT</c>), not of the attendee.</summary>
        public bool LabTextSlip { get; }

        /// <inheritdoc />
        public override string ToString() => "Step " + Step.Number + " (" + Step.Title + ") " + Severity + ": " + Message;
    }
}
