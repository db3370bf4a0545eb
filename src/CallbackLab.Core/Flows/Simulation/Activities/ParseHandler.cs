using System;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Parse (<c>parse-activity</c>): reads the variable named by <c>inputVariable</c> (a bare name such as
    /// <c>GetPerson.httpResponseBody</c>; braces are tolerated), converts it from <c>contentType</c> (JSON, XML, YAML, TOML)
    /// to JSON and sets each <c>outputVariableArray</c> variable by its JSONPath; a path that matches nothing leaves the
    /// variable as it was. Input that does not parse is an error: the <c>error</c> port when wired, else OnGlobalError.
    /// Leaves by <c>default</c>.
    /// </summary>
    internal sealed class ParseHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string input = (activity.GetString("inputVariable") ?? string.Empty).Trim();
            object? value;
            if (input.StartsWith("{{", StringComparison.Ordinal))
            {
                value = context.Evaluate(input);
            }
            else if (!context.Variables.TryGetValue(input, out value))
            {
                return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Activity, "Parse '" + activity.Name + "' reads '" + input + "', which is not a variable or output of the flow."));
            }

            string contentType = activity.GetString("contentType") == null ? "JSON" : ActivityIo.Render(context, activity, "contentType").Trim();
            JToken document;
            try
            {
                document = value is JToken token ? token : ParsedInputCache.Get(activity, FlowValues.ToText(value), contentType, ParseContent.ToJson);
            }
            catch (FormatException ex)
            {
                return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Parse, "Parse '" + activity.Name + "' could not read " + input + " as " + contentType + ": " + ex.Message));
            }

            var missed = ActivityIo.MapOutputs(context, document, activity.Json["outputVariableArray"] as JArray);
            return Completed.From(ActivityOutcome.Next(ActivityPorts.Default,
                "parsed " + input + " as " + contentType + (missed.Count == 0 ? string.Empty : "; no match for " + string.Join(", ", missed))));
        }
    }
}
