using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>Disconnect Contact: hangs up on the caller.</summary>
    internal sealed class DisconnectHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity) => Completed.Disconnect;
    }

    /// <summary>End Flow: the flow (or event flow) stops here.</summary>
    internal sealed class EndFlowHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity) => Completed.EndFlow;
    }
}
