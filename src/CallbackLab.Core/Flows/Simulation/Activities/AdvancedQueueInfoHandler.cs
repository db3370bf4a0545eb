using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.World;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Advanced Queue Information: the world's <c>PIQ</c>, agent counts, <c>CurrentGroup</c> (0 until queued) and
    /// <c>TotalGroups</c>, <c>status</c>; leaves by <c>out</c> (or <c>default</c> when only that is wired), by <c>failure</c>
    /// (FailureCode 1) when no queue is named.
    /// </summary>
    internal sealed class AdvancedQueueInfoHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string queue = QueueStatistics.Destination(context, activity);
            if (queue.Length == 0)
            {
                ActivityIo.Failure(context, activity, 1, "No queue to look up.");
                ActivityIo.Output(context, activity, "status", "failure");
                return Completed.From(ActivityOutcome.Next(QueueLookupHandler.FailurePort, "no queue named (destination)"));
            }

            long position = QueueStatistics.Position(context, activity);
            ActivityIo.Output(context, activity, "PIQ", position);
            QueueStatistics.WriteAgents(context, activity);
            long groups = context.World.Value(context.World.Settings.CallDistributionGroups, WorldDefaults.CallDistributionGroups,
                nameof(IvrWorld.CallDistributionGroups), activity.Name, "the queue has one call distribution group");
            ActivityIo.Output(context, activity, "CurrentGroup", (long)context.World.CurrentGroup);
            ActivityIo.Output(context, activity, "TotalGroups", groups);
            ActivityIo.Output(context, activity, "status", "success");
            return Completed.From(ActivityOutcome.Next(ActivityIo.SuccessPort(context, activity, ActivityPorts.Out, ActivityPorts.Default),
                queue + ": position " + position));
        }
    }
}
