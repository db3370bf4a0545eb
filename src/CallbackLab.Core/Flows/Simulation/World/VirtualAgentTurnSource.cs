namespace CallbackLab.Core.Flows.Simulation.World
{
    /// <summary>Where a virtual-agent turn came from: the caller's script wins over the world, the world over the default.</summary>
    public enum VirtualAgentTurnSource
    {
        /// <summary>Neither scripted one: the documented default (Handled after 30 s), listed in AssumedWorld.</summary>
        Default,

        /// <summary>The caller's script (<c>Invoke-IvrSimulation -VirtualAgent</c>, a caller object's or CSV row's VirtualAgent).</summary>
        Caller,

        /// <summary>The world's <c>VirtualAgentTurns</c> (<c>New-IvrWorld -VirtualAgentTurn</c>).</summary>
        World,
    }
}
