using System;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.World;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Queue To Agent: queues the contact to the agent in <c>destinationVariable</c> (or <c>destination</c>, <c>agentId</c>; looked up by <c>destinationLookupType</c>).
    /// The world's <see cref="IvrWorld.AgentState"/> decides: <c>Available</c> (default) — the agent answers after
    /// AgentAvailableAfter, at once when that is unset; <c>Idle</c> (or any other logged-in state) — the contact waits like a
    /// queued one; <c>NotLoggedIn</c> — the activity fails (FailureCode 1). Sets <c>AgentId</c>, <c>AgentState</c>,
    /// <c>AgentIdleCode</c>; leaves by <c>default</c>.
    /// </summary>
    internal sealed class QueueToAgentHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string agent = ActivityIo.RenderValueOrVariable(context, activity, "destinationVariable").Trim();
            if (agent.Length == 0)
            {
                agent = ActivityIo.RenderValueOrVariable(context, activity, "destination").Trim();
            }

            if (agent.Length == 0)
            {
                agent = ActivityIo.Render(context, activity, "agentId").Trim();
            }

            string state = context.World.Text(context.World.Settings.AgentState, WorldDefaults.AgentState, nameof(IvrWorld.AgentState), activity.Name,
                "the agent is logged in and available");
            ActivityIo.Output(context, activity, "AgentId", agent);
            ActivityIo.Output(context, activity, "AgentState", state);
            ActivityIo.Output(context, activity, "AgentIdleCode", string.Empty);
            if (agent.Length == 0 || string.Equals(state, "NotLoggedIn", StringComparison.OrdinalIgnoreCase) || string.Equals(state, "LoggedOut", StringComparison.OrdinalIgnoreCase))
            {
                string why = agent.Length == 0 ? "No agent is named (destinationVariable)." : "Agent " + agent + " is not logged in.";
                ActivityIo.Failure(context, activity, 1, why);
                return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Activity, "Queue To Agent '" + activity.Name + "': " + why));
            }

            context.World.QueuedTo = agent;
            context.World.CurrentGroup = 1;
            bool available = string.Equals(state, "Available", StringComparison.OrdinalIgnoreCase);
            TimeSpan? after = context.AgentAvailableAfter ?? (available ? TimeSpan.Zero : (TimeSpan?)null);
            if (context.AgentAnswersAt == null && after is { } wait)
            {
                context.AgentAnswersAt = context.Elapsed + wait;
            }

            string message = "queued to agent " + agent + " (" + (activity.GetString("destinationLookupType") ?? "agentId") + ", " + state + ")"
                + (context.AgentAnswersAt is { } at ? "; the agent answers at " + at : "; the agent does not answer");
            return Completed.From(ActivityOutcome.Next(ActivityPorts.Default, message));
        }
    }
}
