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
                [ActivityTypes.HttpRequest] = new HttpRequestHandler(),
                [ActivityTypes.QueueContact] = queue,
                [ActivityTypes.QueueToAgent] = queue,
                [ActivityTypes.Callback] = new CallbackHandler(),
                [ActivityTypes.DisconnectContact] = new DisconnectHandler(),
                [ActivityTypes.EndFlow] = end,
                [ActivityTypes.End] = end,
            };
        }
    }
}
