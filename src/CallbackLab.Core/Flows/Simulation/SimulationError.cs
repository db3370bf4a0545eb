namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>An activity's failure, as the Debug view shows it: which activity, what kind of error, the message.</summary>
    public sealed class SimulationError
    {
        /// <summary>Creates an error.</summary>
        public SimulationError(int stepIndex, string activityId, string activityName, string activityType, SimulationErrorKind kind, string message)
        {
            StepIndex = stepIndex;
            ActivityId = activityId;
            ActivityName = activityName;
            ActivityType = activityType;
            Kind = kind;
            Message = message;
        }

        /// <summary>The index of the failing step in <see cref="IvrSimulationResult.Steps"/>.</summary>
        public int StepIndex { get; }

        /// <summary>The failing activity's id.</summary>
        public string ActivityId { get; }

        /// <summary>The failing activity's label, e.g. <c>SimulateGlobalError</c>.</summary>
        public string ActivityName { get; }

        /// <summary>The failing activity's type, e.g. <c>set-variable</c>.</summary>
        public string ActivityType { get; }

        /// <summary>The kind: Expression, Conversion, Http, Callback, UnknownActivity, BrokenLink, StepLimit, ….</summary>
        public SimulationErrorKind Kind { get; }

        /// <summary>The message, e.g. Pebble's <c>Unexpected token of value "123" and type NUMBER, expected token of type NAME</c>.</summary>
        public string Message { get; }

        /// <inheritdoc />
        public override string ToString() => ActivityName + ": " + Message;
    }
}
