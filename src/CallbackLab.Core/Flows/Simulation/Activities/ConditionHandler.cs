using System;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>Condition: evaluates <c>expression</c>; leaves by <c>true</c> or <c>false</c>; anything else is an error.</summary>
    internal sealed class ConditionHandler : IActivityHandler
    {
        private static readonly Task<ActivityOutcome> s_true = Task.FromResult(ActivityOutcome.Next(ActivityPorts.True));
        private static readonly Task<ActivityOutcome> s_false = Task.FromResult(ActivityOutcome.Next(ActivityPorts.False));

        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string expression = activity.GetString("expression") ?? string.Empty;
            object? value;
            try
            {
                value = context.Evaluate(expression);
            }
            catch (FlowExpressionFailure failure)
            {
                return Completed.From(ActivityOutcome.Error(failure.Kind, failure.Message));
            }

            string text = FlowValues.ToText(value).Trim();
            if (value is bool b ? b : string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
            {
                return s_true;
            }

            if (value is bool || string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
            {
                return s_false;
            }

            return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Expression,
                "The condition '" + expression + "' gave '" + text + "', which is neither true nor false."));
        }
    }
}
