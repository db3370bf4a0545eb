using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Percent Allocation: <c>allocations</c> are the port names, <c>allocations_input</c> their weights as JSON text
    /// (<c>{"percent":90,"desc":"MainQueue"}</c>). Draws a path by weight from the world's seeded random source, so a run
    /// repeats with the same seed; sets <c>Label.percentage</c> and <c>Label.description</c>. No positive weight is an error.
    /// </summary>
    internal sealed class PercentAllocationHandler : IActivityHandler
    {
        /// <summary>The paths of each activity, read once: the export does not change while flows run.</summary>
        private static readonly ConditionalWeakTable<FlowActivity, Path[]> s_paths = new ConditionalWeakTable<FlowActivity, Path[]>();

        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            Path[] paths = s_paths.GetValue(activity, Read);
            int total = 0;
            foreach (Path path in paths)
            {
                total += path.Percent;
            }

            if (total <= 0)
            {
                return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Activity, "Percent Allocation '" + activity.Name + "' has no path with a positive percentage."));
            }

            int draw = context.World.Random(activity.Name).Next(total);
            int chosen = 0;
            for (int cumulative = paths[0].Percent; draw >= cumulative; cumulative += paths[chosen].Percent)
            {
                chosen++;
            }

            Path taken = paths[chosen];
            ActivityIo.Output(context, activity, "percentage", (long)taken.Percent);
            ActivityIo.Output(context, activity, "description", taken.Description);
            return Completed.From(ActivityOutcome.Next(taken.Port, "drew " + draw.ToString(CultureInfo.InvariantCulture) + " of "
                + total.ToString(CultureInfo.InvariantCulture) + ": path " + taken.Port + " (" + taken.Label + ")"));
        }

        private static Path[] Read(FlowActivity activity)
        {
            var paths = new List<Path>();
            JArray? names = activity.Json["allocations"] as JArray;
            JArray? inputs = activity.Json["allocations_input"] as JArray;
            for (int i = 0; names != null && i < names.Count; i++)
            {
                JObject? input = Allocation(inputs != null && i < inputs.Count ? inputs[i] : null);
                int percent = input?["percent"] is JToken p && int.TryParse(p.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 0;
                paths.Add(new Path((string?)names[i] ?? i.ToString(CultureInfo.InvariantCulture), percent, (string?)input?["desc"] ?? string.Empty));
            }

            return paths.ToArray();
        }

        private static JObject? Allocation(JToken? token)
        {
            if (token is JObject direct)
            {
                return direct;
            }

            if (token?.Type == JTokenType.String)
            {
                try
                {
                    return JToken.Parse((string)token!) as JObject;
                }
                catch (JsonReaderException)
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>One path: its port, weight and description.</summary>
        private sealed class Path
        {
            internal Path(string port, int percent, string description)
            {
                Port = port;
                Percent = percent;
                Description = description;
                Label = percent.ToString(CultureInfo.InvariantCulture) + "%" + (description.Length == 0 ? string.Empty : ", " + description);
            }

            /// <summary>How the trace shows the path's weight: <c>70%, Main</c>.</summary>
            internal string Label { get; }

            internal string Port { get; }

            internal int Percent { get; }

            internal string Description { get; }
        }
    }
}
