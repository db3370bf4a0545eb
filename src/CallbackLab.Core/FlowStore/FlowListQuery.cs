using System.Collections.Generic;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.FlowStore
{
    /// <summary>What <c>GET …/flows</c> is asked for: the server-side filters and the page size.</summary>
    public sealed class FlowListQuery
    {
        /// <summary>The page size asked for when none is given; the server may cap it lower (the page metadata says so).</summary>
        public const int DefaultPageSize = 100;

        /// <summary>Only flows or only subflows (<c>flowType=FLOW|SUBFLOW</c>); null for both.</summary>
        public FlowKind? Kind { get; set; }

        /// <summary>Part of the name (<c>partialNameSearch</c>); null or empty for every name.</summary>
        public string? PartialName { get; set; }

        /// <summary>Only these flow ids (<c>ids=a,b</c>); empty for all.</summary>
        public IList<string> Ids { get; } = new List<string>();

        /// <summary>Flows per page (<c>size</c>).</summary>
        public int PageSize { get; set; } = DefaultPageSize;
    }
}
