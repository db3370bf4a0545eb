using System;
using System.Collections.Generic;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.Activities;

namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>The activity types the simulator runs, and their handlers.</summary>
    public static class ActivityHandlers
    {
        private static readonly Dictionary<string, IActivityHandler> s_handlers = Build();

        /// <summary>Every activity type the simulator knows.</summary>
        public static IReadOnlyCollection<string> KnownTypes => s_handlers.Keys;

        /// <summary>True when the simulator can run activities of <paramref name="activityType"/>.</summary>
        public static bool IsKnown(string activityType) => s_handlers.ContainsKey(activityType);

        internal static IActivityHandler? Find(string activityType) => s_handlers.TryGetValue(activityType, out IActivityHandler? h) ? h : null;

        private static Dictionary<string, IActivityHandler> Build()
        {
            var queue = new QueueHandler();
            var start = new StartHandler();
            var end = new EndFlowHandler();
            var http = new HttpRequestHandler();
            return new Dictionary<string, IActivityHandler>(StringComparer.OrdinalIgnoreCase)
            {
                [ActivityTypes.NewPhoneContact] = start,
                [ActivityTypes.NewContact] = start,
                [ActivityTypes.NewSubFlowStart] = start,
                [ActivityTypes.SubflowHandoff] = new SubflowHandoffHandler(),
                [ActivityTypes.EndSubflow] = new EndSubflowHandler(),
                ["start"] = start,
                [ActivityTypes.Event] = start,
                [ActivityTypes.PlayMessage] = new PlayMessageHandler(),
                [ActivityTypes.PlayMusic] = new PlayMusicHandler(),
                [ActivityTypes.Menu] = new MenuHandler(),
                [ActivityTypes.CollectDigits] = new CollectDigitsHandler(),
                [ActivityTypes.SetVariable] = new SetVariableHandler(),
                [ActivityTypes.Condition] = new ConditionHandler(),
                [ActivityTypes.Case] = new CaseHandler(),
                [ActivityTypes.PercentAllocation] = new PercentAllocationHandler(),
                [ActivityTypes.BusinessHours] = new BusinessHoursHandler(),
                [ActivityTypes.Wait] = new WaitHandler(),
                [ActivityTypes.GoTo] = new GoToHandler(),
                [ActivityTypes.Function] = new FunctionHandler(),
                [ActivityTypes.HttpRequest] = http,
                [ActivityTypes.HttpRequestV1] = http,
                [ActivityTypes.Parse] = new ParseHandler(),
                [ActivityTypes.BreRequest] = new BreRequestHandler(),
                [ActivityTypes.CryptographicHash] = new CryptographicHashHandler(),
                [ActivityTypes.GenerateOtp] = new GenerateOtpHandler(),
                [ActivityTypes.VerifyOtp] = new VerifyOtpHandler(),
                [ActivityTypes.ScreenPop] = new ScreenPopHandler(),
                [ActivityTypes.QueueContact] = queue,
                [ActivityTypes.QueueToAgent] = new QueueToAgentHandler(),
                [ActivityTypes.QueueLookup] = new QueueLookupHandler(),
                [ActivityTypes.AdvancedQueueInfo] = new AdvancedQueueInfoHandler(),
                [ActivityTypes.EscalateCdg] = new EscalateCdgHandler(),
                [ActivityTypes.SetContactPriority] = new SetContactPriorityHandler(),
                [ActivityTypes.Callback] = new CallbackHandler(),
                [ActivityTypes.ScheduledCallback] = new ScheduledCallbackHandler(),
                [ActivityTypes.BlindTransfer] = new BlindTransferHandler(),
                [ActivityTypes.BridgedTransfer] = new BridgedTransferHandler(),
                [ActivityTypes.SetCallerId] = new SetCallerIdHandler(),
                [ActivityTypes.SetAnnouncement] = new SetAnnouncementHandler(),
                [ActivityTypes.SetWhisperAnnouncement] = new SetWhisperAnnouncementHandler(),
                [ActivityTypes.SendDigits] = new SendDigitsHandler(),
                [ActivityTypes.VirtualAssistant] = new VirtualAgentHandler(version2: false),
                [ActivityTypes.VirtualAssistantVoice] = new VirtualAgentHandler(version2: true),
                [ActivityTypes.Record] = new RecordHandler(),
                [ActivityTypes.RecordingControl] = new RecordingControlHandler(),
                [ActivityTypes.UploadAudio] = new UploadAudioHandler(),
                [ActivityTypes.StartMediaStream] = new StartMediaStreamHandler(),
                [ActivityTypes.CallProgressAnalysis] = new CallProgressAnalysisHandler(),
                [ActivityTypes.FeedbackV2] = new FeedbackHandler(version2: true),
                [ActivityTypes.Feedback] = new FeedbackHandler(version2: false),
                [ActivityTypes.ReceiveMessage] = new ReceiveMessageHandler(),
                [ActivityTypes.SendCustomMessage] = new SendCustomMessageHandler(),
                [ActivityTypes.DisconnectContact] = new DisconnectHandler(),
                [ActivityTypes.EndFlow] = end,
                [ActivityTypes.End] = end,
            };
        }
    }
}
