using System.Collections.Generic;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.World;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// BRE Request: looks up the Business Rules Engine entry for the <c>context</c> query parameter (mandatory; its absence is
    /// an error) in the world's <see cref="IvrWorld.ServiceResponses"/>: found — <c>httpStatusCode</c> 200 and the JSON as
    /// <c>httpResponseBody</c>, mapped by <c>outputVariableArray</c>; not found — 404 and an empty body (recorded as assumed).
    /// Leaves by <c>default</c>. No request leaves the machine.
    /// </summary>
    internal sealed class BreRequestHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            var parameters = new Dictionary<string, string>();
            if (activity.Json["httpQueryParameters"] is JObject query)
            {
                foreach (KeyValuePair<string, JToken?> parameter in query)
                {
                    parameters[parameter.Key] = context.Render(FlowValues.ToText(parameter.Value));
                }
            }

            if (!parameters.TryGetValue("context", out string? rulesContext) || rulesContext.Length == 0)
            {
                return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Activity, "BRE Request '" + activity.Name + "' has no 'context' query parameter, which the service requires."));
            }

            context.Advance(HttpRequestHandler.RoundTrip);
            if (!context.World.Settings.ServiceResponses.TryGetValue(rulesContext, out string? body))
            {
                context.World.Assume(nameof(IvrWorld.ServiceResponses) + "[" + rulesContext + "]", "404", activity.Name, "the rules engine has no entry for this context");
                ActivityIo.Output(context, activity, "httpStatusCode", (long)WorldDefaults.BreStatusWithoutResponse);
                ActivityIo.Output(context, activity, "httpResponseBody", string.Empty);
                return Completed.From(ActivityOutcome.Next(ActivityPorts.Default, "no rule for context " + rulesContext + ": 404"));
            }

            ActivityIo.Output(context, activity, "httpStatusCode", 200L);
            ActivityIo.Output(context, activity, "httpResponseBody", body);
            List<string> missed;
            try
            {
                missed = ActivityIo.MapOutputs(context, JToken.Parse(body), activity.Json["outputVariableArray"] as JArray);
            }
            catch (JsonReaderException)
            {
                missed = new List<string> { "(the entry is not JSON)" };
            }

            return Completed.From(ActivityOutcome.Next(ActivityPorts.Default, "rule for context " + rulesContext + ": 200"
                + (missed.Count == 0 ? string.Empty : "; no match for " + string.Join(", ", missed))));
        }
    }
}
