using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Start Media Stream: records a StartMediaStream event with the rendered <c>mediaDestinationId</c>; sets <c>status</c>;
    /// leaves by <c>default</c> (or <c>out</c>). No destination leaves by <c>failure</c> when wired, else is an error.
    /// </summary>
    internal sealed class StartMediaStreamHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string destination = ActivityIo.RenderValueOrVariable(context, activity, "mediaDestinationId").Trim();
            if (destination.Length == 0)
            {
                ActivityIo.Output(context, activity, "status", "failure");
                string why = "Start Media Stream '" + activity.Name + "' names no media destination (mediaDestinationId).";
                return Completed.From(context.Flow.FindLink(activity.Id, BlindTransferHandler.FailurePort) != null
                    ? ActivityOutcome.Next(BlindTransferHandler.FailurePort, why)
                    : ActivityOutcome.Error(SimulationErrorKind.Activity, why));
            }

            var payload = ActivityIo.Payload();
            payload["MediaDestinationId"] = destination;
            context.RaiseEvent("StartMediaStream", payload);
            ActivityIo.Output(context, activity, "status", "success");
            return Completed.From(ActivityOutcome.Next(ActivityIo.SuccessPort(context, activity, ActivityPorts.Default, ActivityPorts.Out), "streaming to " + destination));
        }
    }
}
