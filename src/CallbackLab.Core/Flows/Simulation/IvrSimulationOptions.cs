using System;
using System.Collections.Generic;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Simulation.World;
using CallbackLab.Core.Flows.Subflows;

namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>The caller and the world around the flow: who calls, what they press, when an agent is free, where requests go.</summary>
    public sealed class IvrSimulationOptions
    {
        /// <summary>The default step limit.</summary>
        public const int DefaultMaxSteps = 1000;

        /// <summary>How long a caller waits by default before hanging up: 10 minutes of virtual time.</summary>
        public static readonly TimeSpan DefaultCallerHangsUpAfter = TimeSpan.FromMinutes(10);

        /// <summary>The caller's number (<c>NewPhoneContact.ANI</c>).</summary>
        public string Ani { get; set; } = "+14085550100";

        /// <summary>The dialled number (<c>NewPhoneContact.DNIS</c>); the lab's example by default.</summary>
        public string Dnis { get; set; } = LabFlow.ExampleDnis;

        /// <summary>The interaction id (<c>NewPhoneContact.InteractionID</c>); a new GUID when null.</summary>
        public string? InteractionId { get; set; }

        /// <summary>
        /// The caller's inputs, consumed in order: a menu takes one entry (it must equal an option's digit, else <c>invalid</c>);
        /// collect-digits takes one entry as its digit string. An empty entry, or none left, is no input (<c>timeout</c>).
        /// </summary>
        public IReadOnlyList<string> Digits { get; set; } = Array.Empty<string>();

        /// <summary>Initial values that override the flow variables' defaults (or add variables).</summary>
        public IDictionary<string, object?> Variables { get; set; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

        /// <summary>How long after the contact is queued an agent answers; null: never.</summary>
        public TimeSpan? AgentAvailableAfter { get; set; }

        /// <summary>
        /// The caller's patience: when the virtual clock reaches this time since the call started while the main flow still
        /// holds the contact (no agent has answered), the caller hangs up (<see cref="SimulationOutcome.CallerHungUp"/>).
        /// 10 minutes by default; null: the caller never hangs up. Zero or less hangs up at the first activity.
        /// </summary>
        public TimeSpan? CallerHangsUpAfter { get; set; } = DefaultCallerHangsUpAfter;

        /// <summary>The most activities a run may execute before it stops as a runaway loop.</summary>
        public int MaxSteps { get; set; } = DefaultMaxSteps;

        /// <summary>
        /// The MockAPI prefix to use instead of <see cref="MockApiPrefix"/> in HTTP Request URLs (the lab's MockAPI base is a
        /// flow setting); null keeps URLs as written.
        /// </summary>
        public Uri? MockApiUri { get; set; }

        /// <summary>The URL prefix that <see cref="MockApiUri"/> replaces; the lab's MockAPI project by default.</summary>
        public string MockApiPrefix { get; set; } = LabFlow.MockApiPrefix;

        /// <summary>Where authenticated (connector) HTTP Request activities go; null makes them fail as unconfigured.</summary>
        public IConnectorEndpoint? Connector { get; set; }

        /// <summary>The subflows Subflow activities hand off to; none by default (a handoff then stops the run with SubflowNotFound).</summary>
        public SubflowLibrary Subflows { get; set; } = SubflowLibrary.Empty;

        /// <summary>Values of the flow's global variables (source GLOBAL), by name without regard to case; the rest keep their defaults.</summary>
        public IDictionary<string, object?> GlobalVariables { get; set; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The wall-clock time the call starts; the virtual clock (and <c>now()</c>) counts from it. Now when null.</summary>
        public DateTimeOffset? StartTime { get; set; }

        /// <summary>
        /// The caller's script for the virtual agents, one entry per Virtual Agent activity run, in order (an entry with an
        /// <see cref="VirtualAgentTurn.ActivityName"/> waits for that activity). Consulted before the world's
        /// <see cref="IvrWorld.VirtualAgentTurns"/>; a turn neither has takes the documented default (Handled). Null or empty: none.
        /// </summary>
        public IList<VirtualAgentTurn>? VirtualAgentTurns { get; set; }

        /// <summary>
        /// What the flow asks that no caller key decides (business hours, queue statistics, virtual-agent turns, survey answers,
        /// the random seed…). <see cref="StartTime"/> and <see cref="AgentAvailableAfter"/> win over the world's when set.
        /// </summary>
        public IvrWorld World { get; set; } = new IvrWorld();
    }
}
