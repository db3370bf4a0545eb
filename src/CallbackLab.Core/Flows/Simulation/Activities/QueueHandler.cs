using System;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Queue Contact: queues the contact; an agent answers AgentAvailableAfter later (the option, else the world's; never when
    /// neither is set, recorded as assumed), which fires AgentAnswered. Sets <c>QueueId</c> and leaves by <c>default</c> into
    /// the in-queue treatment. A variable queue (<c>queueRadioGroup</c> <c>variableQueue</c>) whose variable is empty leaves by
    /// <c>failure</c> with FailureCode 1; one the world lists in FailingActivities (the queue refuses the contact) with FailureCode 2.
    /// </summary>
    internal sealed class QueueHandler : IActivityHandler
    {
        internal const string FailurePort = "failure";

        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            bool variableQueue = string.Equals(activity.GetString("queueRadioGroup"), "variableQueue", StringComparison.OrdinalIgnoreCase);
            string destination;
            if (variableQueue)
            {
                string? name = activity.GetString("destinationVariable");
                context.Variables.TryGetValue((name ?? string.Empty).Trim().Trim('{', '}', ' '), out object? value);
                destination = FlowValues.ToText(value).Trim();
                if (destination.Length == 0)
                {
                    ActivityIo.Failure(context, activity, 1, "The queue variable '" + name + "' is empty.");
                    return Completed.From(ActivityOutcome.Next(FailurePort, "the queue variable '" + name + "' is empty"));
                }
            }
            else
            {
                destination = activity.GetString("destination:name") ?? activity.GetString("destination") ?? activity.GetString("agentId") ?? "(queue)";
            }

            if (ActivityIo.FailsInWorld(context, activity))
            {
                ActivityIo.Failure(context, activity, 2, "The queue did not accept the contact.");
                return Completed.From(ActivityOutcome.Next(FailurePort, "queue " + destination + " did not accept the contact (FailingActivities)"));
            }

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
            ActivityIo.Output(context, activity, "QueueId", activity.GetString("destination") ?? destination);
            string message = "queued to " + destination + (context.AgentAnswersAt is { } at ? "; an agent answers at " + at : "; no agent is available");
            return Completed.From(ActivityOutcome.Next(ActivityPorts.Default, message));
        }
    }
}
