using System.Collections.Generic;
using System.Globalization;
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
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            var ports = new List<string>();
            var weights = new List<int>();
            var descriptions = new List<string>();
            JArray? names = activity.Json["allocations"] as JArray;
            JArray? inputs = activity.Json["allocations_input"] as JArray;
            int total = 0;
            for (int i = 0; names != null && i < names.Count; i++)
            {
                JObject? input = Allocation(inputs != null && i < inputs.Count ? inputs[i] : null);
                int percent = input?["percent"] is JToken p && int.TryParse(p.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 0;
                ports.Add((string?)names[i] ?? i.ToString(CultureInfo.InvariantCulture));
                weights.Add(percent);
                descriptions.Add((string?)input?["desc"] ?? string.Empty);
                total += percent;
            }

            if (total <= 0)
            {
                return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Activity, "Percent Allocation '" + activity.Name + "' has no path with a positive percentage."));
            }

            int draw = context.World.Random(activity.Name).Next(total);
            int chosen = 0;
            for (int cumulative = weights[0]; draw >= cumulative; cumulative += weights[chosen])
            {
                chosen++;
            }

            ActivityIo.Output(context, activity, "percentage", (long)weights[chosen]);
            ActivityIo.Output(context, activity, "description", descriptions[chosen]);
            return Completed.From(ActivityOutcome.Next(ports[chosen], string.Format(CultureInfo.InvariantCulture,
                "drew {0} of {1}: path {2} ({3}%{4})", draw, total, ports[chosen], weights[chosen],
                descriptions[chosen].Length == 0 ? string.Empty : ", " + descriptions[chosen])));
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
    }
}
