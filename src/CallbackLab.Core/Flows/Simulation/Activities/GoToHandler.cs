using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// GoTo (<c>hand-off</c>): sends the call to another flow or entry point (<c>handOffFlow</c>) and leaves this flow: the
    /// outcome is HandedOff with the target as destination. No target is an error (<c>error</c> port, FailureCode 1).
    /// </summary>
    internal sealed class GoToHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string target = ActivityIo.RenderValueOrVariable(context, activity, "handOffFlow").Trim();
            string label = activity.GetString("handOffFlow:name") ?? target;
            if (target.Length == 0)
            {
                ActivityIo.Failure(context, activity, 1, "No flow or entry point to go to.");
                return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Activity, "GoTo '" + activity.Name + "' names no flow or entry point (handOffFlow)."));
            }

            return Completed.From(ActivityOutcome.EndsCall(context, SimulationOutcome.HandedOff, target, "handed off to " + label));
        }
    }
}
