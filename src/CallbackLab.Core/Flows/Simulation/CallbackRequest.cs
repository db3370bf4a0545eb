namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>A callback the Callback activity scheduled (or could not).</summary>
    public sealed class CallbackRequest
    {
        /// <summary>Creates a record.</summary>
        public CallbackRequest(string activityName, string number, string? ani, string? queue, bool placed, string? failureReason)
        {
            ActivityName = activityName;
            Number = number;
            Ani = ani;
            Queue = queue;
            Placed = placed;
            FailureReason = failureReason;
        }

        /// <summary>The Callback activity's label.</summary>
        public string ActivityName { get; }

        /// <summary>The number to call back (rendered <c>callbackDn</c>).</summary>
        public string Number { get; }

        /// <summary>The caller id the callback shows (rendered <c>callbackAni</c>); null for the default.</summary>
        public string? Ani { get; }

        /// <summary>The callback queue; null for the contact's queue.</summary>
        public string? Queue { get; }

        /// <summary>False when the number cannot be dialled (CallbackFailed fires).</summary>
        public bool Placed { get; }

        /// <summary>Why the callback cannot be placed; null when placed.</summary>
        public string? FailureReason { get; }

        /// <summary>For a scheduled callback, the start of the window (in the schedule's time zone); null for a courtesy callback.</summary>
        public System.DateTimeOffset? ScheduledStart { get; internal set; }

        /// <summary>For a scheduled callback, the end of the window; null for a courtesy callback.</summary>
        public System.DateTimeOffset? ScheduledEnd { get; internal set; }

        /// <summary>For a scheduled callback, the customer's name; null otherwise.</summary>
        public string? CustomerName { get; internal set; }

        /// <inheritdoc />
        public override string ToString() => Number;
    }
}
