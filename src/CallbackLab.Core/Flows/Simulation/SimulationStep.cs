using System;
using System.Collections.Generic;

namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>One activity run, as a line of Flow Designer's Debug view.</summary>
    public sealed class SimulationStep
    {
        /// <summary>Creates a step.</summary>
        public SimulationStep(int index, string flow, string activityId, string activityName, string activityType, string? port,
            bool succeeded, TimeSpan at, IReadOnlyDictionary<string, object?> modifiedVariables, HttpExchange? http, string? message)
        {
            Index = index;
            Flow = flow;
            ActivityId = activityId;
            ActivityName = activityName;
            ActivityType = activityType;
            Port = port;
            Succeeded = succeeded;
            At = at;
            ModifiedVariables = modifiedVariables;
            Http = http;
            Message = message;
        }

        /// <summary>0-based position in the run.</summary>
        public int Index { get; }

        /// <summary><c>Main</c>, or the event whose flow ran the step (e.g. <c>OnGlobalError</c>).</summary>
        public string Flow { get; }

        /// <summary>The activity id.</summary>
        public string ActivityId { get; }

        /// <summary>The activity label.</summary>
        public string ActivityName { get; }

        /// <summary>The activity type.</summary>
        public string ActivityType { get; }

        /// <summary>The output port taken (<c>default</c>, <c>3</c>, <c>true</c>, <c>error</c>…); null when the activity ended the path.</summary>
        public string? Port { get; }

        /// <summary>False when the activity failed (Outcome "Error" in the Debug view).</summary>
        public bool Succeeded { get; }

        /// <summary>The virtual time at which the activity finished, from the start of the call.</summary>
        public TimeSpan At { get; }

        /// <summary>Variables and activity outputs the step changed, with their new values.</summary>
        public IReadOnlyDictionary<string, object?> ModifiedVariables { get; }

        /// <summary>The HTTP request and response, for HTTP Request activities.</summary>
        public HttpExchange? Http { get; }

        /// <summary>What the activity did (prompt text, digits taken, callback number) or why it failed.</summary>
        public string? Message { get; }

        /// <inheritdoc />
        public override string ToString() => Index + " " + ActivityName + " -> " + (Port ?? "(end)");
    }
}
