using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>Runs one activity type.</summary>
    internal interface IActivityHandler
    {
        Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity);
    }
}
