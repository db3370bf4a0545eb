namespace CallbackLab.Core.Flows.Model
{
    /// <summary>
    /// The activity type names (<c>properties.activityName</c>) of Flow Designer's registry, as exports spell them
    /// (see docs/activities.md for what the simulator does with each).
    /// </summary>
    public static class ActivityTypes
    {
        /// <summary>The start activity of a voice flow.</summary>
        public const string NewPhoneContact = "NewPhoneContact";

        /// <summary>The 2025+ name of the start activity (the node is still labelled NewPhoneContact).</summary>
        public const string NewContact = "NewContact";

        /// <summary>The start activity of a subflow.</summary>
        public const string NewSubFlowStart = "NewSubFlowStart";

        /// <summary>An event-flow trigger (OnGlobalError, AgentAnswered, …).</summary>
        public const string Event = "event";

        /// <summary>The 2025+ spelling of an event-flow trigger (with <c>eventSpecificationName</c>).</summary>
        public const string EventActivity = "Event";

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

        /// <summary>Splits contacts between paths by percentage.</summary>
        public const string PercentAllocation = "percent-allocation";

        /// <summary>Checks a business-hours schedule.</summary>
        public const string BusinessHours = "business-hours";

        /// <summary>Waits on the clock.</summary>
        public const string Wait = "wait-activity";

        /// <summary>GoTo: hands the call to another flow or entry point.</summary>
        public const string GoTo = "hand-off";

        /// <summary>Runs a subflow.</summary>
        public const string SubflowHandoff = "subflow-handoff";

        /// <summary>Ends a subflow (back to the caller flow).</summary>
        public const string EndSubflow = "end-subflow";

        /// <summary>Runs a Webex Contact Center function.</summary>
        public const string Function = "fn-activity";

        /// <summary>The HTTP Request activity.</summary>
        public const string HttpRequest = "http-request-v2";

        /// <summary>The first HTTP Request activity (connector only).</summary>
        public const string HttpRequestV1 = "http-request";

        /// <summary>Parses JSON, XML, YAML or TOML into output variables.</summary>
        public const string Parse = "parse-activity";

        /// <summary>Looks up a Business Rules Engine entry.</summary>
        public const string BreRequest = "bre-request";

        /// <summary>Hashes a value.</summary>
        public const string CryptographicHash = "cryptographic-hash";

        /// <summary>Generates a one-time password.</summary>
        public const string GenerateOtp = "generate-otp";

        /// <summary>Verifies a one-time password.</summary>
        public const string VerifyOtp = "verify-otp";

        /// <summary>Pops a page on the agent desktop.</summary>
        public const string ScreenPop = "screen-pop";

        /// <summary>Queues the contact.</summary>
        public const string QueueContact = "queue-contact";

        /// <summary>Queues the contact to one agent.</summary>
        public const string QueueToAgent = "queue-to-agent";

        /// <summary>Get Queue Info.</summary>
        public const string QueueLookup = "queue-lookup";

        /// <summary>Advanced Queue Information.</summary>
        public const string AdvancedQueueInfo = "advanced-queue-info";

        /// <summary>Escalates to the next call distribution group.</summary>
        public const string EscalateCdg = "escalate-cdg";

        /// <summary>Sets the contact's queue priority.</summary>
        public const string SetContactPriority = "set-contact-priority";

        /// <summary>Schedules a callback.</summary>
        public const string Callback = "callback";

        /// <summary>Schedules a callback for a later time window.</summary>
        public const string ScheduledCallback = "scheduled-callback";

        /// <summary>Transfers the call to a number and leaves the flow.</summary>
        public const string BlindTransfer = "blind-transfer";

        /// <summary>Transfers the call to a number; the caller may come back.</summary>
        public const string BridgedTransfer = "bridged-transfer";

        /// <summary>Sets the caller id of an outgoing leg.</summary>
        public const string SetCallerId = "SetCallerID";

        /// <summary>Sets the agent greeting / compliance announcement.</summary>
        public const string SetAnnouncement = "set-announcement";

        /// <summary>Sets the whisper announcement played to the agent.</summary>
        public const string SetWhisperAnnouncement = "set-whisperannouncement";

        /// <summary>Sends DTMF digits on the call.</summary>
        public const string SendDigits = "send-digits";

        /// <summary>Virtual Agent (Dialogflow ES).</summary>
        public const string VirtualAssistant = "ivr-virtualassistant";

        /// <summary>Virtual Agent V2.</summary>
        public const string VirtualAssistantVoice = "ivr-virtualassistantvoice";

        /// <summary>Records the caller.</summary>
        public const string Record = "record";

        /// <summary>Pauses or resumes call recording.</summary>
        public const string RecordingControl = "RecordingControl";

        /// <summary>Uploads a recorded audio file (agent greeting).</summary>
        public const string UploadAudio = "upload-audio";

        /// <summary>Starts streaming the call's media.</summary>
        public const string StartMediaStream = "start-media-stream";

        /// <summary>Call progress analysis (answering-machine detection).</summary>
        public const string CallProgressAnalysis = "call-progress-analysis";

        /// <summary>Feedback survey (current).</summary>
        public const string FeedbackV2 = "Feedback-V2";

        /// <summary>Feedback survey (legacy).</summary>
        public const string Feedback = "Feedback";

        /// <summary>Waits for a custom-messaging message.</summary>
        public const string ReceiveMessage = "ReceiveMessage";

        /// <summary>Sends a custom-messaging message.</summary>
        public const string SendCustomMessage = "SendCustomMessage";

        /// <summary>Disconnects the caller.</summary>
        public const string DisconnectContact = "disconnect-contact";

        /// <summary>Ends the flow (or the event flow).</summary>
        public const string EndFlow = "end-flow";

        /// <summary>The FlowIR spelling of end-flow.</summary>
        public const string End = "end";

        /// <summary>True for a start activity: NewPhoneContact, NewContact or NewSubFlowStart (groups <c>start</c>, <c>start-subflow</c>).</summary>
        public static bool IsStart(FlowActivity activity) =>
            activity.Group == "start" || activity.Group == "start-subflow"
            || string.Equals(activity.Type, NewPhoneContact, System.StringComparison.OrdinalIgnoreCase)
            || string.Equals(activity.Type, NewContact, System.StringComparison.OrdinalIgnoreCase)
            || string.Equals(activity.Type, NewSubFlowStart, System.StringComparison.OrdinalIgnoreCase);
    }
}
