namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>Port (link <c>conditionExpr</c>) names used across activity types.</summary>
    internal static class ActivityPorts
    {
        internal const string Out = "out";
        internal const string Default = "default";
        internal const string Error = "error";
        internal const string True = "true";
        internal const string False = "false";
        internal const string Timeout = "timeout";
        internal const string Invalid = "invalid";
    }
}
