using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Callback: records the number to call back (<c>callbackDn</c>) and the caller id (<c>callbackAni</c>). A number that
    /// cannot be dialled (empty, or not 3–36 digits with an optional +) is recorded as not placed, sets FailureCode 1 and
    /// FailureDescription, and CallbackFailed fires.
    /// </summary>
    internal sealed class CallbackHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string number;
            string? ani;
            try
            {
                number = context.Render(activity.GetString("callbackDn") ?? string.Empty).Trim();
                string? aniTemplate = activity.GetString("callbackAni");
                ani = aniTemplate == null ? null : context.Render(aniTemplate).Trim();
            }
            catch (FlowExpressionFailure failure)
            {
                return Completed.From(ActivityOutcome.Error(failure.Kind, failure.Message));
            }

            bool placed = TransferTarget.IsDialable(number, withKeys: false);
            string? reason = placed ? null : "'" + number + "' is not a number that can be dialled.";
            if (!placed)
            {
                // The simulator's code 1 (the reference documents FailureCode 1-6 without their meanings); the port stays default.
                ActivityIo.Failure(context, activity, 1, reason!);
            }

            context.Callbacks.Add(new CallbackRequest(activity.Name, number, ani, activity.GetString("callbackQueue"), placed, reason));
            return Completed.From(ActivityOutcome.Next(ActivityPorts.Default, placed ? "callback to " + number : reason));
        }
    }
}
