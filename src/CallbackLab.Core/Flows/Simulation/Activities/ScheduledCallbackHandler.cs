using System;
using System.Globalization;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.World;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Schedule Callback: records a callback to <c>callbackDn</c> in the window <c>scheduleDate</c> + <c>scheduleStartTime</c> –
    /// <c>scheduleEndTime</c> in <c>scheduleTimezone</c> (like the courtesy callbacks, with the window). The documented rules
    /// are checked on the virtual clock: the start at least 30 minutes ahead and at most 31 days out, the window 30 minutes to
    /// 8 hours. Success leaves by <c>default</c> (or <c>out</c>); a broken rule, an undiallable number or an unknown zone by
    /// <c>failure</c> with FailureCode 1–4 (the simulator's codes) and FailureDescription.
    /// </summary>
    internal sealed class ScheduledCallbackHandler : IActivityHandler
    {
        private static readonly string[] s_windowFormats = { "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm" };

        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string number = ActivityIo.RenderValueOrVariable(context, activity, "callbackDn").Trim();
            string queue = ActivityIo.RenderValueOrVariable(context, activity, "callbackQueue").Trim();
            string zoneId = ActivityIo.RenderValueOrVariable(context, activity, "scheduleTimezone").Trim();
            string date = ActivityIo.RenderValueOrVariable(context, activity, "scheduleDate").Trim();
            string startText = ActivityIo.RenderValueOrVariable(context, activity, "scheduleStartTime").Trim();
            string endText = ActivityIo.RenderValueOrVariable(context, activity, "scheduleEndTime").Trim();
            if (!TransferTarget.IsDialable(number))
            {
                return Fail(context, activity, 1, "'" + number + "' is not a number that can be dialled.");
            }

            TimeZoneInfo zone;
            try
            {
                zone = BusinessHoursCalendar.FindTimeZone(zoneId.Length == 0 ? WorldDefaults.TimeZone : zoneId);
            }
            catch (TimeZoneNotFoundException)
            {
                return Fail(context, activity, 2, "'" + zoneId + "' is not a time zone.");
            }

            if (!TryLocal(date, startText, zone, out DateTimeOffset start) || !TryLocal(date, endText, zone, out DateTimeOffset end))
            {
                return Fail(context, activity, 3, "The window '" + date + " " + startText + "-" + endText + "' is not yyyy-MM-dd with HH:mm:ss times.");
            }

            TimeSpan window = end - start;
            TimeSpan ahead = start - context.Now;
            if (ahead < TimeSpan.FromMinutes(30) || ahead > TimeSpan.FromDays(31) || window < TimeSpan.FromMinutes(30) || window > TimeSpan.FromHours(8))
            {
                return Fail(context, activity, 4, "The window must start 30 minutes to 31 days ahead and last 30 minutes to 8 hours.");
            }

            var request = new CallbackRequest(activity.Name, number, null, queue.Length == 0 ? null : queue, placed: true, failureReason: null)
            {
                ScheduledStart = start,
                ScheduledEnd = end,
                CustomerName = ActivityIo.RenderValueOrVariable(context, activity, "customerName"),
            };
            context.Callbacks.Add(request);
            return Completed.From(ActivityOutcome.Next(ActivityIo.SuccessPort(context, activity, ActivityPorts.Default, ActivityPorts.Out),
                "callback to " + number + " scheduled " + start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "-" + end.ToString("HH:mm zzz", CultureInfo.InvariantCulture)));
        }

        private static bool TryLocal(string date, string time, TimeZoneInfo zone, out DateTimeOffset instant)
        {
            if (DateTime.TryParseExact(date + " " + time, s_windowFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local))
            {
                instant = new DateTimeOffset(local, zone.GetUtcOffset(local));
                return true;
            }

            instant = default;
            return false;
        }

        private static Task<ActivityOutcome> Fail(SimulationContext context, FlowActivity activity, long code, string description)
        {
            ActivityIo.Failure(context, activity, code, description);
            return Completed.From(ActivityOutcome.Next(BlindTransferHandler.FailurePort, description));
        }
    }
}
