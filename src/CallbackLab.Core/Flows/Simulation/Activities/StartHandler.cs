using System.Collections.Generic;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.World;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// NewPhoneContact / NewContact / NewSubFlowStart and event triggers; leave by <c>out</c>. ANI, DNIS and InteractionID are
    /// set when the call starts; a start activity adds the rest of the call metadata (<c>NewPhoneContact.OrgId</c>, …) from
    /// the world, else what the export says (OrgId, FlowId) or a variable set, else <see cref="WorldDefaults.CallMetadata"/>.
    /// A subflow reads the same names: the call's metadata is shared.
    /// </summary>
    internal sealed class StartHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            if (activity.Group != "event" && activity.Type != ActivityTypes.Event)
            {
                IDictionary<string, object?>? given = context.World.Settings.CallMetadata;
                foreach (KeyValuePair<string, object?> metadata in WorldDefaults.CallMetadata)
                {
                    string name = FlowEvents.NewPhoneContact + "." + metadata.Key;
                    object? value;
                    if (given != null && given.TryGetValue(metadata.Key, out object? set))
                    {
                        value = set;
                    }
                    else if (context.Variables.TryGetValue(name, out object? known) && !string.IsNullOrEmpty(FlowValues.ToText(known)))
                    {
                        continue; // the export's own OrgId / FlowId, or a -Variable, stays
                    }
                    else
                    {
                        value = metadata.Key == "FlowId" ? context.Flow.FlowId ?? context.Flow.Id ?? string.Empty : metadata.Value;
                    }

                    if (metadata.Key == "Headers")
                    {
                        // Headers is a JSON object; the default (none) needs no parse.
                        value = value is string text && text != "{}" ? FlowExpressions.Coerce(text, "JSON") : value as Newtonsoft.Json.Linq.JToken ?? (object)new Dictionary<string, object?>(System.StringComparer.OrdinalIgnoreCase);
                    }

                    context.Variables.Initialize(name, value);
                    context.Variables.Initialize(ActivityTypes.NewContact + "." + metadata.Key, value);
                }
            }

            return Completed.Out;
        }
    }
}
