using System.Collections.Generic;

namespace CallbackLab.Core.FlowStore
{
    /// <summary>One page of <c>GET …/flows?includePagination=true</c>: its flows and whether another page follows.</summary>
    public sealed class FlowListPage
    {
        /// <summary>Creates the page.</summary>
        public FlowListPage(IReadOnlyList<WxccFlowSummary> flows, int page, int? totalPages, int? totalFlows, int? next)
        {
            Flows = flows;
            Page = page;
            TotalPages = totalPages;
            TotalFlows = totalFlows;
            Next = next;
        }

        /// <summary>The flows on this page.</summary>
        public IReadOnlyList<WxccFlowSummary> Flows { get; }

        /// <summary>The 0-based page number.</summary>
        public int Page { get; }

        /// <summary>How many pages there are, when the page metadata says.</summary>
        public int? TotalPages { get; }

        /// <summary>How many flows match in all, when the page metadata says.</summary>
        public int? TotalFlows { get; }

        /// <summary>The number of the next page, or null when this is the last.</summary>
        public int? Next { get; }
    }
}
