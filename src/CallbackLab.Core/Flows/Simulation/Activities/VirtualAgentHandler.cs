using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.World;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Virtual Agent (<c>ivr-virtualassistant</c>) and Virtual Agent V2 (<c>ivr-virtualassistantvoice</c>): takes the caller's
    /// next scripted turn for this activity, else the world's; without either the documented default applies (Handled, 30 s)
    /// and AssumedWorld says so. The step's message says whose turn it was. Handled leaves by <c>ENDED</c>, Escalated by <c>ESCALATE</c>, Error by <c>error</c> (ErrorCode
    /// <c>system_error</c> unless the turn sets one); CallerHungUp ends the call. Sets the outputs every turn has
    /// (V1: LastIntent, TranscriptURL, ErrorCode; V2: MetaData, StateEventName, TranscriptURL) then the turn's own.
    /// </summary>
    internal sealed class VirtualAgentHandler : IActivityHandler
    {
        internal const string Ended = "ENDED";
        internal const string Escalate = "ESCALATE";

        private readonly bool _version2;

        internal VirtualAgentHandler(bool version2)
        {
            _version2 = version2;
        }

        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            VirtualAgentTurn? turn = context.World.TakeTurn(activity.Name, out VirtualAgentTurnSource source);
            string note;
            switch (source)
            {
                case VirtualAgentTurnSource.Caller:
                    note = " (the caller's script)";
                    break;
                case VirtualAgentTurnSource.World:
                    note = " (the world's turn)";
                    break;
                default:
                    context.World.Assume(nameof(IvrWorld.VirtualAgentTurns), WorldDefaults.VirtualAgentEnd.ToString(), activity.Name,
                        "no scripted turn (neither the caller's VirtualAgent script nor the world's VirtualAgentTurns has one left): the virtual agent handles the caller (the documented default)");
                    note = " (no scripted turn: the default, Handled, applies)";
                    break;
            }

            VirtualAgentTurnEnd end = turn?.End ?? WorldDefaults.VirtualAgentEnd;
            context.Advance(turn?.Duration ?? WorldDefaults.VirtualAgentTurnDuration);
            string agent = activity.GetString("virtualAgentId:name") ?? activity.GetString("virtualAgentId") ?? activity.GetString("connector:name") ?? activity.GetString("connector") ?? "virtual agent";
            if (_version2)
            {
                ActivityIo.Output(context, activity, "MetaData", new Dictionary<string, object?>(StringComparer.Ordinal));
                ActivityIo.Output(context, activity, "StateEventName", string.Empty);
            }
            else
            {
                ActivityIo.Output(context, activity, "LastIntent", string.Empty);
                ActivityIo.Output(context, activity, "ErrorCode", end == VirtualAgentTurnEnd.Error ? "system_error" : "no_error");
            }

            ActivityIo.Output(context, activity, "TranscriptURL", string.Empty);
            if (turn?.Outputs != null)
            {
                foreach (KeyValuePair<string, object?> output in turn.Outputs)
                {
                    ActivityIo.Output(context, activity, output.Key, Value(output.Key, output.Value));
                }
            }

            string message = agent + ": " + end + note;
            switch (end)
            {
                case VirtualAgentTurnEnd.Escalated:
                    return Completed.From(ActivityOutcome.Next(Escalate, message));
                case VirtualAgentTurnEnd.Error:
                    return Completed.From(ActivityOutcome.Error(SimulationErrorKind.VirtualAgent, message));
                case VirtualAgentTurnEnd.CallerHungUp:
                    return Completed.From(ActivityOutcome.EndsCall(context, SimulationOutcome.CallerHungUp, string.Empty, message));
                default:
                    return Completed.From(ActivityOutcome.Next(Ended, message));
            }
        }

        /// <summary>MetaData given as JSON text becomes a JSON value, as the real activity returns it.</summary>
        private static object? Value(string name, object? value)
        {
            if (value is string text && string.Equals(name, "MetaData", StringComparison.OrdinalIgnoreCase) && text.TrimStart().StartsWith("{", StringComparison.Ordinal))
            {
                try
                {
                    return FlowExpressions.Coerce(text, "JSON");
                }
                catch (FlowExpressionFailure)
                {
                    return value;
                }
            }

            return value;
        }
    }
}
