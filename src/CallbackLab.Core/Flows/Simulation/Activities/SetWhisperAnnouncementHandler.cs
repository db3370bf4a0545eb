using System;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Set Whisper Announcement: renders the prompts the agent will hear before the call is connected and records them as a
    /// WhisperAnnouncement event; leaves by <c>out</c>. Switched on (<c>toggle</c>) with no prompt is an error.
    /// </summary>
    internal sealed class SetWhisperAnnouncementHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string heard = Prompts.Render(context, activity, out TimeSpan length);
            bool enabled = activity.GetString("toggle") == null || ActivityIo.Flag(context, activity, "toggle", true) || heard.Length > 0;
            if (enabled && heard.Length == 0)
            {
                return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Activity, "Set Whisper Announcement '" + activity.Name + "' has no prompt."));
            }

            var payload = ActivityIo.Payload();
            payload["Prompts"] = heard;
            payload["Seconds"] = length.TotalSeconds;
            context.RaiseEvent(activity, "WhisperAnnouncement", payload);
            return Completed.From(ActivityOutcome.Next(ActivityIo.SuccessPort(context, activity, ActivityPorts.Out, ActivityPorts.Default), "whisper: " + heard));
        }
    }
}
