using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Screen Pop: renders <c>screenPopUrl</c> and <c>queryParameters</c> and records a ScreenPop event with the URL the
    /// desktop opens, its label and target; leaves by <c>default</c> (or <c>out</c>). A URL that is not absolute is an error.
    /// </summary>
    internal sealed class ScreenPopHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string url = ActivityIo.Render(context, activity, "screenPopUrl").Trim();
            var parameters = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            var builder = new StringBuilder(url);
            bool hasQuery = url.IndexOf('?') >= 0;
            if (activity.Json["queryParameters"] is JObject query)
            {
                foreach (KeyValuePair<string, JToken?> parameter in query)
                {
                    string value = context.Render(FlowValues.ToText(parameter.Value));
                    parameters[parameter.Key] = value;
                    builder.Append(hasQuery ? '&' : '?').Append(Uri.EscapeDataString(parameter.Key)).Append('=').Append(Uri.EscapeDataString(value));
                    hasQuery = true;
                }
            }

            string full = builder.ToString();
            if (!Uri.IsWellFormedUriString(full, UriKind.Absolute))
            {
                return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Activity, "Screen Pop '" + activity.Name + "': '" + full + "' is not an absolute URL."));
            }

            var payload = ActivityIo.Payload();
            payload["Url"] = full;
            payload["QueryParameters"] = parameters;
            payload["DesktopLabel"] = ActivityIo.Render(context, activity, "screenPopDesktopLabel");
            payload["Target"] = activity.GetString("target") ?? "newBrowserTab";
            context.RaiseEvent("ScreenPop", payload);
            return Completed.From(ActivityOutcome.Next(ActivityIo.SuccessPort(context, activity, ActivityPorts.Default, ActivityPorts.Out), "screen pop " + full));
        }
    }
}
