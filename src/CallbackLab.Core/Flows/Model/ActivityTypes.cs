namespace CallbackLab.Core.Flows.Model
{
    /// <summary>The activity type names (<c>properties.activityName</c>) the simulator knows.</summary>
    public static class ActivityTypes
    {
        /// <summary>The start activity of a voice flow.</summary>
        public const string NewPhoneContact = "NewPhoneContact";

        /// <summary>An event-flow trigger (OnGlobalError, AgentAnswered, …).</summary>
        public const string Event = "event";

        /// <summary>Plays prompts (audio files or TTS).</summary>
        public const string PlayMessage = "play-message";

        /// <summary>Plays music for a duration.</summary>
        public const string PlayMusic = "play-music";

        /// <summary>A DTMF menu.</summary>
        public const string Menu = "ivr-menu";

        /// <summary>Collects several digits.</summary>
        public const string CollectDigits = "ivr-collectdigits";

        /// <summary>Sets a flow variable.</summary>
        public const string SetVariable = "set-variable";

        /// <summary>A true/false condition.</summary>
        public const string Condition = "condition-activity";

        /// <summary>A case statement on an expression's value.</summary>
        public const string Case = "case-statement";

        /// <summary>The HTTP Request activity.</summary>
        public const string HttpRequest = "http-request-v2";

        /// <summary>Queues the contact.</summary>
        public const string QueueContact = "queue-contact";

        /// <summary>Queues the contact to one agent.</summary>
        public const string QueueToAgent = "queue-to-agent";

        /// <summary>Schedules a callback.</summary>
        public const string Callback = "callback";

        /// <summary>Disconnects the caller.</summary>
        public const string DisconnectContact = "disconnect-contact";

        /// <summary>Ends the flow (or the event flow).</summary>
        public const string EndFlow = "end-flow";

        /// <summary>The FlowIR spelling of end-flow.</summary>
        public const string End = "end";

        /// <summary>The start activity of exports made since April 2025 (the activity is still named NewPhoneContact).</summary>
        public const string NewContact = "NewContact";

        /// <summary>The start activity of a subflow (group <c>start-subflow</c>).</summary>
        public const string NewSubFlowStart = "NewSubFlowStart";

        /// <summary>End Subflow: returns to the calling Subflow activity.</summary>
        public const string EndSubflow = "end-subflow";

        /// <summary>The Subflow activity: runs a subflow from the library and maps its inputs and outputs.</summary>
        public const string SubflowHandoff = "subflow-handoff";

        /// <summary>True for a start activity: NewPhoneContact, NewContact or NewSubFlowStart (groups <c>start</c>, <c>start-subflow</c>).</summary>
        public static bool IsStart(FlowActivity activity) =>
            activity.Group == "start" || activity.Group == "start-subflow"
            || string.Equals(activity.Type, NewPhoneContact, System.StringComparison.OrdinalIgnoreCase)
            || string.Equals(activity.Type, NewContact, System.StringComparison.OrdinalIgnoreCase)
            || string.Equals(activity.Type, NewSubFlowStart, System.StringComparison.OrdinalIgnoreCase);
    }
}
