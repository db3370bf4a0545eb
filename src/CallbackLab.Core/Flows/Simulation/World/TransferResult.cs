namespace CallbackLab.Core.Flows.Simulation.World
{
    /// <summary>How the far end of a transfer answers.</summary>
    public enum TransferResult
    {
        /// <summary>Blind transfer: the call is handed over and the flow ends (outcome Transferred).</summary>
        Completed,

        /// <summary>Bridged transfer: the far end answered, then hung up; the caller returns to the flow (<c>default</c>).</summary>
        Returned,

        /// <summary>The destination is busy (<c>failure</c>).</summary>
        Busy,

        /// <summary>Nobody answered before the timeout (<c>failure</c>).</summary>
        NoAnswer,

        /// <summary>The destination cannot be dialled (<c>failure</c>).</summary>
        Invalid,
    }
}
