using System;
using System.Collections.Generic;

namespace CallbackLab.Core.Flows.Simulation.World
{
    /// <summary>
    /// What the simulator assumes when the <see cref="IvrWorld"/> leaves a setting unset. The defaults pick the happy path a
    /// flow author tests first (open, a short queue, an agent state that lets the contact queue) and are listed in the
    /// result's <c>AssumedWorld</c> whenever a run uses one.
    /// </summary>
    public static class WorldDefaults
    {
        /// <summary>Time zone when none is given.</summary>
        public const string TimeZone = "UTC";

        /// <summary>Business Hours without a status or a schedule: open (port <c>workingHours</c>).</summary>
        public const string BusinessHoursStatus = "workingHours";

        /// <summary>The shift name reported when open by default.</summary>
        public const string DefaultShiftName = "WorkingHours";

        /// <summary>Get Queue Info EWT: one minute.</summary>
        public static readonly TimeSpan EstimatedWaitTime = TimeSpan.FromMinutes(1);

        /// <summary>Get Queue Info position: first in line.</summary>
        public const int PositionInQueue = 1;

        /// <summary>Agents logged on to a queue.</summary>
        public const int LoggedOnAgents = 1;

        /// <summary>Agents available in a queue: none free right now (the contact waits; AgentAvailableAfter decides when one answers).</summary>
        public const int AvailableAgents = 0;

        /// <summary>Call distribution groups of a queue.</summary>
        public const int CallDistributionGroups = 1;

        /// <summary>Queue To Agent finds its agent available.</summary>
        public const string AgentState = "Available";

        /// <summary>A virtual-agent conversation without a scripted turn ends handled (port <c>ENDED</c>).</summary>
        public const VirtualAgentTurnEnd VirtualAgentEnd = VirtualAgentTurnEnd.Handled;

        /// <summary>How long a virtual-agent conversation takes on the virtual clock.</summary>
        public static readonly TimeSpan VirtualAgentTurnDuration = TimeSpan.FromSeconds(30);

        /// <summary>The seed of the random source (percent allocation, OTPs).</summary>
        public const int Seed = 1;

        /// <summary>Transfers: the far end answers (blind: Completed; bridged: Returned).</summary>
        public const TransferResult TransferResult = World.TransferResult.Returned;

        /// <summary>Record: the caller speaks.</summary>
        public const bool CallerRecords = true;

        /// <summary>A Function without a scripted response returns an empty JSON object.</summary>
        public const string FunctionResponse = "{}";

        /// <summary>A BRE Request without a scripted response: no rule found (status 404, empty body).</summary>
        public const int BreStatusWithoutResponse = 404;

        /// <summary>
        /// The start activity's other outputs: a placeholder organisation, entry point and region, the flow's own id, the
        /// Latest version, no SIP headers, and a first call (not a callback).
        /// </summary>
        public static readonly IReadOnlyDictionary<string, object?> CallMetadata = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["OrgId"] = "00000000-0000-4000-8000-000000000000",
            ["EntryPointId"] = "00000000-0000-4000-8000-0000000000e9",
            ["FlowId"] = null,
            ["FlowVersionLabel"] = "Latest",
            ["PSTNRegion"] = "US",
            ["Headers"] = "{}",
            ["CallbackType"] = string.Empty,
            ["CallbackReason"] = string.Empty,
            ["ScheduleSourceInteractionId"] = string.Empty,
        };

        /// <summary>Call Progress Analysis verdict: a person answered.</summary>
        public const string CallProgressResult = "LIVE_VOICE";
    }
}
