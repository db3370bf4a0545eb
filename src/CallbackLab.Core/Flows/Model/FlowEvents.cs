namespace CallbackLab.Core.Flows.Model
{
    /// <summary>Event names (<c>properties.event</c> of event-flow triggers) the simulator raises.</summary>
    public static class FlowEvents
    {
        /// <summary>An activity failed and had no wired error port.</summary>
        public const string OnGlobalError = "OnGlobalError";

        /// <summary>The caller's leg ended.</summary>
        public const string PhoneContactEnded = "PhoneContactEnded";

        /// <summary>An agent answered the queued contact.</summary>
        public const string AgentAnswered = "AgentAnswered";

        /// <summary>A callback could not be placed.</summary>
        public const string CallbackFailed = "CallbackFailed";

        /// <summary>The contact arrived (the start activity; recorded in the trace, no handler).</summary>
        public const string NewPhoneContact = "NewPhoneContact";
    }
}
