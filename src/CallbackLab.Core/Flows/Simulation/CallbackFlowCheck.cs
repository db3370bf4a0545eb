using System.Globalization;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>The lab's pass rule for a simulated call: OnGlobalError ran, the task request answered 201, the condition took True.</summary>
    public static class CallbackFlowCheck
    {
        /// <summary>The lab's HTTP activity that creates the task.</summary>
        public const string DefaultRequestActivity = "CallBackAPI_Request";

        /// <summary>The lab's condition on the status code.</summary>
        public const string DefaultConditionActivity = "HTTPStatusCode";

        /// <summary>Checks <paramref name="simulation"/>; the first rule that fails gives the reason.</summary>
        public static CallbackFlowTestResult Check(
            IvrSimulationResult simulation, string requestActivity = DefaultRequestActivity, string conditionActivity = DefaultConditionActivity)
        {
            string? taskId = simulation.CallbackTask?.TaskId;
            if (!simulation.Raised(FlowEvents.OnGlobalError))
            {
                string where = simulation.Failure != null ? " " + simulation.Failure.Message : string.Empty;
                return Fail("OnGlobalError never ran (outcome " + simulation.Outcome + "); the callback path was not taken." + where,
                    simulation.Steps.Count > 0 ? simulation.Steps[simulation.Steps.Count - 1].ActivityName : null, null);
            }

            SimulationStep? request = simulation.FindStep(requestActivity);
            if (request == null)
            {
                return Fail("OnGlobalError ran but " + requestActivity + " never ran." + (simulation.Failure != null ? " " + simulation.Failure.Message : string.Empty),
                    simulation.Failure?.ActivityName, null);
            }

            int? status = request.Http?.StatusCode;
            if (status == null)
            {
                return Fail(Sentence.End(requestActivity + " got no response: " + (request.Http?.Error ?? request.Message ?? simulation.Failure?.Message ?? "unknown error")),
                    requestActivity, null);
            }

            if (status != 201)
            {
                // The root cause first: a request sent without its values fails with a message about the symptom only.
                string answered = string.Format(CultureInfo.InvariantCulture, "{0} answered {1}, not 201: {2}", requestActivity, status, Shorten(request.Http!.ResponseBody));
                string? cause = EmptyLookupCause.Describe(simulation, request);
                return Fail(cause == null ? answered : cause + " Then " + answered, requestActivity, status);
            }

            SimulationStep? condition = simulation.FindStep(conditionActivity);
            if (condition == null || condition.Port != "true")
            {
                string took = condition == null ? "never ran" : "took '" + (condition.Port ?? "nothing") + "'" + (condition.Message != null ? " (" + condition.Message + ")" : string.Empty);
                return Fail(conditionActivity + " " + took + ", not True.", conditionActivity, status);
            }

            return new CallbackFlowTestResult(true, string.Format(CultureInfo.InvariantCulture,
                "OnGlobalError ran, {0} answered 201 (task {1}) and {2} took True.", requestActivity, taskId ?? "?", conditionActivity),
                null, status, taskId, simulation);

            CallbackFlowTestResult Fail(string reason, string? step, int? code) => new CallbackFlowTestResult(false, reason, step, code, taskId, simulation);
        }

        private static string Shorten(string? body)
        {
            if (NullableStrings.IsNullOrEmpty(body))
            {
                return "(empty body)";
            }

            return body.Length <= 300 ? body : body.Substring(0, 300) + "…";
        }
    }
}
