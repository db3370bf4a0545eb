using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Send Custom Message (beta): records a CustomMessageSent event with the channel, type and rendered text; sets
    /// <c>status</c>; leaves by <c>out</c>. No text and no attachment is an error (<c>ErrorCode</c>, <c>ErrorMessage</c>).
    /// </summary>
    internal sealed class SendCustomMessageHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string text = ActivityIo.Render(context, activity, "messageText");
            string attachments = activity.GetString("attachments") ?? string.Empty;
            if (text.Length == 0 && (attachments.Length == 0 || attachments == "[]"))
            {
                ActivityIo.Output(context, activity, "ErrorCode", "empty_message");
                ActivityIo.Output(context, activity, "ErrorMessage", "The message has no text and no attachment.");
                ActivityIo.Output(context, activity, "status", "failure");
                return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Activity, "Send Custom Message '" + activity.Name + "' has no text and no attachment."));
            }

            var payload = ActivityIo.Payload();
            payload["Channel"] = activity.GetString("channelName") ?? string.Empty;
            payload["MessageType"] = activity.GetString("messageType") ?? "text";
            payload["Text"] = text;
            context.RaiseEvent(activity, "CustomMessageSent", payload);
            ActivityIo.Output(context, activity, "status", "success");
            return Completed.From(ActivityOutcome.Next(ActivityIo.SuccessPort(context, activity, ActivityPorts.Out, ActivityPorts.Default), "sent " + text));
        }
    }
}
