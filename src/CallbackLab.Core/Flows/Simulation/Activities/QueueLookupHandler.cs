using System;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.World;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Get Queue Info (<c>queue-lookup</c>): reports the world's statistics for the queue in <c>destination</c>: <c>PIQ</c>,
    /// <c>EWT</c> (ms), <c>CallsQueuedNow</c>, <c>OldestCallTime</c> (ms) and the agent counts. Leaves by <c>default</c>
    /// (or <c>out</c> when only that is wired); by <c>insufficientdata</c> with EWT −1 when the world says the queue lacks
    /// history; by <c>failure</c> (FailureCode 1) when no queue is named.
    /// </summary>
    internal sealed class QueueLookupHandler : IActivityHandler
    {
        internal const string InsufficientData = "insufficientdata";
        internal const string FailurePort = "failure";

        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string queue = QueueStatistics.Destination(context, activity);
            if (queue.Length == 0)
            {
                ActivityIo.Failure(context, activity, 1, "No queue to look up.");
                return Completed.From(ActivityOutcome.Next(FailurePort, "no queue named (destination)"));
            }

            IvrWorld world = context.World.Settings;
            long position = QueueStatistics.Position(context, activity);
            ActivityIo.Output(context, activity, "PIQ", position);
            ActivityIo.Output(context, activity, "CallsQueuedNow", (long)(world.CallsQueuedNow ?? (int)Math.Max(0, position - 1)));
            ActivityIo.Output(context, activity, "OldestCallTime", (long)(world.OldestCallTime ?? TimeSpan.Zero).TotalMilliseconds);
            QueueStatistics.WriteAgents(context, activity);
            if (world.InsufficientQueueData)
            {
                ActivityIo.Output(context, activity, "EWT", -1L);
                return Completed.From(ActivityOutcome.Next(InsufficientData, queue + ": not enough history for an EWT"));
            }

            TimeSpan ewt = context.World.Value(world.EstimatedWaitTime, WorldDefaults.EstimatedWaitTime, nameof(IvrWorld.EstimatedWaitTime), activity.Name,
                "the queue's estimated wait is one minute");
            ActivityIo.Output(context, activity, "EWT", (long)ewt.TotalMilliseconds);
            return Completed.From(ActivityOutcome.Next(ActivityIo.SuccessPort(context, activity, ActivityPorts.Default, ActivityPorts.Out),
                queue + ": position " + position + ", EWT " + (long)ewt.TotalMilliseconds + " ms"));
        }
    }
}
