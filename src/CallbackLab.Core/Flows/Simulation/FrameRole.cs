namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>Which kind of path a frame runs: it decides where an unhandled error goes.</summary>
    internal enum FrameRole
    {
        Main,
        EventFlow,
        Subflow,
    }
}
