using System;
using System.Globalization;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Wait: moves the virtual clock by <c>duration</c> (<c>HH:MM:SS</c>, or seconds) and leaves by <c>out</c>. A duration that
    /// does not read, or lies outside 5 s – 72 h, is an error; under 10 s is run but noted (the documented minimum disagrees).
    /// </summary>
    internal sealed class WaitHandler : IActivityHandler
    {
        internal static readonly TimeSpan Minimum = TimeSpan.FromSeconds(5);
        internal static readonly TimeSpan Maximum = TimeSpan.FromHours(72);

        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string text = ActivityIo.Render(context, activity, "duration").Trim();
            if (!TryRead(text, out TimeSpan duration) || duration < Minimum || duration > Maximum)
            {
                return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Activity, "Wait '" + activity.Name + "' has duration '" + text
                    + "'; it must be HH:MM:SS between 00:00:05 and 72:00:00."));
            }

            context.Advance(duration);
            string note = duration < TimeSpan.FromSeconds(10) ? " (under the documented 10 s minimum)" : string.Empty;
            return Completed.From(ActivityOutcome.Next(ActivityIo.SuccessPort(context, activity, ActivityPorts.Out, ActivityPorts.Default),
                "waited " + duration.ToString("c", CultureInfo.InvariantCulture) + note));
        }

        internal static bool TryRead(string text, out TimeSpan duration)
        {
            string[] parts = text.Split(':');
            if (parts.Length == 3 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int h)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int m)
                && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int s) && m < 60 && s < 60)
            {
                duration = new TimeSpan(h, m, s);
                return true;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0)
            {
                duration = TimeSpan.FromSeconds(seconds);
                return true;
            }

            duration = TimeSpan.Zero;
            return false;
        }
    }
}
