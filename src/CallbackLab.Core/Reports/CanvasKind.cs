namespace CallbackLab.Core.Reports
{
    /// <summary>Which canvas of Flow Designer a <see cref="FlowCanvas"/> stands for.</summary>
    public enum CanvasKind
    {
        /// <summary>The main flow.</summary>
        Main,

        /// <summary>The event flows (GLOBAL_EVENTS): every trigger and what it leads to, as Flow Designer's Event Flows tab shows them.</summary>
        EventFlows,

        /// <summary>A subflow the call ran.</summary>
        Subflow,

        /// <summary>A flow the report has no export for: drawn from the steps that ran in it.</summary>
        FromSteps,
    }
}
