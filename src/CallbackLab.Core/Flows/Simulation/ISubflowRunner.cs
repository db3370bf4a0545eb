using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.Activities;

namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>The engine's side of a Subflow activity: runs the subflow on the same call (clock, caller, trace, step limit).</summary>
    internal interface ISubflowRunner
    {
        /// <summary>Runs the subflow <paramref name="handoff"/> names and says how the Subflow activity leaves.</summary>
        Task<ActivityOutcome> HandOffAsync(FlowActivity handoff);
    }
}
