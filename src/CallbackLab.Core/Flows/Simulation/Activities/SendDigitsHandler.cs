using System;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Send Digits: sends <c>transferoutdigits</c> (1–32 of <c>0-9 A-D * # ,</c>; a comma pauses a second) and records a
    /// DigitsSent event; sets <c>status</c>; leaves by <c>out</c>, or by <c>failure</c> for anything else.
    /// </summary>
    internal sealed class SendDigitsHandler : IActivityHandler
    {
        private static readonly Regex s_digits = new Regex(@"^[0-9A-D*#,]{1,32}$", RegexOptions.CultureInvariant);

        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string digits = ActivityIo.RenderValueOrVariable(context, activity, "transferoutdigits").Trim();
            if (!s_digits.IsMatch(digits))
            {
                ActivityIo.Output(context, activity, "status", "failure");
                return Completed.From(ActivityOutcome.Next(BlindTransferHandler.FailurePort, "'" + digits + "' is not 1-32 of 0-9 A-D * # ,"));
            }

            int pauses = digits.Split(',').Length - 1;
            context.Advance(TimeSpan.FromSeconds(pauses) + TimeSpan.FromMilliseconds(100 * (digits.Length - pauses)));
            var payload = ActivityIo.Payload();
            payload["Digits"] = digits;
            context.RaiseEvent(activity, "DigitsSent", payload);
            ActivityIo.Output(context, activity, "status", "success");
            return Completed.From(ActivityOutcome.Next(ActivityIo.SuccessPort(context, activity, ActivityPorts.Out, ActivityPorts.Default), "sent " + digits));
        }
    }
}
