using System.Collections.Generic;

namespace CallbackLab.Core.Flows.Grading
{
    /// <summary>The names and values the lab text tells attendees to type (the seed's spelling wins over later copies).</summary>
    public static class LabNames
    {
        /// <summary>Every attendee's flow is named this prefix and their attendee id.</summary>
        public const string FlowPrefix = "Main_Flow_";

        /// <summary>The outbound entry point variable.</summary>
        public const string OutdialVariable = "outdialcbid";

        /// <summary>The custom ANI variable.</summary>
        public const string CustomAniVariable = "customANI";

        /// <summary>The HTTP GET result variable.</summary>
        public const string GetResultVariable = "getresult";

        /// <summary>The simulated error variable.</summary>
        public const string SimulatedErrorVariable = "simulatederror";

        /// <summary>The lab's four variables, in the lab's order; all String with an empty default.</summary>
        public static IReadOnlyList<string> Variables { get; } = new[] { OutdialVariable, CustomAniVariable, GetResultVariable, SimulatedErrorVariable };

        /// <summary>The menu the lab extends.</summary>
        public const string Menu = "WantCallback";

        /// <summary>The digit of the added menu option.</summary>
        public const string MenuDigit = "3";

        /// <summary>The added option's name.</summary>
        public const string MenuOptionName = "Simulate an error";

        /// <summary>The menu's text-to-speech message with option 3.</summary>
        public const string MenuPrompt = "All agents are busy. Please press 1 if you want to schedule a callback. Press 2 if you want to wait in queue. Press 3 to simulate global error.";

        /// <summary>The HTTP Request that looks the DNIS up in DynVars.</summary>
        public const string Lookup = "GET_CBID";

        /// <summary>The lookup's query, as the lab writes it.</summary>
        public const string LookupQuery = "?dn={{NewPhoneContact.DNIS | slice(2) }}";

        /// <summary>The MockAPI resource the lookup asks.</summary>
        public const string DynVarsResource = "DynVars";

        /// <summary>The lookup's path for <see cref="OutdialVariable"/>.</summary>
        public const string OutdialPath = "$[0].outboundcallbackep";

        /// <summary>The lookup's path for <see cref="CustomAniVariable"/>.</summary>
        public const string CustomAniPath = "$[0].tacnumber";

        /// <summary>The Set Variable that keeps the lookup's body.</summary>
        public const string SetGetResult = "SetGetResult";

        /// <summary>What SetGetResult sets getresult to.</summary>
        public const string LookupBody = "GET_CBID.httpResponseBody";

        /// <summary>The Set Variable whose value fails, raising the global error.</summary>
        public const string SimulateGlobalError = "SimulateGlobalError";

        /// <summary>SimulateGlobalError's value: not valid Pebble, so setting it fails.</summary>
        public const string SimulatedErrorValue = "{{ ANI | 123}}";

        /// <summary>The event-flow HTTP Request that creates the callback task.</summary>
        public const string CallbackRequest = "CallBackAPI_Request";

        /// <summary>The connector CallBackAPI_Request uses.</summary>
        public const string Connector = "WxCC_API";

        /// <summary>CallBackAPI_Request's path.</summary>
        public const string TasksPath = "/v1/tasks";

        /// <summary>The condition on the task request's status.</summary>
        public const string StatusCondition = "HTTPStatusCode";

        /// <summary>The condition's expression as the lab text shows it.</summary>
        public const string StatusExpression = "{{CallBackAPI_Request.httpStatusCode == 201}}";

        /// <summary>The activity name the lab text's copy button puts in the condition instead of CallBackAPI_Request (a slip).</summary>
        public const string SlipActivity = "HTTP_PUT";
    }
}
