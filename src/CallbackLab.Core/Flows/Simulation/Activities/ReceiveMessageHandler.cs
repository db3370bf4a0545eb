using System;
using System.Globalization;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.World;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Receive Message (custom messaging, beta): takes the world's next inbound message; sets <c>ChannelPayload</c> (JSON when
    /// it reads as JSON), <c>TrackingId</c>, <c>status</c> and leaves by <c>default</c> (or <c>out</c>). No message left: waits
    /// <c>timeout</c> seconds (30 by default; the unit is undocumented) and leaves by <c>timeout</c>.
    /// </summary>
    internal sealed class ReceiveMessageHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            if (!context.World.TryTakeMessage(out string message))
            {
                context.World.Assume(nameof(IvrWorld.InboundMessages), "(none)", activity.Name, "no message arrives on the custom channel");
                context.Advance(Prompts.Seconds(context, activity, "timeout", TimeSpan.FromSeconds(30)));
                ActivityIo.Output(context, activity, "status", "timeout");
                Outcome(context, activity, string.Empty, string.Empty, "No message arrived before the timeout.");
                return Completed.From(ActivityOutcome.Next(ActivityPorts.Timeout, "no message arrived"));
            }

            object? payload = message;
            try
            {
                payload = message.TrimStart().StartsWith("{", StringComparison.Ordinal) ? FlowExpressions.Coerce(message, "JSON") : message;
            }
            catch (FlowExpressionFailure)
            {
                payload = message;
            }

            ActivityIo.Output(context, activity, "ChannelPayload", payload);
            ActivityIo.Output(context, activity, "TrackingId", activity.Name + "-" + context.Elapsed.Ticks.ToString(CultureInfo.InvariantCulture));
            ActivityIo.Output(context, activity, "status", "success");
            Outcome(context, activity, string.Empty, string.Empty, "A message arrived.");
            return Completed.From(ActivityOutcome.Next(ActivityIo.SuccessPort(context, activity, ActivityPorts.Default, ActivityPorts.Out), "received " + message));
        }

        /// <summary>The outputs every ending sets (the reference lists ErrorCode, ErrorMessage and Description with status).</summary>
        private static void Outcome(SimulationContext context, FlowActivity activity, string errorCode, string errorMessage, string description)
        {
            ActivityIo.Output(context, activity, "ErrorCode", errorCode);
            ActivityIo.Output(context, activity, "ErrorMessage", errorMessage);
            ActivityIo.Output(context, activity, "Description", description);
        }
    }
}
