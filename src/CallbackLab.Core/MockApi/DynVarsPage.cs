using System.Collections.Generic;

namespace CallbackLab.Core.MockApi
{
    /// <summary>One answer of a DynVars lookup.</summary>
    public sealed class DynVarsPage
    {
        /// <summary>Creates a page.</summary>
        public DynVarsPage(IReadOnlyList<DynVarsRecord> records, int received)
        {
            Records = records;
            Received = received;
        }

        /// <summary>The records that match (after the exact re-filter, when asked).</summary>
        public IReadOnlyList<DynVarsRecord> Records { get; }

        /// <summary>How many records MockAPI sent before any client-side filter: a page shorter than the limit is the last.</summary>
        public int Received { get; }
    }
}
