using System.Threading.Tasks;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>Cached completed tasks for the synchronous activities (no allocation per step for the common ports).</summary>
    internal static class Completed
    {
        internal static readonly Task<ActivityOutcome> Out = Task.FromResult(ActivityOutcome.Next(ActivityPorts.Out));
        internal static readonly Task<ActivityOutcome> Disconnect = Task.FromResult(ActivityOutcome.Ends(PathEnd.Disconnect));
        internal static readonly Task<ActivityOutcome> EndFlow = Task.FromResult(ActivityOutcome.Ends(PathEnd.EndFlow));

        internal static Task<ActivityOutcome> From(ActivityOutcome outcome) => Task.FromResult(outcome);
    }
}
