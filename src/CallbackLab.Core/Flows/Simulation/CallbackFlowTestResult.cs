namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>Whether a simulated call proved the callback-on-global-error path, and if not, why.</summary>
    public sealed class CallbackFlowTestResult
    {
        /// <summary>Creates a result.</summary>
        public CallbackFlowTestResult(bool passed, string reason, string? failedStep, int? statusCode, string? taskId, IvrSimulationResult simulation)
        {
            Passed = passed;
            Reason = reason;
            FailedStep = failedStep;
            StatusCode = statusCode;
            TaskId = taskId;
            Simulation = simulation;
        }

        /// <summary>True when OnGlobalError ran, the request answered 201 and the condition took True.</summary>
        public bool Passed { get; }

        /// <summary>Why it passed or failed, in words.</summary>
        public string Reason { get; }

        /// <summary>The activity where the path went wrong; null when it passed.</summary>
        public string? FailedStep { get; }

        /// <summary>The status code the task request got; null when it got none or never ran.</summary>
        public int? StatusCode { get; }

        /// <summary>The created task's id; null when none was created.</summary>
        public string? TaskId { get; }

        /// <summary>The simulation that was checked.</summary>
        public IvrSimulationResult Simulation { get; }

        /// <inheritdoc />
        public override string ToString() => (Passed ? "Passed: " : "Failed: ") + Reason;
    }
}
