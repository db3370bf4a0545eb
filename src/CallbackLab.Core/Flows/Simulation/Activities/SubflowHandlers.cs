using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Subflow (<c>subflow-handoff</c>): the engine runs the referenced subflow from the library with the inputs mapped in,
    /// maps the outputs back when End Subflow is reached and leaves by <c>default</c>; an error the subflow does not handle
    /// leaves by this activity's <c>error</c> port, else raises the caller's OnGlobalError.
    /// </summary>
    internal sealed class SubflowHandoffHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity) =>
            context.SubflowRunner!.HandOffAsync(activity);
    }

    /// <summary>End Subflow: returns to the calling Subflow activity (which end was reached selects nothing).</summary>
    internal sealed class EndSubflowHandler : IActivityHandler
    {
        private static readonly Task<ActivityOutcome> s_end = Task.FromResult(ActivityOutcome.Ends(PathEnd.EndSubflow));

        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity) => s_end;
    }
}
