using System;

namespace CallbackLab.Core.Wxcc
{
    /// <summary>A callback task WxCC accepted (<c>201</c>): what New-WxccCallbackTask returns.</summary>
    public sealed class WxccCallbackTask
    {
        /// <summary>Creates the result.</summary>
        public WxccCallbackTask(string id, string? orgId, int statusCode, string entryPointId, string destination, string trackingId, DateTimeOffset requestedAt)
        {
            Id = id;
            OrgId = orgId;
            StatusCode = statusCode;
            EntryPointId = entryPointId;
            Destination = destination;
            TrackingId = trackingId;
            RequestedAt = requestedAt;
        }

        /// <summary>The task id (<c>data.id</c>).</summary>
        public string Id { get; }

        /// <summary>The organisation (<c>meta.orgId</c>).</summary>
        public string? OrgId { get; }

        /// <summary>The HTTP status, 201 for a created task (what the lab's HTTPStatusCode condition checks).</summary>
        public int StatusCode { get; }

        /// <summary>The outbound entry point the task used.</summary>
        public string EntryPointId { get; }

        /// <summary>The number WxCC will call.</summary>
        public string Destination { get; }

        /// <summary>The <c>TrackingId</c> header CallbackLab sent.</summary>
        public string TrackingId { get; }

        /// <summary>When the request was sent.</summary>
        public DateTimeOffset RequestedAt { get; }
    }
}
