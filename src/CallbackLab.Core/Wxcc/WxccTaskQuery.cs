using System;
using System.Collections.Generic;

namespace CallbackLab.Core.Wxcc
{
    /// <summary>The filter of <c>GET /v1/tasks</c>.</summary>
    public sealed class WxccTaskQuery
    {
        /// <summary>The API's largest page.</summary>
        public const int MaximumPageSize = 1000;

        /// <summary>Creates a query for tasks created from <paramref name="from"/> on.</summary>
        public WxccTaskQuery(DateTimeOffset from)
        {
            From = from;
        }

        /// <summary>The earliest creation time (required by the API).</summary>
        public DateTimeOffset From { get; }

        /// <summary>The latest creation time, or null for now.</summary>
        public DateTimeOffset? To { get; set; }

        /// <summary>Channel types (<c>telephony</c>, <c>chat</c>, <c>email</c>, <c>social</c>); empty for all.</summary>
        public IList<string> ChannelTypes { get; } = new List<string>();

        /// <summary>Tasks per page, 1 to 1000 (the API's default is 100).</summary>
        public int? PageSize { get; set; }
    }
}
