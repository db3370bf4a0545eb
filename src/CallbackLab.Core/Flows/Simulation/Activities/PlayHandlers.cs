using System;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Play Message: renders the prompts, advances the clock by their length, leaves by <c>default</c>; listed in the world's
    /// FailingActivities, playback fails (<c>error</c>).
    /// </summary>
    internal sealed class PlayMessageHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            if (ActivityIo.FailsInWorld(context, activity))
            {
                return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Activity, "Play Message '" + activity.Name + "' could not play its prompts (FailingActivities)."));
            }

            string heard = Prompts.Render(context, activity, out TimeSpan duration);
            context.Advance(duration);
            return Completed.From(ActivityOutcome.Next(ActivityPorts.Default, heard));
        }
    }

    /// <summary>
    /// Play Music: plays for <c>duration</c> seconds (30 when unset) on the virtual clock, leaves by <c>default</c>; listed in
    /// the world's FailingActivities, playback fails (<c>error</c>, FailureCode 1 and FailureDescription).
    /// </summary>
    internal sealed class PlayMusicHandler : IActivityHandler
    {
        internal static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(30);

        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            if (ActivityIo.FailsInWorld(context, activity))
            {
                // FailureCode 1 is the simulator's own code: the reference documents the outputs, not their codes.
                ActivityIo.Failure(context, activity, 1, "The music could not be played.");
                return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Activity, "Play Music '" + activity.Name + "' could not play (FailingActivities)."));
            }

            TimeSpan duration = Prompts.Seconds(context, activity, "duration", DefaultDuration);
            string? prompt = activity.GetString("prompt") ?? activity.GetString("promptDynamic");
            string heard = prompt == null ? string.Empty : context.Render(prompt);
            context.Advance(duration);
            return Completed.From(ActivityOutcome.Next(ActivityPorts.Default, heard));
        }
    }
}
