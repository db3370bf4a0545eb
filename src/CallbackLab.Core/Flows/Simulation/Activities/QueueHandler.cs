using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Queue Contact and Queue To Agent: queues the contact; an agent answers <see cref="IvrSimulationOptions.AgentAvailableAfter"/>
    /// later (never when unset), which fires AgentAnswered. Leaves by <c>default</c> into the in-queue treatment.
    /// </summary>
    internal sealed class QueueHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string destination = activity.GetString("destination:name") ?? activity.GetString("destination") ?? activity.GetString("agentId") ?? "(queue)";
            if (context.AgentAnswersAt == null && context.AgentAvailableAfter is { } after)
            {
                context.AgentAnswersAt = context.Elapsed + after;
            }
            else if (context.AgentAnswersAt == null)
            {
                context.World.Assume(nameof(World.IvrWorld.AgentAvailableAfter), "never", activity.Name, "no agent answers the queued contact");
            }

            context.World.QueuedTo = destination;
            context.World.CurrentGroup = 1;
            string message = "queued to " + destination + (context.AgentAnswersAt is { } at ? "; an agent answers at " + at : "; no agent is available");
            return Completed.From(ActivityOutcome.Next(ActivityPorts.Default, message));
        }
    }
}
