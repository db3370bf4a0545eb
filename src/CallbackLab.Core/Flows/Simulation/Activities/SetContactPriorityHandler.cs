using System.Globalization;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Set Contact Priority: reads <c>priority</c> (or <c>priorityVariable</c>), 1–9; records a ContactPriority event; sets
    /// <c>status</c>; leaves by <c>out</c>, or by <c>failure</c> (FailureCode 1) for a value outside 1–9.
    /// </summary>
    internal sealed class SetContactPriorityHandler : IActivityHandler
    {
        internal const string FailurePort = "failure";

        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string text = ActivityIo.RenderValueOrVariable(context, activity, "priority").Trim();
            if (text.Length == 0)
            {
                text = ActivityIo.RenderValueOrVariable(context, activity, "priorityVariable").Trim();
            }

            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int priority) || priority < 1 || priority > 9)
            {
                ActivityIo.Failure(context, activity, 1, "The priority must be a number from 1 to 9.");
                ActivityIo.Output(context, activity, "status", "failure");
                return Completed.From(ActivityOutcome.Next(FailurePort, "priority '" + text + "' is not 1-9"));
            }

            var payload = ActivityIo.Payload();
            payload["Priority"] = (long)priority;
            context.RaiseEvent(activity, "ContactPriority", payload);
            ActivityIo.Output(context, activity, "status", "success");
            return Completed.From(ActivityOutcome.Next(ActivityIo.SuccessPort(context, activity, ActivityPorts.Out, ActivityPorts.Default), "priority " + priority));
        }
    }
}
