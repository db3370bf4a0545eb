using System;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.World;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Call Progress Analysis: the verdict (LIVE_VOICE by default, else the world's AMD/ABANDONED…) reaches the flow through
    /// the CallbackFailed / OutboundCampaignCallResult events, not ports, so the activity records a CallProgressAnalysis event
    /// with it, sets <c>status</c> and leaves by <c>out</c>; analysis timings that are not positive leave by <c>failure</c>.
    /// </summary>
    internal sealed class CallProgressAnalysisHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            int maxTime = ActivityIo.Integer(context, activity, "maxTimeAnalysis", 3000);
            if (maxTime <= 0)
            {
                ActivityIo.Failure(context, activity, 1, "maxTimeAnalysis must be positive.");
                ActivityIo.Output(context, activity, "status", "failure");
                return Completed.From(ActivityOutcome.Next(BlindTransferHandler.FailurePort, "maxTimeAnalysis is not positive"));
            }

            string verdict = context.World.Text(context.World.Settings.CallProgressResult, WorldDefaults.CallProgressResult, nameof(IvrWorld.CallProgressResult),
                activity.Name, "a person answers the call");
            context.Advance(TimeSpan.FromMilliseconds(Math.Min(maxTime, ActivityIo.Integer(context, activity, "analysisPeriod", 2500))));
            var payload = ActivityIo.Payload();
            payload["CPAResult"] = verdict;
            context.RaiseEvent(activity, "CallProgressAnalysis", payload);
            ActivityIo.Output(context, activity, "status", "success");
            return Completed.From(ActivityOutcome.Next(ActivityIo.SuccessPort(context, activity, ActivityPorts.Out, ActivityPorts.Default), "verdict " + verdict));
        }
    }
}
