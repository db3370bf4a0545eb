using System;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.World;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Escalate CDG: moves a queued contact to the next (<c>nextGroup</c>) or last (<c>lastGroup</c>) call distribution group;
    /// sets <c>CurrentGroup</c>, <c>TotalGroups</c>, <c>status</c>; leaves by <c>out</c>. A contact not queued fails with
    /// FailureCode 2 (as documented), one already in the last group with FailureCode 3 (the simulator's own code).
    /// </summary>
    internal sealed class EscalateCdgHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            SimulationWorld world = context.World;
            int groups = world.Value(world.Settings.CallDistributionGroups, WorldDefaults.CallDistributionGroups,
                nameof(IvrWorld.CallDistributionGroups), activity.Name, "the queue has one call distribution group");
            ActivityIo.Output(context, activity, "TotalGroups", (long)groups);
            if (world.QueuedTo == null)
            {
                return Fail(context, activity, 2, "The contact is not queued.");
            }

            if (world.CurrentGroup >= groups)
            {
                return Fail(context, activity, 3, "The contact is already in the last call distribution group.");
            }

            bool last = string.Equals(activity.GetString("callDistributionGroup"), "lastGroup", StringComparison.OrdinalIgnoreCase);
            world.CurrentGroup = last ? groups : world.CurrentGroup + 1;
            ActivityIo.Output(context, activity, "CurrentGroup", (long)world.CurrentGroup);
            ActivityIo.Output(context, activity, "status", "success");
            return Completed.From(ActivityOutcome.Next(ActivityIo.SuccessPort(context, activity, ActivityPorts.Out, ActivityPorts.Default),
                "group " + world.CurrentGroup + " of " + groups));
        }

        private static Task<ActivityOutcome> Fail(SimulationContext context, FlowActivity activity, long code, string description)
        {
            ActivityIo.Failure(context, activity, code, description);
            ActivityIo.Output(context, activity, "CurrentGroup", (long)context.World.CurrentGroup);
            ActivityIo.Output(context, activity, "status", "failure");
            return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Activity, "Escalate CDG '" + activity.Name + "': " + description));
        }
    }
}
