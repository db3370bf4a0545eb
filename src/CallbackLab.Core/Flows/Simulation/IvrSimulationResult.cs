using System;
using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Flows.Simulation.World;

namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>Everything one simulated call did: outcome, the Debug-view trace, variables, events, errors and HTTP results.</summary>
    public sealed class IvrSimulationResult
    {
        /// <summary>Creates a result.</summary>
        public IvrSimulationResult(
            string flowName, string ani, string dnis, IReadOnlyList<string> digits, SimulationOutcome outcome,
            IReadOnlyList<SimulationStep> steps, IReadOnlyDictionary<string, object?> variables, IReadOnlyDictionary<string, object?> outputs,
            IReadOnlyList<SimulationEvent> events, SimulationError? globalError, SimulationError? failure,
            IReadOnlyList<CallbackRequest> callbacks, SimulatedCallbackTask? callbackTask, TimeSpan duration,
            IReadOnlyDictionary<string, object?>? subflowOutputs = null)
        {
            SubflowOutputs = subflowOutputs ?? new Dictionary<string, object?>();
            FlowName = flowName;
            Ani = ani;
            Dnis = dnis;
            Digits = digits;
            Outcome = outcome;
            Steps = steps;
            Variables = variables;
            Outputs = outputs;
            Events = events;
            GlobalError = globalError;
            Failure = failure;
            Callbacks = callbacks;
            CallbackTask = callbackTask;
            Duration = duration;
        }

        /// <summary>The simulated flow's name.</summary>
        public string FlowName { get; }

        /// <summary>The caller's number.</summary>
        public string Ani { get; }

        /// <summary>The dialled number.</summary>
        public string Dnis { get; }

        /// <summary>The caller's inputs as given.</summary>
        public IReadOnlyList<string> Digits { get; }

        /// <summary>How the contact ended.</summary>
        public SimulationOutcome Outcome { get; }

        /// <summary>Every activity run, in order.</summary>
        public IReadOnlyList<SimulationStep> Steps { get; }

        /// <summary>The flow variables at the end.</summary>
        public IReadOnlyDictionary<string, object?> Variables { get; }

        /// <summary>Contact and activity outputs at the end (<c>NewPhoneContact.DNIS</c>, <c>GET_CBID.httpStatusCode</c>, …).</summary>
        public IReadOnlyDictionary<string, object?> Outputs { get; }

        /// <summary>
        /// For a subflow simulated on its own: its output variables (source SUBFLOW_OUTPUT) at the end, by name; empty for a
        /// main flow.
        /// </summary>
        public IReadOnlyDictionary<string, object?> SubflowOutputs { get; }

        /// <summary>Events raised, in order.</summary>
        public IReadOnlyList<SimulationEvent> Events { get; }

        /// <summary>The error that raised OnGlobalError; null when none did.</summary>
        public SimulationError? GlobalError { get; }

        /// <summary>Why the run could not go on (unknown activity, broken link, step limit, an error in an event flow); null otherwise.</summary>
        public SimulationError? Failure { get; }

        /// <summary>Callbacks the Callback activity scheduled.</summary>
        public IReadOnlyList<CallbackRequest> Callbacks { get; }

        /// <summary>The last Create Task request (<c>POST …/v1/tasks</c>) the flow sent; null when none.</summary>
        public SimulatedCallbackTask? CallbackTask { get; }

        /// <summary>The status code of the last HTTP Request activity that got a response; null when none did.</summary>
        public int? HttpStatusCode => Steps.LastOrDefault(s => s.Http?.StatusCode != null)?.Http!.StatusCode;

        /// <summary>The requests no stub matched, which were not sent (each answered with the documented 404), in step order.</summary>
        public IReadOnlyList<Stubs.UnmatchedRequest> UnmatchedRequests => Steps.Where(s => s.Http?.Unmatched != null).Select(s => s.Http!.Unmatched!).ToList();

        /// <summary>The virtual length of the call.</summary>
        public TimeSpan Duration { get; }

        /// <summary>Every default the run took because the world did not say (start time, queue statistics, virtual-agent turns…).</summary>
        public IReadOnlyList<AssumedWorldEntry> AssumedWorld { get; internal set; } = Array.Empty<AssumedWorldEntry>();

        /// <summary>Where a transfer or goto sent the call (outcome Transferred or HandedOff); null otherwise.</summary>
        public string? Destination { get; internal set; }

        /// <summary>The labels of the activities run, in order (for asserting a path).</summary>
        public IReadOnlyList<string> Path => Steps.Select(s => s.ActivityName).ToList();

        /// <summary>True when the event ran (was raised), e.g. <c>OnGlobalError</c>.</summary>
        public bool Raised(string eventName) => Events.Any(e => string.Equals(e.Name, eventName, StringComparison.OrdinalIgnoreCase));

        /// <summary>The last step of the activity labelled <paramref name="activityName"/>; null when it never ran.</summary>
        public SimulationStep? FindStep(string activityName) =>
            Steps.LastOrDefault(s => string.Equals(s.ActivityName, activityName, StringComparison.OrdinalIgnoreCase));
    }
}
