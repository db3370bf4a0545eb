using System;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Verify OTP: compares the rendered <c>pin</c> (without <c>pinFormatPrefix</c>/<c>pinFormatSuffix</c>) with the OTP
    /// generated in this call for <c>transactionReference</c>. A match leaves by <c>default</c> (or <c>out</c>: the success
    /// port is undocumented), a mismatch by <c>failure</c>, an empty pin by <c>resend</c> (the caller asks for a new code);
    /// no OTP for the reference is an error. Sets <c>status</c>.
    /// </summary>
    internal sealed class VerifyOtpHandler : IActivityHandler
    {
        internal const string Resend = "resend";

        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string reference = ActivityIo.Render(context, activity, "transactionReference");
            string pin = Strip(ActivityIo.Render(context, activity, "pin").Trim(), ActivityIo.Render(context, activity, "pinFormatPrefix"), ActivityIo.Render(context, activity, "pinFormatSuffix"));
            if (!context.World.Passwords.TryGetValue(reference, out string? expected))
            {
                ActivityIo.Output(context, activity, "status", "failure");
                return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Activity, "Verify OTP '" + activity.Name + "': no OTP was generated for '" + reference + "'."));
            }

            if (pin.Length == 0)
            {
                ActivityIo.Output(context, activity, "status", "resend");
                return Completed.From(ActivityOutcome.Next(Resend, "no pin entered: resend"));
            }

            bool match = string.Equals(pin, expected, StringComparison.OrdinalIgnoreCase);
            ActivityIo.Output(context, activity, "status", match ? "success" : "failure");
            return Completed.From(match
                ? ActivityOutcome.Next(ActivityIo.SuccessPort(context, activity, ActivityPorts.Default, ActivityPorts.Out), "pin verified")
                : ActivityOutcome.Next(BlindTransferHandler.FailurePort, "pin does not match"));
        }

        private static string Strip(string pin, string prefix, string suffix)
        {
            if (prefix.Length > 0 && pin.StartsWith(prefix, StringComparison.Ordinal))
            {
                pin = pin.Substring(prefix.Length);
            }

            if (suffix.Length > 0 && pin.EndsWith(suffix, StringComparison.Ordinal))
            {
                pin = pin.Substring(0, pin.Length - suffix.Length);
            }

            return pin;
        }
    }
}
