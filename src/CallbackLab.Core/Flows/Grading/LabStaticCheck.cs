using System;
using System.Collections.Generic;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Grading
{
    /// <summary>Checks a flow export against every Build step of the lab text, without running it.</summary>
    public static class LabStaticCheck
    {
        /// <summary>
        /// The findings for <paramref name="flow"/>, in lab-step order. <paramref name="mockApiPrefix"/> is the MockAPI project
        /// the lookup URL must start with (the lab's by default).
        /// </summary>
        public static IReadOnlyList<LabFinding> Check(WxccFlow flow, string? mockApiPrefix = null)
        {
            if (flow is null)
            {
                throw new ArgumentNullException(nameof(flow));
            }

            var context = new LabCheckContext(flow, mockApiPrefix ?? LabFlow.MockApiPrefix);
            FlowSetupChecks.Check(context);
            LookupChecks.Check(context);
            SetVariableChecks.Check(context);
            EventFlowChecks.Check(context);
            CallbackRequestChecks.Check(context);
            StatusConditionChecks.Check(context);
            return context.Findings;
        }
    }
}
