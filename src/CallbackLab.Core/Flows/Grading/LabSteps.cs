using System.Collections.Generic;

namespace CallbackLab.Core.Flows.Grading
{
    /// <summary>
    /// The Build steps of the lab text (Mission 1: Callback on Global Error), in order. The lab text numbers the last two
    /// steps both "8"; they keep that number here and differ by <see cref="LabStep.Index"/>.
    /// </summary>
    public static class LabSteps
    {
        /// <summary>1: open Main_Flow_&lt;attendee id&gt;.</summary>
        public static readonly LabStep OpenFlow = new LabStep(1, "1", "Open your flow Main_Flow_Your_Attendee_ID and change Edit mode to On.");

        /// <summary>2: the four String variables.</summary>
        public static readonly LabStep AddVariables = new LabStep(2, "2", "Add following 4 flow variables to your flow");

        /// <summary>3: menu option 3 and the longer prompt.</summary>
        public static readonly LabStep MenuOption = new LabStep(3, "3", "Click on WantCallback node");

        /// <summary>4: GET_CBID.</summary>
        public static readonly LabStep GetEntryPoint = new LabStep(4, "4", "Add an HTTP Request node for our query.");

        /// <summary>5: SetGetResult.</summary>
        public static readonly LabStep SetGetResult = new LabStep(5, "5", "Add Set Veriable node");

        /// <summary>6: SimulateGlobalError and Disconnect Contact.</summary>
        public static readonly LabStep SimulateGlobalError = new LabStep(6, "6", "Add one more Set Veriable and Disconnect Contact nodes");

        /// <summary>7: OnGlobalError no longer goes to EndFlow.</summary>
        public static readonly LabStep UnlinkEndFlow = new LabStep(7, "7", "Navigate to Event Flows and delete connection from OnGlobalError to EndFlow.");

        /// <summary>The first 8: CallBackAPI_Request.</summary>
        public static readonly LabStep CallbackRequest = new LabStep(8, "8", "Add HTTP Request node to the flow");

        /// <summary>The second 8: HTTPStatusCode.</summary>
        public static readonly LabStep StatusCondition = new LabStep(9, "8", "Add Condition Node.");

        /// <summary>Every step, in the lab's order.</summary>
        public static IReadOnlyList<LabStep> All { get; } = new[]
        {
            OpenFlow, AddVariables, MenuOption, GetEntryPoint, SetGetResult, SimulateGlobalError, UnlinkEndFlow, CallbackRequest, StatusCondition,
        };
    }
}
