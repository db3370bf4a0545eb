using System.Linq;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Grading
{
    /// <summary>Step 7: the OnGlobalError edge no longer goes to EndFlow.</summary>
    internal static class EventFlowChecks
    {
        internal static void Check(LabCheckContext context)
        {
            LabStep step = LabSteps.UnlinkEndFlow;
            FlowActivity? trigger = context.Trigger;
            if (trigger == null)
            {
                context.Fail(step, null, "The event flows have no " + FlowEvents.OnGlobalError + " trigger.");
                return;
            }

            if (context.Next(trigger).Any(a => LabCheckContext.IsType(a, ActivityTypes.EndFlow)))
            {
                context.Fail(step, trigger.Name, FlowEvents.OnGlobalError + " still leads to " + context.Targets(trigger) + "; the lab deletes its connection to EndFlow.");
            }
        }
    }
}
