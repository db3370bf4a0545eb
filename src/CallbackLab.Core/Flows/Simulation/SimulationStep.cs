using System;
using System.Collections.Generic;
using System.Linq;

namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>One activity run, as a line of Flow Designer's Debug view.</summary>
    public sealed class SimulationStep
    {
        /// <summary>Creates a step.</summary>
        public SimulationStep(int index, string flow, string activityId, string activityName, string activityType, string? port,
            bool succeeded, TimeSpan at, IReadOnlyDictionary<string, object?> modifiedVariables, HttpExchange? http, string? message,
            IReadOnlyList<EvaluatedExpression>? expressions = null)
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
            Expressions = expressions ?? Array.Empty<EvaluatedExpression>();
        }

        /// <summary>0-based position in the run.</summary>
        public int Index { get; }

        /// <summary>
        /// <c>Main</c>, or the event whose flow ran the step (e.g. <c>OnGlobalError</c>); a subflow's steps add its name:
        /// <c>Main &gt; JDS_ContactResolver_V3</c>.
        /// </summary>
        public string Flow { get; }

        /// <summary>The activity id.</summary>
        public string ActivityId { get; }

        /// <summary>The activity label.</summary>
        public string ActivityName { get; }

        /// <summary>The activity type.</summary>
        public string ActivityType { get; }

        /// <summary>The output port taken (<c>default</c>, <c>3</c>, <c>true</c>, <c>error</c>…); null when the activity ended the path.</summary>
        public string? Port { get; private set; }

        /// <summary>False when the activity failed (Outcome "Error" in the Debug view).</summary>
        public bool Succeeded { get; private set; }

        /// <summary>The virtual time at which the activity finished, from the start of the call.</summary>
        public TimeSpan At { get; private set; }

        /// <summary>Variables and activity outputs the step changed, with their new values.</summary>
        public IReadOnlyDictionary<string, object?> ModifiedVariables { get; private set; }

        /// <summary>The HTTP request and response, for HTTP Request activities.</summary>
        public HttpExchange? Http { get; }

        /// <summary>What the activity did (prompt text, digits taken, callback number) or why it failed.</summary>
        public string? Message { get; private set; }

        /// <summary>
        /// The expressions the activity evaluated while it ran, in order: each template with its rendered text, each single
        /// expression (a Condition's, a Case's) with its value, and any that failed with the reason.
        /// </summary>
        public IReadOnlyList<EvaluatedExpression> Expressions { get; private set; }

        /// <summary>
        /// Completes a Subflow activity's step, opened when the handoff began so that it precedes the subflow's own steps
        /// in the trace, with the port it left by once the subflow returned.
        /// </summary>
        internal void Complete(string? port, bool succeeded, TimeSpan at, IReadOnlyDictionary<string, object?> modifiedVariables, string? message,
            IReadOnlyList<EvaluatedExpression> expressions)
        {
            Port = port;
            Succeeded = succeeded;
            At = at;
            if (modifiedVariables.Count > 0)
            {
                var merged = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                foreach (KeyValuePair<string, object?> pair in ModifiedVariables) merged[pair.Key] = pair.Value;
                foreach (KeyValuePair<string, object?> pair in modifiedVariables) merged[pair.Key] = pair.Value;
                ModifiedVariables = merged;
            }

            Message = message;
            if (expressions.Count > 0)
            {
                Expressions = new List<EvaluatedExpression>(Expressions.Concat(expressions));
            }
        }

        /// <inheritdoc />
        public override string ToString() => Index + " " + ActivityName + " -> " + (Port ?? "(end)");
    }
}
