using System;

namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>An event raised during the run (NewPhoneContact, OnGlobalError, PhoneContactEnded, AgentAnswered, CallbackFailed).</summary>
    public sealed class SimulationEvent
    {
        /// <summary>Creates an event record.</summary>
        public SimulationEvent(string name, TimeSpan at, bool handled)
        {
            Name = name;
            At = at;
            Handled = handled;
        }

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
