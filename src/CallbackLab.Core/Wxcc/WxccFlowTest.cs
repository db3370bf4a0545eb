using System;

namespace CallbackLab.Core.Wxcc
{
    /// <summary>An EXECUTE_FLOW task WxCC accepted (201, "requested"): what Invoke-WxccFlowTest returns.</summary>
    public sealed class WxccFlowTest
    {
        /// <summary>Creates the result.</summary>
        public WxccFlowTest(string taskId, string? orgId, int statusCode, ExecuteFlowTaskRequest task, string trackingId, DateTimeOffset requestedAt)
        {
            TaskId = taskId;
            OrgId = orgId;
            StatusCode = statusCode;
            EntryPointId = task?.EntryPointId ?? throw new ArgumentNullException(nameof(task));
            Destination = task.Destination;
            Origin = task.Origin;
            TrackingId = trackingId;
            RequestedAt = requestedAt;
        }

        /// <summary>The task id (<c>data.id</c>).</summary>
        public string TaskId { get; }

        /// <summary>The organization (<c>meta.orgId</c>).</summary>
        public string? OrgId { get; }

        /// <summary>The HTTP status (201).</summary>
        public int StatusCode { get; }

        /// <summary>The inbound entry point whose flow runs.</summary>
        public string EntryPointId { get; }

        /// <summary>The caller number the flow sees.</summary>
        public string Destination { get; }

        /// <summary>The outdial ANI sent as origin, or null when none was sent.</summary>
        public string? Origin { get; }

        /// <summary>The <c>TrackingId</c> header CallbackLab sent.</summary>
        public string TrackingId { get; }

        /// <summary>When the request was sent.</summary>
        public DateTimeOffset RequestedAt { get; }
    }
}
