using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Set Announcement: records an Announcement event (agent greeting on/off with its <c>attributeTag</c>, compliance
    /// announcement on/off with its <c>audioFile</c>); sets <c>status</c>; leaves by <c>out</c>. The compliance announcement
    /// switched on without an audio file is an error.
    /// </summary>
    internal sealed class SetAnnouncementHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            bool greeting = ActivityIo.Flag(context, activity, "toggleAgentGreeting", false);
            bool compliance = ActivityIo.Flag(context, activity, "toggleComplianceAnnouncement", false);
            string audio = ActivityIo.Render(context, activity, "audioFile");
            if (compliance && audio.Length == 0)
            {
                ActivityIo.Output(context, activity, "status", "failure");
                return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Activity, "Set Announcement '" + activity.Name + "' plays a compliance announcement but names no audio file."));
            }

            var payload = ActivityIo.Payload();
            payload["AgentGreeting"] = greeting;
            payload["AttributeTag"] = ActivityIo.Render(context, activity, "attributeTag");
            payload["ComplianceAnnouncement"] = compliance;
            payload["AudioFile"] = audio;
            context.RaiseEvent(activity, "Announcement", payload);
            ActivityIo.Output(context, activity, "status", "success");
            return Completed.From(ActivityOutcome.Next(ActivityIo.SuccessPort(context, activity, ActivityPorts.Out, ActivityPorts.Default),
                "agent greeting " + (greeting ? "on" : "off") + ", compliance announcement " + (compliance ? audio : "off")));
        }
    }
}
