namespace CallbackLab.Core.Flows.Simulation.World
{
    /// <summary>How a virtual-agent conversation ends, and so which port the activity leaves by.</summary>
    public enum VirtualAgentTurnEnd
    {
        /// <summary>The agent handled the caller (port <c>ENDED</c>).</summary>
        Handled,

        /// <summary>The agent hands the caller to a human (port <c>ESCALATE</c>).</summary>
        Escalated,

        /// <summary>The agent failed (port <c>error</c>; <c>ErrorCode</c> <c>system_error</c> unless the turn sets one).</summary>
        Error,

        /// <summary>The caller hung up during the conversation: the call ends (outcome CallerHungUp).</summary>
        CallerHungUp,
    }
}
