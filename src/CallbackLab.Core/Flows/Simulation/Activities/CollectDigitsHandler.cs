using System;
using System.Globalization;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Collect Digits: takes the caller's next input as a digit string (a trailing terminator <c>#</c> is dropped), sets
    /// <c>Label.DigitsEntered</c>; leaves by <c>default</c>, <c>timeout</c> with no input, <c>invalid</c> outside min/max digits.
    /// </summary>
    internal sealed class CollectDigitsHandler : IActivityHandler
    {
        internal static readonly TimeSpan DefaultEntryTimeout = TimeSpan.FromSeconds(5);

        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            if (!Prompts.PromptForInput(context, activity, DefaultEntryTimeout, out string input))
            {
                ActivityIo.Failure(context, activity, 1, "No digits were entered before the timeout.");
                return Completed.From(ActivityOutcome.Next(ActivityPorts.Timeout, "no input"));
            }

            string terminator = activity.GetString("terminatorSymbol") ?? "#";
            string digits = terminator.Length > 0 && input.EndsWith(terminator, StringComparison.Ordinal)
                ? input.Substring(0, input.Length - terminator.Length)
                : input;
            context.Advance(TimeSpan.FromSeconds(Math.Max(1, digits.Length * 0.5)));
            context.Variables.Set(activity.Name + ".DigitsEntered", digits);

            int min = ReadInt(activity, "minDigits", 1);
            int max = ReadInt(activity, "maxDigits", int.MaxValue);
            bool valid = digits.Length >= min && digits.Length <= max && IsDtmf(digits);
            if (!valid)
            {
                ActivityIo.Failure(context, activity, 2, "'" + digits + "' is not " + min.ToString(CultureInfo.InvariantCulture) + " to "
                    + (max == int.MaxValue ? "any number of" : max.ToString(CultureInfo.InvariantCulture)) + " DTMF digits.");
            }

            return Completed.From(ActivityOutcome.Next(valid ? ActivityPorts.Default : ActivityPorts.Invalid, "entered " + digits));
        }

        private static bool IsDtmf(string digits)
        {
            foreach (char c in digits)
            {
                if (!(c >= '0' && c <= '9') && c != '*' && c != '#')
                {
                    return false;
                }
            }

            return true;
        }

        private static int ReadInt(FlowActivity activity, string property, int fallback) =>
            int.TryParse(activity.GetString(property), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : fallback;
    }
}
