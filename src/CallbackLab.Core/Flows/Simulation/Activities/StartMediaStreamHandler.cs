using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Start Media Stream: records a StartMediaStream event with the rendered <c>mediaDestinationId</c> (empty in real exports
    /// means the tenant's default destination, noted in the event); sets <c>status</c>; leaves by <c>default</c> (or
    /// <c>out</c>). When the world lists the activity in FailingActivities the stream does not start: <c>failure</c> when
    /// wired, else an error (OnGlobalError).
    /// </summary>
    internal sealed class StartMediaStreamHandler : IActivityHandler
    {
        internal const string TenantDefault = "(tenant default)";

        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string destination = ActivityIo.RenderValueOrVariable(context, activity, "mediaDestinationId").Trim();
            if (destination.Length == 0)
            {
                destination = TenantDefault;
            }

            if (ActivityIo.FailsInWorld(context, activity))
            {
                ActivityIo.Output(context, activity, "status", "failure");
                string why = "Start Media Stream '" + activity.Name + "' could not stream to " + destination + " (FailingActivities).";
                return Completed.From(context.Flow.FindLink(activity.Id, BlindTransferHandler.FailurePort) != null
                    ? ActivityOutcome.Next(BlindTransferHandler.FailurePort, why)
                    : ActivityOutcome.Error(SimulationErrorKind.Activity, why));
            }

            var payload = ActivityIo.Payload();
            payload["MediaDestinationId"] = destination;
            context.RaiseEvent(activity, "StartMediaStream", payload);
            ActivityIo.Output(context, activity, "status", "success");
            return Completed.From(ActivityOutcome.Next(ActivityIo.SuccessPort(context, activity, ActivityPorts.Default, ActivityPorts.Out), "streaming to " + destination));
        }
    }
}
