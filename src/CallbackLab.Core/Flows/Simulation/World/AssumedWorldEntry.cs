namespace CallbackLab.Core.Flows.Simulation.World
{
    /// <summary>A fact the run took for granted because the world did not say: what, the value assumed, and who asked.</summary>
    public sealed class AssumedWorldEntry
    {
        /// <summary>Creates an entry.</summary>
        public AssumedWorldEntry(string setting, string value, string activityName, string reason)
        {
            Setting = setting;
            Value = value;
            ActivityName = activityName;
            Reason = reason;
        }

        /// <summary>The <see cref="IvrWorld"/> property that was not set (e.g. <c>EstimatedWaitTime</c>).</summary>
        public string Setting { get; }

        /// <summary>The default used, as text.</summary>
        public string Value { get; }

        /// <summary>The activity that needed it (empty for the call itself, e.g. the start time).</summary>
        public string ActivityName { get; }

        /// <summary>Why this default: what it means for the flow.</summary>
        public string Reason { get; }

        /// <inheritdoc />
        public override string ToString() => Setting + " = " + Value;
    }
}
