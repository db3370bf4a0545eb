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
    }
}
