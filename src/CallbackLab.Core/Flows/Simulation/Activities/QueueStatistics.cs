using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.World;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>The queue figures Get Queue Info and Advanced Queue Info report, from the world or its defaults.</summary>
    internal static class QueueStatistics
    {
        /// <summary>Writes the agent counts shared by both activities (<c>LoggedOnAgents*</c>, <c>AvailableAgents*</c>).</summary>
        internal static void WriteAgents(SimulationContext context, FlowActivity activity)
        {
            IvrWorld world = context.World.Settings;
            long loggedOn = context.World.Value(world.LoggedOnAgents, WorldDefaults.LoggedOnAgents, nameof(IvrWorld.LoggedOnAgents), activity.Name,
                "one agent is logged on to the queue");
            long available = context.World.Value(world.AvailableAgents, WorldDefaults.AvailableAgents, nameof(IvrWorld.AvailableAgents), activity.Name,
                "no agent is free right now");
            ActivityIo.Output(context, activity, "LoggedOnAgentsAll", loggedOn);
            ActivityIo.Output(context, activity, "LoggedOnAgentsCurrent", loggedOn);
            ActivityIo.Output(context, activity, "AvailableAgentsAll", available);
            ActivityIo.Output(context, activity, "AvailableAgentsCurrent", available);
        }

        /// <summary>The caller's position in queue.</summary>
        internal static long Position(SimulationContext context, FlowActivity activity) =>
            context.World.Value(context.World.Settings.PositionInQueue, WorldDefaults.PositionInQueue, nameof(IvrWorld.PositionInQueue), activity.Name,
                "the caller is first in line");

        /// <summary>The queue to look at (<c>destination</c>, a variable when its radio says so); empty when none is named.</summary>
        internal static string Destination(SimulationContext context, FlowActivity activity)
        {
            string destination = ActivityIo.RenderValueOrVariable(context, activity, "destination").Trim();
            return destination.Length > 0 ? destination : ActivityIo.RenderValueOrVariable(context, activity, "destinationVariable").Trim();
        }
    }
}
