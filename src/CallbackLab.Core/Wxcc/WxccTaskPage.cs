using System;
using System.Collections.Generic;

namespace CallbackLab.Core.Wxcc
{
    /// <summary>One page of <c>GET /v1/tasks</c>.</summary>
    public sealed class WxccTaskPage
    {
        /// <summary>Creates a page.</summary>
        public WxccTaskPage(IReadOnlyList<WxccTask> tasks, Uri? next)
        {
            Tasks = tasks;
            Next = next;
        }

        /// <summary>The tasks of this page.</summary>
        public IReadOnlyList<WxccTask> Tasks { get; }

        /// <summary>The next page's address (<c>links.next</c>, or the query with the next <c>page</c> when this one was full), or null on the last page.</summary>
        public Uri? Next { get; }
    }
}
