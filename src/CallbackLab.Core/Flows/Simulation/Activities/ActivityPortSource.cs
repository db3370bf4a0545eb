namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>Where an activity's export-defined ports come from.</summary>
    public enum ActivityPortSource
    {
        /// <summary>Only the fixed ports.</summary>
        None,

        /// <summary>The digits in <c>menuLinks</c> (Menu).</summary>
        MenuLinks,

        /// <summary>The indexes in <c>menuLinks</c> (Case: <c>"0"</c>…<c>"n-1"</c>).</summary>
        CaseLinks,

        /// <summary>The indexes in <c>allocations</c> (Percent Allocation).</summary>
        Allocations,
    }
}
