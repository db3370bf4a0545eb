namespace CallbackLab.Core.Flows.Model
{
    /// <summary>The export's <c>flowType</c>: a main flow or a subflow (older exports have none and are main flows).</summary>
    public enum FlowKind
    {
        /// <summary>A main flow, started by NewPhoneContact (or NewContact).</summary>
        Flow,

        /// <summary>A subflow, started by NewSubFlowStart and left through End Subflow.</summary>
        Subflow,
    }
}
