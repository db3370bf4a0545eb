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
            if (!IsAbsolute(activity, url, full))
            {
                return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Activity, "Screen Pop '" + activity.Name + "': '" + full + "' is not an absolute URL."));
            }

            var payload = ActivityIo.Payload();
            payload["Url"] = full;
            payload["QueryParameters"] = parameters;
            payload["DesktopLabel"] = ActivityIo.Render(context, activity, "screenPopDesktopLabel");
            payload["Target"] = activity.GetString("target") ?? "newBrowserTab";
            context.RaiseEvent(activity, "ScreenPop", payload);
            return Completed.From(ActivityOutcome.Next(ActivityIo.SuccessPort(context, activity, ActivityPorts.Default, ActivityPorts.Out), "screen pop " + full));
        }

        /// <summary>
        /// True when <paramref name="full"/> is a well-formed absolute URL. The query this activity appends is escaped, so a
        /// well-formed base URL stays well-formed with it: only the base is checked, and its verdict is kept per activity
        /// (most are literal), so the check costs nothing after the first run.
        /// </summary>
        private static bool IsAbsolute(FlowActivity activity, string url, string full)
        {
            BaseUrlVerdict verdict = ActivityCache.Of(activity).HandlerState(_ => new BaseUrlVerdict());
            Tuple<string, bool>? last = verdict.Last;
            bool wellFormed;
            if (last != null && string.Equals(last.Item1, url, StringComparison.Ordinal))
            {
                wellFormed = last.Item2;
            }
            else
            {
                wellFormed = Uri.IsWellFormedUriString(url, UriKind.Absolute);
                verdict.Last = Tuple.Create(url, wellFormed);
            }

            return wellFormed || (full.Length != url.Length && Uri.IsWellFormedUriString(full, UriKind.Absolute));
        }

        /// <summary>The base URL this activity checked last and whether it was well-formed (replaced whole, so runs may share it).</summary>
        private sealed class BaseUrlVerdict
        {
            internal Tuple<string, bool>? Last;
        }
    }
}
