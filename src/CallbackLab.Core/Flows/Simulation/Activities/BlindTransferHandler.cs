using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.World;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Blind Transfer: hands the call to <c>transfertodn</c> and leaves the flow (outcome Transferred, the number as
    /// destination). A number that cannot be dialled, or a world transfer result of Busy/NoAnswer/Invalid, fails: the
    /// <c>failure</c> link when wired (registry port; exports have none), else an error (OnGlobalError).
    /// </summary>
    internal sealed class BlindTransferHandler : IActivityHandler
    {
        internal const string FailurePort = "failure";

        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string number = TransferTarget.Number(context, activity);
            TransferResult result = TransferTarget.IsDialable(number)
                ? context.World.Value(context.World.Settings.TransferResult, TransferResult.Completed, nameof(IvrWorld.TransferResult), activity.Name,
                    "the transfer goes through")
                : TransferResult.Invalid;
            if (result == TransferResult.Completed || result == TransferResult.Returned)
            {
                return Completed.From(ActivityOutcome.EndsCall(context, SimulationOutcome.Transferred, number, "transferred to " + number));
            }

            string why = "Blind Transfer '" + activity.Name + "' to '" + number + "' failed: " + result + ".";
            return Completed.From(context.Flow.FindLink(activity.Id, FailurePort) != null
                ? ActivityOutcome.Next(FailurePort, why)
                : ActivityOutcome.Error(SimulationErrorKind.Activity, why));
        }
    }
}
