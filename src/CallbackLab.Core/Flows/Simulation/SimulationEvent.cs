using System;
using System.Collections.Generic;

namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>An event raised during the run (NewPhoneContact, OnGlobalError, PhoneContactEnded, AgentAnswered, CallbackFailed).</summary>
    public sealed class SimulationEvent
    {
        /// <summary>Creates an event record.</summary>
        public SimulationEvent(string name, TimeSpan at, bool handled)
            : this(name, at, handled, null)
        {
        }

        /// <summary>Creates an event record with the payload an activity sent (a screen pop's URL and parameters, say).</summary>
        public SimulationEvent(string name, TimeSpan at, bool handled, IReadOnlyDictionary<string, object?>? payload)
            : this(name, at, handled, payload, null, null)
        {
        }

        /// <summary>Creates the record of an event the activity <paramref name="activityId"/> (<paramref name="activityName"/>) raised.</summary>
        public SimulationEvent(string name, TimeSpan at, bool handled, IReadOnlyDictionary<string, object?>? payload, string? activityId, string? activityName)
        {
            Name = name;
            At = at;
            Handled = handled;
            Payload = payload;
            ActivityId = activityId;
            ActivityName = activityName;
        }

        /// <summary>The id of the activity that raised the event (a Screen Pop, say); null for the flow's own events.</summary>
        public string? ActivityId { get; }

        /// <summary>The label of the activity that raised the event; null for the flow's own events.</summary>
        public string? ActivityName { get; }

        /// <summary>What the event carried, rendered (for ScreenPop, StartMediaStream, FeedbackSurvey…); null for the flow's own events.</summary>
        public IReadOnlyDictionary<string, object?>? Payload { get; }

        /// <summary>The event name.</summary>
        public string Name { get; }

        /// <summary>The virtual time it fired.</summary>
        public TimeSpan At { get; }

        /// <summary>True when the flow had a wired event flow for it and that flow ran.</summary>
        public bool Handled { get; }

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
