using System;
using System.Collections.Generic;

namespace CallbackLab.Core.Flows.Simulation.World
{
    /// <summary>One conversation with a virtual agent (one run of a Virtual Agent activity): how it ends and what it returns.</summary>
    public sealed class VirtualAgentTurn
    {
        /// <summary>How the turn ends; <see cref="VirtualAgentTurnEnd.Handled"/> by default.</summary>
        public VirtualAgentTurnEnd End { get; set; } = VirtualAgentTurnEnd.Handled;

        /// <summary>The label of the Virtual Agent activity this turn is for; null: the next Virtual Agent activity that runs.</summary>
        public string? ActivityName { get; set; }

        /// <summary>
        /// Output variables the turn returns, set as <c>&lt;Label&gt;.&lt;name&gt;</c> (<c>LastIntent</c>, <c>MetaData</c>,
        /// <c>StateEventName</c>, <c>TranscriptURL</c>, <c>ErrorCode</c>…); a JSON object or text for <c>MetaData</c>.
        /// </summary>
        public IDictionary<string, object?> Outputs { get; set; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

        /// <summary>How long the conversation takes on the virtual clock; null: <see cref="WorldDefaults.VirtualAgentTurnDuration"/>.</summary>
        public TimeSpan? Duration { get; set; }

        /// <inheritdoc />
        public override string ToString() => ActivityName == null ? End.ToString() : ActivityName + ": " + End;
    }
}
