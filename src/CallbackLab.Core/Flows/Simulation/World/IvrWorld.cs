using System;
using System.Collections.Generic;

namespace CallbackLab.Core.Flows.Simulation.World
{
    /// <summary>
    /// Everything a flow asks that no caller key decides: the clock and time zone, business hours, queue statistics, agents,
    /// virtual-agent turns, survey answers and the percent-allocation seed. Every property is optional and settable (a
    /// hashtable or a CSV row binds to it); what is left unset takes the default documented in <see cref="WorldDefaults"/>,
    /// and each default a run uses is listed in the result's <c>AssumedWorld</c>.
    /// </summary>
    public sealed class IvrWorld
    {
        /// <summary>The wall-clock time the call starts; <see cref="IvrSimulationOptions.StartTime"/> wins when both are set. Now when neither is.</summary>
        public DateTimeOffset? StartTime { get; set; }

        /// <summary>The IANA (or Windows) time zone business hours are read in, e.g. <c>America/New_York</c>; UTC when unset.</summary>
        public string? TimeZone { get; set; }

        /// <summary>
        /// Call metadata the start activity reports as <c>NewPhoneContact.&lt;name&gt;</c> beyond ANI, DNIS and InteractionID:
        /// OrgId, EntryPointId, FlowId, FlowVersionLabel, PSTNRegion, Headers (a JSON object of lower-case SIP headers),
        /// CallbackType, CallbackReason, ScheduleSourceInteractionId. Unset names take <see cref="WorldDefaults.CallMetadata"/>.
        /// </summary>
        public IDictionary<string, object?> CallMetadata { get; set; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// Forces the Business Hours port (<c>workingHours</c>, <c>holidays</c>, <c>override</c>, <c>default</c>) whatever the
        /// schedule and clock say; null lets <see cref="BusinessHours"/> decide.
        /// </summary>
        public string? BusinessHoursStatus { get; set; }

        /// <summary>The schedule the Business Hours activity checks on the virtual clock; null: see <see cref="WorldDefaults.BusinessHoursStatus"/>.</summary>
        public BusinessHoursSchedule? BusinessHours { get; set; }

        /// <summary>Get Queue Info: the estimated wait time (output <c>EWT</c>, in ms); null: <see cref="WorldDefaults.EstimatedWaitTime"/>.</summary>
        public TimeSpan? EstimatedWaitTime { get; set; }

        /// <summary>Get Queue Info: the caller's position in queue (output <c>PIQ</c>); null: <see cref="WorldDefaults.PositionInQueue"/>.</summary>
        public int? PositionInQueue { get; set; }

        /// <summary>Get Queue Info: contacts waiting now (output <c>CallsQueuedNow</c>); null: PositionInQueue − 1 (never below 0).</summary>
        public int? CallsQueuedNow { get; set; }

        /// <summary>Get Queue Info: how long the oldest contact has waited (output <c>OldestCallTime</c>, in ms); null: zero.</summary>
        public TimeSpan? OldestCallTime { get; set; }

        /// <summary>Agents logged on to the queue (outputs <c>LoggedOnAgents*</c>); null: <see cref="WorldDefaults.LoggedOnAgents"/>.</summary>
        public int? LoggedOnAgents { get; set; }

        /// <summary>Agents available in the queue (outputs <c>AvailableAgents*</c>); null: <see cref="WorldDefaults.AvailableAgents"/>.</summary>
        public int? AvailableAgents { get; set; }

        /// <summary>True: the queue has too little history for an EWT, so Get Queue Info leaves by <c>insufficientdata</c> (EWT −1).</summary>
        public bool InsufficientQueueData { get; set; }

        /// <summary>Call distribution groups of the queue (Escalate CDG, Advanced Queue Info <c>TotalGroups</c>); null: <see cref="WorldDefaults.CallDistributionGroups"/>.</summary>
        public int? CallDistributionGroups { get; set; }

        /// <summary>
        /// How long after the contact is queued an agent answers (AgentAnswered fires); <see cref="IvrSimulationOptions.AgentAvailableAfter"/>
        /// wins when both are set; null in both: no agent ever answers.
        /// </summary>
        public TimeSpan? AgentAvailableAfter { get; set; }

        /// <summary>
        /// The state Queue To Agent finds its agent in: <c>Available</c>, <c>Idle</c> (queued, answered when an agent is due),
        /// <c>NotLoggedIn</c> (the activity fails); null: <see cref="WorldDefaults.AgentState"/>.
        /// </summary>
        public string? AgentState { get; set; }

        /// <summary>What each virtual-agent turn ends with, in order (one turn per Virtual Agent activity run); a turn with an activity name is used only by that activity.</summary>
        public IList<VirtualAgentTurn> VirtualAgentTurns { get; set; } = new List<VirtualAgentTurn>();

        /// <summary>The caller's answers to feedback surveys, in order (one per question); none: the caller answers nothing.</summary>
        public IList<string> SurveyAnswers { get; set; } = new List<string>();

        /// <summary>Seeds the random source of Percent Allocation and Generate OTP so runs repeat; null: <see cref="WorldDefaults.Seed"/>.</summary>
        public int? Seed { get; set; }

        /// <summary>
        /// How a Bridged Transfer's far end answers: <see cref="TransferResult.Returned"/> (the far end hangs up and the caller
        /// comes back), <see cref="TransferResult.Busy"/>, <see cref="TransferResult.NoAnswer"/>, <see cref="TransferResult.Invalid"/>;
        /// for a Blind Transfer anything but Returned/Completed fails; null: <see cref="WorldDefaults.TransferResult"/>.
        /// </summary>
        public TransferResult? TransferResult { get; set; }

        /// <summary>Record: false makes the caller stay silent (<c>noInputTimeout</c>); null: <see cref="WorldDefaults.CallerRecords"/>.</summary>
        public bool? CallerRecords { get; set; }

        /// <summary>
        /// Answers of services a flow calls without HTTP: a Function (<c>fn-activity</c>, keyed by <c>fnName</c>) or a BRE
        /// Request (keyed by its <c>context</c> query parameter), as JSON text; a missing key: see <see cref="WorldDefaults"/>.
        /// </summary>
        public IDictionary<string, string> ServiceResponses { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Receive Message: the inbound messages (JSON or text) a custom-messaging channel delivers, in order; none: <c>timeout</c>.</summary>
        public IList<string> InboundMessages { get; set; } = new List<string>();

        /// <summary>
        /// Labels of activities whose platform side fails (a media stream that cannot start, say): they leave by their
        /// failure port. Only activities whose failure no property decides read it (see docs/activities.md).
        /// </summary>
        public IList<string> FailingActivities { get; set; } = new List<string>();

        /// <summary>Call Progress Analysis verdict (<c>LIVE_VOICE</c>, <c>AMD</c>, <c>ABANDONED</c>); null: <see cref="WorldDefaults.CallProgressResult"/>.</summary>
        public string? CallProgressResult { get; set; }
    }
}
