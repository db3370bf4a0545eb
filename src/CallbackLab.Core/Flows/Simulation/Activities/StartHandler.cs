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
        /// <summary>Each metadata output with its two spellings, built once (the start runs on every call).</summary>
        private static readonly Metadata[] s_metadata = Build();

        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            if (activity.Group != "event" && activity.Type != ActivityTypes.Event)
            {
                IDictionary<string, object?>? given = context.World.Settings.CallMetadata;
                bool hasGiven = given != null && given.Count > 0;
                foreach (Metadata metadata in s_metadata)
                {
                    object? value;
                    if (hasGiven && given!.TryGetValue(metadata.Key, out object? set))
                    {
                        value = set;
                    }
                    else if (context.Variables.TryGetValue(metadata.PhoneName, out object? known) && !string.IsNullOrEmpty(FlowValues.ToText(known)))
                    {
                        continue; // the export's own OrgId / FlowId, or a -Variable, stays
                    }
                    else
                    {
                        value = metadata.Key == "FlowId" ? context.Flow.FlowId ?? context.Flow.Id ?? string.Empty : metadata.Default;
                    }

                    if (metadata.Key == "Headers")
                    {
                        // Headers is a JSON object; the default (none) needs no parse.
                        value = value is string text && text != "{}" ? FlowExpressions.Coerce(text, "JSON") : value as Newtonsoft.Json.Linq.JToken ?? (object)new Dictionary<string, object?>(System.StringComparer.OrdinalIgnoreCase);
                    }

                    context.Variables.Initialize(metadata.PhoneName, value);
                    context.Variables.Initialize(metadata.ContactName, value);
                }
            }

            return Completed.Out;
        }

        private static Metadata[] Build()
        {
            var all = new List<Metadata>();
            foreach (KeyValuePair<string, object?> pair in WorldDefaults.CallMetadata)
            {
                all.Add(new Metadata(pair.Key, pair.Value));
            }

            return all.ToArray();
        }

        /// <summary>One metadata output: its name, its NewPhoneContact. and NewContact. spellings, its default.</summary>
        private sealed class Metadata
        {
            internal Metadata(string key, object? defaultValue)
            {
                Key = key;
                PhoneName = FlowEvents.NewPhoneContact + "." + key;
                ContactName = ActivityTypes.NewContact + "." + key;
                Default = defaultValue;
            }

            internal string Key { get; }

            internal string PhoneName { get; }

            internal string ContactName { get; }

            internal object? Default { get; }
        }
    }
}
