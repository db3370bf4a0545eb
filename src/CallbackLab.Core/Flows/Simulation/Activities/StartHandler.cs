using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>NewPhoneContact and event triggers: the contact's outputs are set when the call starts; leave by <c>out</c>.</summary>
    internal sealed class StartHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity) => Completed.Out;
    }
}
