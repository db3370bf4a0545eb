using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Recording Control: renders <c>enableRecording</c> (true resumes, false pauses the call recording) and records a
    /// RecordingControl event; sets <c>status</c>; leaves by <c>default</c>, or by <c>failure</c> (FailureCode 1) when the
    /// value is not a boolean.
    /// </summary>
    internal sealed class RecordingControlHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string text = ActivityIo.Render(context, activity, "enableRecording").Trim();
            if (!bool.TryParse(text, out bool enabled))
            {
                ActivityIo.Failure(context, activity, 1, "enableRecording is '" + text + "', not true or false.");
                ActivityIo.Output(context, activity, "status", "failure");
                return Completed.From(ActivityOutcome.Next(BlindTransferHandler.FailurePort, "enableRecording '" + text + "' is not a boolean"));
            }

            var payload = ActivityIo.Payload();
            payload["Recording"] = enabled;
            context.RaiseEvent(activity, "RecordingControl", payload);
            ActivityIo.Output(context, activity, "status", "success");
            return Completed.From(ActivityOutcome.Next(ActivityIo.SuccessPort(context, activity, ActivityPorts.Default, ActivityPorts.Out),
                enabled ? "recording on" : "recording paused"));
        }
    }
}
