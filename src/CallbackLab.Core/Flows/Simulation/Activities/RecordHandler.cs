using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.World;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Record: the caller speaks for half of <c>maxRecordingTime</c> (60 s by default) unless the world says they stay silent,
    /// then the activity leaves by <c>noInputTimeout</c> after <c>silenceTimeout</c> seconds (5 by default). A recording sets
    /// <c>audioFileData</c> (FileInfo JSON with a file name from the seeded random source) and leaves by <c>default</c>. A
    /// non-positive <c>maxRecordingTime</c> leaves by <c>undefinedErrors</c> with errorCode/errorDescription.
    /// </summary>
    internal sealed class RecordHandler : IActivityHandler
    {
        internal const string NoInputTimeout = "noInputTimeout";
        internal const string UndefinedErrors = "undefinedErrors";

        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            TimeSpan max = Prompts.Seconds(context, activity, "maxRecordingTime", TimeSpan.FromSeconds(60));
            if (max <= TimeSpan.Zero)
            {
                ActivityIo.Output(context, activity, "errorCode", "invalid_configuration");
                ActivityIo.Output(context, activity, "errorDescription", "maxRecordingTime must be positive.");
                return Completed.From(ActivityOutcome.Next(UndefinedErrors, "maxRecordingTime is not positive"));
            }

            bool speaks = context.World.Value(context.World.Settings.CallerRecords, WorldDefaults.CallerRecords, nameof(IvrWorld.CallerRecords), activity.Name,
                "the caller speaks when asked to record");
            if (!speaks)
            {
                context.Advance(Prompts.Seconds(context, activity, "silenceTimeout", TimeSpan.FromSeconds(5)));
                return Completed.From(ActivityOutcome.Next(NoInputTimeout, "the caller stayed silent"));
            }

            TimeSpan spoken = TimeSpan.FromTicks(max.Ticks / 2);
            context.Advance(spoken);
            var bytes = new byte[16];
            context.World.Random(activity.Name).NextBytes(bytes);
            string name = new Guid(bytes) + ".wav";
            // A plain dictionary reads like a JSON object in expressions and needs no conversion for the trace.
            var file = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["type"] = "FileInfo",
                ["name"] = name,
                ["contentType"] = "audio/wav",
                ["metaData"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["codec"] = "pcm_s16le", ["bitrate"] = 128000L, ["durationSeconds"] = spoken.TotalSeconds },
            };
            ActivityIo.Output(context, activity, "audioFileData", file);
            return Completed.From(ActivityOutcome.Next(ActivityPorts.Default, "recorded " + name));
        }
    }
}
