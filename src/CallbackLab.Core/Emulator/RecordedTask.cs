using System;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Emulator
{
    /// <summary>A task the emulator's <c>POST /v1/tasks</c> accepted (answered 201).</summary>
    public sealed class RecordedTask
    {
        /// <summary>Creates a recorded task.</summary>
        public RecordedTask(string id, JObject request, DateTimeOffset time)
        {
            Id = id;
            Request = request;
            Time = time;
        }

        /// <summary>The task id returned in <c>data.id</c>.</summary>
        public string Id { get; }

        /// <summary>The exact request body.</summary>
        public JObject Request { get; }

        /// <summary>When the task was accepted (UTC).</summary>
        public DateTimeOffset Time { get; }

        /// <summary>The <c>destination</c> of the request, if any.</summary>
        public string? Destination => (string?)Request["destination"];

        /// <summary>The <c>entryPointId</c> of the request, if any.</summary>
        public string? EntryPointId => (string?)Request["entryPointId"];

        /// <summary>The <c>outboundType</c> of the request, if any.</summary>
        public string? OutboundType => (string?)Request["outboundType"];
    }
}
