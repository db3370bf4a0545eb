namespace CallbackLab.Core.Flows.Model
{
    /// <summary>Where a flow variable comes from: the export's <c>source</c> (empty for an ordinary variable).</summary>
    public enum FlowVariableSource
    {
        /// <summary>An ordinary flow variable (<c>source</c> empty or missing).</summary>
        Local,

        /// <summary>An org-wide global variable (<c>GLOBAL</c>, also FlowIR's <c>GLOBAL_TM</c>); <c>-GlobalVariable</c> sets it.</summary>
        Global,

        /// <summary>A subflow's input (<c>SUBFLOW_INPUT</c>): the calling Subflow activity maps a value into it.</summary>
        SubflowInput,

        /// <summary>A subflow's output (<c>SUBFLOW_OUTPUT</c>): mapped back to the caller when End Subflow is reached.</summary>
        SubflowOutput,
    }
}
