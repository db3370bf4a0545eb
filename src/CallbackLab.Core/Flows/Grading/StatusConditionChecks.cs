using System;
using System.Linq;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Grading
{
    /// <summary>
    /// The second step 8: HTTPStatusCode after CallBackAPI_Request, True exactly when the request answered 201, both outputs
    /// to EndFlow. The expression is evaluated for 201, 400 and 500, so any spelling that decides the same passes.
    /// The lab text's copy button gives <c>{{HTTP_PUT.httpStatusCode == 201}}</c> (its text shows CallBackAPI_Request):
    /// Flow Designer runs that, and the callback is still created, but the condition is always False. The grader accepts
    /// it, as Flow Designer does, and notes the slip.
    /// </summary>
    internal static class StatusConditionChecks
    {
        private static readonly long[] s_otherStatuses = { 400, 500 };

        internal static void Check(LabCheckContext context)
        {
            LabStep step = LabSteps.StatusCondition;
            FlowActivity? condition = context.StatusCondition;
            if (condition == null || !LabCheckContext.IsType(condition, ActivityTypes.Condition))
            {
                context.Fail(step, LabNames.StatusCondition, condition == null
                    ? "The flow has no Condition activity " + LabNames.StatusCondition + "."
                    : LabNames.StatusCondition + " is a " + condition.Type + " activity, not a Condition.");
                return;
            }

            context.NoteLabelCase(step, condition, LabNames.StatusCondition);
            string name = condition.Name;
            FlowActivity? request = context.CallbackRequest;
            if (request != null && !context.Leads(request, condition))
            {
                context.Fail(step, name, request.Name + " leads to " + context.Targets(request) + ", not " + LabNames.StatusCondition + ".");
            }

            foreach (string port in new[] { "true", "false" })
            {
                FlowLink? link = context.Flow.FindLink(condition.Id, port);
                FlowActivity? target = link == null ? null : context.Flow.FindActivity(link.TargetActivityId);
                if (!LabCheckContext.IsType(target, ActivityTypes.EndFlow))
                {
                    context.Fail(step, name, name + "'s " + port + " output leads to " + (target?.Name ?? "nothing") + "; the lab connects both outputs to EndFlow.");
                }
            }

            CheckExpression(context, condition, request?.Name ?? LabNames.CallbackRequest);
        }

        private static void CheckExpression(LabCheckContext context, FlowActivity condition, string requestLabel)
        {
            LabStep step = LabSteps.StatusCondition;
            string expression = condition.GetString("expression") ?? string.Empty;
            if (Decides(expression, requestLabel, out string? why))
            {
                return;
            }

            bool slip = context.Flow.FindActivityByName(LabNames.SlipActivity) == null
                && GradingExpressions.References(expression).Any(r => r.StartsWith(LabNames.SlipActivity + ".", StringComparison.OrdinalIgnoreCase))
                && Decides(expression, LabNames.SlipActivity, out _);
            if (slip)
            {
                context.NoteSlip(step, condition.Name, condition.Name + "'s expression " + expression + " is the lab text's slip (its copy button gives " + LabNames.SlipActivity
                    + ", its text " + LabNames.CallbackRequest + "). Flow Designer runs it and the callback is still created, but there is no activity "
                    + LabNames.SlipActivity + ", so the condition always takes False; " + LabNames.StatusExpression + " shows True in Debug.");
                return;
            }

            context.Fail(step, condition.Name, condition.Name + "'s expression '" + expression + "' " + why + "; the lab's " + LabNames.StatusExpression + " is True only for 201.");
        }

        /// <summary>True when <paramref name="expression"/> is True for <c>label.httpStatusCode</c> 201 and False for other statuses.</summary>
        private static bool Decides(string expression, string label, out string? why)
        {
            string status = label + ".httpStatusCode";
            bool? created = GradingExpressions.Condition(expression, out string? error, GradingExpressions.Value(status, 201L));
            if (created != true)
            {
                why = created == null ? "does not evaluate (" + error + ")" : "is False when " + status + " is 201";
                return false;
            }

            foreach (long other in s_otherStatuses)
            {
                if (GradingExpressions.Condition(expression, out error, GradingExpressions.Value(status, other)) != false)
                {
                    why = "is not False when " + status + " is " + other;
                    return false;
                }
            }

            why = null;
            return true;
        }
    }
}
