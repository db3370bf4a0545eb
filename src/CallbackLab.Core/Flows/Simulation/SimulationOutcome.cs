namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>How a simulated contact ended.</summary>
    public enum SimulationOutcome
    {
        /// <summary>A Disconnect Contact activity hung up on the caller.</summary>
        Disconnected,

        /// <summary>The flow reached End Flow, or a port that leads nowhere.</summary>
        Ended,

        /// <summary>An agent answered the queued contact (AgentAnswered fired).</summary>
        AgentAnswered,

        /// <summary>An activity failed with no wired error port; the OnGlobalError event flow handled the contact.</summary>
        GlobalError,

        /// <summary>The simulation could not go on: an unknown activity type, a missing activity, or an error no handler took.</summary>
        Failed,

        /// <summary>
        /// The step limit ended a loop that takes no virtual time (or an in-queue loop when the caller never hangs up and no
        /// agent comes).
        /// </summary>
        StepLimitExceeded,

        /// <summary>
        /// The caller hung up (<see cref="IvrSimulationOptions.CallerHangsUpAfter"/> passed before an agent answered);
        /// PhoneContactEnded fired. Not an error.
        /// </summary>
        CallerHungUp,

        /// <summary>A subflow simulated on its own reached End Subflow; <see cref="IvrSimulationResult.SubflowOutputs"/> holds its outputs.</summary>
        SubflowEnded,

        /// <summary>A Blind Transfer handed the call to a number (<see cref="IvrSimulationResult.Destination"/>).</summary>
        Transferred,

        /// <summary>A GoTo (hand-off) sent the call to another flow or entry point (<see cref="IvrSimulationResult.Destination"/>).</summary>
        HandedOff,
    }
}
