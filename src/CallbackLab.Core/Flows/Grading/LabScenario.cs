using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;

namespace CallbackLab.Core.Flows.Grading
{
    /// <summary>
    /// The lab scenario (the caller dials the attendee's DNIS and presses 3) run against the attendee's flow, checked with the
    /// lab's pass rule (<see cref="CallbackFlowCheck"/>), and a failure put at the lab step whose activity went wrong.
    /// </summary>
    public static class LabScenario
    {
        /// <summary>The digits the caller presses.</summary>
        public static readonly string[] Digits = { LabNames.MenuDigit };

        /// <summary>Runs the scenario against <paramref name="flow"/>.</summary>
        public static async Task<CallbackFlowTestResult> RunAsync(WxccFlow flow, LabGradingOptions options, CancellationToken cancellationToken)
        {
            if (flow is null)
            {
                throw new ArgumentNullException(nameof(flow));
            }

            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var simulation = new IvrSimulationOptions
            {
                Dnis = options.Dnis,
                Digits = Digits,
                MockApiUri = options.MockApiUri,
                MockApiPrefix = options.MockApiPrefix,
                Connector = options.Connector,
                StartTime = options.StartTime,
            };
            IvrSimulationResult result = await new IvrSimulator().RunAsync(flow, simulation, cancellationToken).ConfigureAwait(false);
            return CallbackFlowCheck.Check(result);
        }

        /// <summary>
        /// The lab step a failed scenario points at: the first of the lab's activities the call did not get through, or the
        /// step of the request or condition that went wrong.
        /// </summary>
        public static LabStep StepOf(CallbackFlowTestResult check)
        {
            if (check is null)
            {
                throw new ArgumentNullException(nameof(check));
            }

            IvrSimulationResult simulation = check.Simulation;
            if (!simulation.Raised(FlowEvents.OnGlobalError))
            {
                if (simulation.FindStep(LabNames.Lookup) == null)
                {
                    return LabSteps.GetEntryPoint;
                }

                return simulation.FindStep(LabNames.SetGetResult) == null ? LabSteps.SetGetResult : LabSteps.SimulateGlobalError;
            }

            SimulationStep? request = simulation.FindStep(LabNames.CallbackRequest);
            if (request == null)
            {
                // OnGlobalError went straight to an End Flow: the connection step 7 deletes is still there.
                bool ended = simulation.Steps.Any(s => string.Equals(s.ActivityType, ActivityTypes.EndFlow, StringComparison.OrdinalIgnoreCase));
                return ended ? LabSteps.UnlinkEndFlow : LabSteps.CallbackRequest;
            }

            if (request.Http?.StatusCode != 201)
            {
                return EmptyLookupCause.Describe(simulation, request) != null ? LabSteps.GetEntryPoint : LabSteps.CallbackRequest;
            }

            return LabSteps.StatusCondition;
        }
    }
}
