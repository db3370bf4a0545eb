using System;
using System.Text;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Generate OTP: draws a <c>pinLength</c>-character (4–64, 6 by default) password of <c>pinFormat</c> NUMERIC, ALPHA or
    /// ALPHANUMERIC from the world's seeded random source and keeps it under <c>transactionReference</c> for Verify OTP; sets
    /// <c>OTP</c> and <c>status</c>; leaves by <c>out</c>. A length outside 4–64 is an error.
    /// </summary>
    internal sealed class GenerateOtpHandler : IActivityHandler
    {
        private const string Digits = "0123456789";
        private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            int length = ActivityIo.Integer(context, activity, "pinLength", 6);
            if (length < 4 || length > 64)
            {
                ActivityIo.Output(context, activity, "status", "failure");
                return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Activity, "Generate OTP '" + activity.Name + "': pinLength " + length + " is not 4-64."));
            }

            string format = (activity.GetString("pinFormat") ?? "NUMERIC").Trim().ToUpperInvariant();
            string alphabet = format == "ALPHA" ? Letters : format == "ALPHANUMERIC" ? Digits + Letters : Digits;
            Random random = context.World.Random(activity.Name);
            var pin = new StringBuilder(length);
            for (int i = 0; i < length; i++)
            {
                pin.Append(alphabet[random.Next(alphabet.Length)]);
            }

            string reference = ActivityIo.Render(context, activity, "transactionReference");
            context.World.Passwords[reference] = pin.ToString();
            ActivityIo.Output(context, activity, "OTP", pin.ToString());
            ActivityIo.Output(context, activity, "status", "success");
            return Completed.From(ActivityOutcome.Next(ActivityIo.SuccessPort(context, activity, ActivityPorts.Out, ActivityPorts.Default),
                length + "-character " + format + " OTP for '" + reference + "'"));
        }
    }
}
