using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>One flow being run: the main flow, an event flow, or a subflow nested in either.</summary>
    internal sealed class SimulationFrame
    {
        internal SimulationFrame(WxccFlow flow, FlowVariableStore variables, string label, FrameRole role, int depth, bool? holdsCaller = null)
        {
            Flow = flow;
            Variables = variables;
            Label = label;
            Role = role;
            Depth = depth;
            HoldsCaller = holdsCaller ?? role == FrameRole.Main;
        }

        internal WxccFlow Flow { get; }

        internal FlowVariableStore Variables { get; }

        /// <summary>The trace's Flow column: <c>Main</c>, <c>OnGlobalError</c>, <c>Main &gt; JDS_ContactResolver_V3</c>.</summary>
        internal string Label { get; }

        internal FrameRole Role { get; }

        internal int Depth { get; }

        /// <summary>Only the main flow (and subflows it calls) hold the caller; event flows run after the contact is answered or gone.</summary>
        internal bool HoldsCaller { get; }

        /// <summary>The error a subflow did not handle; the Subflow activity reports it.</summary>
        internal SimulationError? Error { get; set; }
    }
}
