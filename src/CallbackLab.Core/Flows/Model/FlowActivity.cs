using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Model
{
    /// <summary>
    /// One activity (node) of a flow: its id, label, group and type (<c>properties.activityName</c>), with the raw
    /// properties kept so that every activity type reads what it needs and unknown properties are ignored.
    /// </summary>
    public sealed class FlowActivity
    {
        private readonly Lazy<IReadOnlyDictionary<string, object?>> _properties;

        /// <summary>Creates an activity.</summary>
        public FlowActivity(string id, string name, string group, string type, JObject properties, bool inEventFlow)
        {
            Id = id;
            Name = name;
            Group = group;
            Type = type;
            Json = properties;
            _properties = new Lazy<IReadOnlyDictionary<string, object?>>(() => PlainJson.ToDictionary(properties));
            InEventFlow = inEventFlow;
            bool trigger = group == "event" || string.Equals(type, ActivityTypes.Event, StringComparison.OrdinalIgnoreCase);
            EventName = trigger ? Text(properties["event"]) ?? Text(properties["displayName"]) : null;
            EventSpecificationName = Text(properties["eventSpecificationName"]);
        }

        /// <summary>The activity id (a UUID in real exports); links refer to it.</summary>
        public string Id { get; }

        /// <summary>The activity label, e.g. <c>GET_CBID</c>; expressions refer to outputs as <c>Label.output</c>.</summary>
        public string Name { get; }

        /// <summary>The export's group: <c>start</c>, <c>action</c>, <c>enum-gateway</c>, <c>set-variable</c>, <c>terminating-action</c>, <c>event</c>.</summary>
        public string Group { get; }

        /// <summary>
        /// The activity type: <c>properties.activityName</c> (e.g. <c>http-request-v2</c>); <c>event</c> for event-flow triggers
        /// and <c>NewPhoneContact</c> for the start activity.
        /// </summary>
        public string Type { get; }

        /// <summary>The raw properties object of the export (what the simulator and validator read).</summary>
        public JObject Json { get; }

        /// <summary>
        /// The export's properties as plain .NET values (dictionaries, arrays, strings, numbers, booleans), keys without
        /// regard to case: what PowerShell users inspect (<c>$activity.Properties.httpRequestUrl</c>). JSON objects from
        /// Newtonsoft do not enumerate or format well in PowerShell, so they stay in <see cref="Json"/>.
        /// </summary>
        public IReadOnlyDictionary<string, object?> Properties => _properties.Value;

        /// <summary>True when the activity belongs to the event flows (GLOBAL_EVENTS).</summary>
        public bool InEventFlow { get; }

        /// <summary>For an event trigger, the event's display name (<c>properties.event</c>, e.g. <c>OnGlobalError</c>); otherwise null.</summary>
        public string? EventName { get; }

        /// <summary>For an event trigger, the event specification name (e.g. <c>GlobalErrorHandling</c>); otherwise null.</summary>
        public string? EventSpecificationName { get; }

        /// <summary>
        /// What the simulator read from this activity once (its properties sorted into literals, variables and templates, its
        /// output names): the export does not change while flows run. Null until the activity first runs.
        /// </summary>
        internal object? SimulatorCache;

        /// <summary>Reads a string property; null when missing or null.</summary>
        public string? GetString(string propertyName)
        {
            JToken? token = Json[propertyName];
            return token == null || token.Type == JTokenType.Null ? null : token.Type == JTokenType.String ? (string?)token : token.ToString(Newtonsoft.Json.Formatting.None);
        }

        /// <inheritdoc />
        public override string ToString() => Name + " (" + Type + ")";

        /// <summary>A string (or other scalar) as text; null for anything else, so a malformed built-in activity never throws here.</summary>
        private static string? Text(JToken? token) => token switch
        {
            null => null,
            JValue value when value.Type == JTokenType.String => (string?)value,
            JValue value when value.Type != JTokenType.Null => value.ToString(Newtonsoft.Json.Formatting.None),
            _ => null,
        };
    }
}
