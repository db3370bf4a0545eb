using System;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.World;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Function (<c>fn-activity</c>): renders <c>fnInputVariables</c>, takes the function's JSON result from the world's
    /// <see cref="IvrWorld.ServiceResponses"/> keyed by <c>fnName</c> (an empty object by default, recorded as assumed), and
    /// maps <c>fnOutputVariables</c> by JSONPath; leaves by <c>default</c>. A result that is not JSON is an error.
    /// </summary>
    internal sealed class FunctionHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string name = activity.GetString("fnName") ?? activity.Name;
            var inputs = ActivityIo.Payload();
            if (activity.Json["fnInputVariables"] is JArray list)
            {
                foreach (JToken input in list)
                {
                    string? target = (string?)input["target"];
                    string? source = (string?)input["src"];
                    if (!string.IsNullOrEmpty(target))
                    {
                        inputs[target!] = source == null ? null : source.IndexOf("{{", StringComparison.Ordinal) >= 0 ? context.Render(source)
                            : context.Variables.TryGetValue(source, out object? value) ? value : source;
                    }
                }
            }

            if (!context.World.Settings.ServiceResponses.TryGetValue(name, out string? response))
            {
                context.World.Assume(nameof(IvrWorld.ServiceResponses) + "[" + name + "]", WorldDefaults.FunctionResponse, activity.Name,
                    "the function returns an empty JSON object");
                response = WorldDefaults.FunctionResponse;
            }

            JToken result;
            try
            {
                result = JToken.Parse(response);
            }
            catch (JsonReaderException ex)
            {
                return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Activity, "Function '" + name + "' returned something that is not JSON: " + ex.Message));
            }

            var payload = ActivityIo.Payload();
            payload["Function"] = name;
            payload["Inputs"] = inputs;
            context.RaiseEvent(activity, "FunctionCalled", payload);
            var missed = ActivityIo.MapOutputs(context, result, activity.Json["fnOutputVariables"] as JArray);
            return Completed.From(ActivityOutcome.Next(ActivityPorts.Default, "function " + name + (missed.Count == 0 ? string.Empty : "; no match for " + string.Join(", ", missed))));
        }
    }
}
