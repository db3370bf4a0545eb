namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>The Create Task request (<c>POST /v1/tasks</c>) a flow sent through a connector, and what came back.</summary>
    public sealed class SimulatedCallbackTask
    {
        /// <summary>Creates a record.</summary>
        public SimulatedCallbackTask(string activityName, string requestBody, string? entryPointId, string? destination, int? statusCode, string? taskId)
        {
            ActivityName = activityName;
            RequestBody = requestBody;
            EntryPointId = entryPointId;
            Destination = destination;
            StatusCode = statusCode;
            TaskId = taskId;
        }

        /// <summary>The HTTP activity's label, e.g. <c>CallBackAPI_Request</c>.</summary>
        public string ActivityName { get; }

        /// <summary>The rendered JSON body.</summary>
        public string RequestBody { get; }

        /// <summary>The body's <c>entryPointId</c>; null when absent or the body is not JSON.</summary>
        public string? EntryPointId { get; }

        /// <summary>The body's <c>destination</c>; null when absent or the body is not JSON.</summary>
        public string? Destination { get; }

        /// <summary>The response status; null when no response came.</summary>
        public int? StatusCode { get; }

        /// <summary>The created task's id (<c>data.id</c> of a 201); null otherwise.</summary>
        public string? TaskId { get; }

        /// <inheritdoc />
        public override string ToString() => Destination + " (" + StatusCode + ")";
    }
}
