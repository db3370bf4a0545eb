using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.World;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Bridged Transfer: dials <c>transfertodn</c> (sending <c>transferoutdigits</c>) and waits up to <c>timeout</c> seconds
    /// (10 by default). The world's <see cref="IvrWorld.TransferResult"/> says what the far end does: Returned (default) — it
    /// answers, talks for <see cref="TalkTime"/> and hangs up; the caller comes back by <c>default</c> with FailureCode 0;
    /// Busy (1), NoAnswer (2, after the timeout) or Invalid (3, also for a number that cannot be dialled) leave by
    /// <c>failure</c>. The codes are the simulator's (the real ones are undocumented).
    /// </summary>
    internal sealed class BridgedTransferHandler : IActivityHandler
    {
        internal static readonly TimeSpan TalkTime = TimeSpan.FromMinutes(1);
        internal static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string number = TransferTarget.Number(context, activity);
            TimeSpan timeout = Prompts.Seconds(context, activity, "timeout", DefaultTimeout);
            TransferResult result = TransferTarget.IsDialable(number)
                ? context.World.Value(context.World.Settings.TransferResult, WorldDefaults.TransferResult, nameof(IvrWorld.TransferResult), activity.Name,
                    "the far end answers, then hangs up and the caller returns")
                : TransferResult.Invalid;
            string digits = ActivityIo.Render(context, activity, "transferoutdigits");
            // The far end's SIP headers: the simulator has none to give (an empty JSON object, as for a call without any).
            ActivityIo.Output(context, activity, "Headers", new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase));
            switch (result)
            {
                case TransferResult.Returned:
                case TransferResult.Completed:
                    context.Advance(TalkTime);
                    ActivityIo.Failure(context, activity, 0, string.Empty);
                    return Completed.From(ActivityOutcome.Next(ActivityPorts.Default, "bridged to " + number + (digits.Length == 0 ? string.Empty : " (digits " + digits + ")") + "; the caller returned"));
                case TransferResult.Busy:
                    ActivityIo.Failure(context, activity, 1, "Busy");
                    break;
                case TransferResult.NoAnswer:
                    context.Advance(timeout);
                    ActivityIo.Failure(context, activity, 2, "No answer");
                    break;
                default:
                    ActivityIo.Failure(context, activity, 3, "Invalid destination");
                    break;
            }

            return Completed.From(ActivityOutcome.Next(BlindTransferHandler.FailurePort, "bridged transfer to '" + number + "': " + result));
        }
    }
}
