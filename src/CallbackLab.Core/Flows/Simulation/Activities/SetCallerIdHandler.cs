using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Set Caller ID: records a CallerId event with the rendered <c>callerId</c> (E.164) and leaves by <c>out</c> (terminal
    /// in PreDial flows: nothing is wired after it); a value that is not E.164 is an error.
    /// </summary>
    internal sealed class SetCallerIdHandler : IActivityHandler
    {
        private static readonly Regex s_e164 = new Regex(@"^\+?[1-9][0-9]{1,14}$", RegexOptions.CultureInvariant);

        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string callerId = ActivityIo.RenderValueOrVariable(context, activity, "callerId").Trim();
            if (!s_e164.IsMatch(callerId))
            {
                return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Activity, "Set Caller ID '" + activity.Name + "': '" + callerId + "' is not an E.164 number."));
            }

            var payload = ActivityIo.Payload();
            payload["CallerId"] = callerId;
            context.RaiseEvent(activity, "CallerId", payload);
            return Completed.From(ActivityOutcome.Next(ActivityIo.SuccessPort(context, activity, ActivityPorts.Out, ActivityPorts.Default), "caller id " + callerId));
        }
    }
}
