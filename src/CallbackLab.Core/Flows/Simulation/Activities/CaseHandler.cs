using System;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>Case: renders <c>expression</c> and leaves by the link whose value equals it, else by <c>default</c>.</summary>
    internal sealed class CaseHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string expression = activity.GetString("expression") ?? string.Empty;
            string value;
            try
            {
                value = context.Render(expression).Trim();
            }
            catch (FlowExpressionFailure failure)
            {
                return Completed.From(ActivityOutcome.Error(failure.Kind, failure.Message));
            }

            foreach (FlowLink link in context.Flow.OutgoingLinks(activity.Id))
            {
                if (link.Port != ActivityPorts.Error && string.Equals(link.Port, value, StringComparison.Ordinal))
                {
                    return Completed.From(ActivityOutcome.Next(link.Port, "value " + value));
                }
            }

            return Completed.From(ActivityOutcome.Next(ActivityPorts.Default, "value " + value + " matches no case"));
        }
    }
}
