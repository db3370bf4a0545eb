namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>What an activity did: the port it leaves by, or the error it raised, or that it ended the path.</summary>
    internal sealed class ActivityOutcome
    {
        private ActivityOutcome(string? port, SimulationErrorKind? errorKind, string? message, PathEnd end, HttpExchange? http)
        {
            Port = port;
            ErrorKind = errorKind;
            Message = message;
            End = end;
            Http = http;
        }

        internal string? Port { get; }

        internal SimulationErrorKind? ErrorKind { get; }

        internal string? Message { get; }

        internal PathEnd End { get; }

        internal HttpExchange? Http { get; }

        internal bool Failed => ErrorKind != null;

        internal static ActivityOutcome Next(string port, string? message = null, HttpExchange? http = null) =>
            new ActivityOutcome(port, null, message, PathEnd.None, http);

        internal static ActivityOutcome Error(SimulationErrorKind kind, string message, HttpExchange? http = null) =>
            new ActivityOutcome(ActivityPorts.Error, kind, message, PathEnd.None, http);

        internal static ActivityOutcome Ends(PathEnd end, string? message = null) => new ActivityOutcome(null, null, message, end, null);

        /// <summary>The call ends here with <paramref name="outcome"/> (a transfer, a goto), sent to <paramref name="destination"/>.</summary>
        internal static ActivityOutcome EndsCall(SimulationContext context, SimulationOutcome outcome, string destination, string message)
        {
            context.TerminalOutcome = outcome;
            context.TerminalDestination = destination;
            return new ActivityOutcome(null, null, message, PathEnd.Terminal, null);
        }
    }

    /// <summary>How a path stops at an activity.</summary>
    internal enum PathEnd
    {
        None,
        Disconnect,
        EndFlow,

        /// <summary>End Subflow: back to the calling Subflow activity (or the end of a subflow run on its own).</summary>
        EndSubflow,

        /// <summary>A subflow's activity ended the contact: the caller hung up during it.</summary>
        CallerHungUp,

        /// <summary>A subflow's activity ended the IVR part: an agent answered the contact it queued.</summary>
        AgentAnswered,

        /// <summary>A subflow stopped the run (unknown activity, broken link, step limit); the failure is recorded.</summary>
        Stopped,

        /// <summary>The call leaves the flow (see <see cref="SimulationContext.TerminalOutcome"/>).</summary>
        Terminal,
    }
}
