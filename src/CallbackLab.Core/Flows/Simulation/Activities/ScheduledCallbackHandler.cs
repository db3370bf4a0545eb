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
            if (!TransferTarget.IsDialable(number))
            {
                return Fail(context, activity, 1, "'" + number + "' is not a number that can be dialled.");
            }

            // Most exports write the window as literal text: it is then read, and its zone rules applied, once per activity.
            ActivityCache cache = ActivityCache.Of(activity);
            Window window = IsLiteral(cache, s_windowProperties)
                ? cache.HandlerState(a => ReadWindow(a.Name, Text(cache, "scheduleTimezone"), Text(cache, "scheduleDate"), Text(cache, "scheduleStartTime"), Text(cache, "scheduleEndTime")))
                : ReadWindow(activity.Name, Rendered(context, activity, "scheduleTimezone"), Rendered(context, activity, "scheduleDate"),
                    Rendered(context, activity, "scheduleStartTime"), Rendered(context, activity, "scheduleEndTime"));
            if (window.FailureCode != 0)
            {
                return Fail(context, activity, window.FailureCode, window.Failure!);
            }

            DateTimeOffset start = window.Start;
            DateTimeOffset end = window.End;
            TimeSpan ahead = start - context.Now;
            if (ahead < TimeSpan.FromMinutes(30) || ahead > TimeSpan.FromDays(31) || window.Length < TimeSpan.FromMinutes(30) || window.Length > TimeSpan.FromHours(8))
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
                "callback to " + number + " scheduled " + window.Described));
        }

        private static readonly string[] s_windowProperties = { "scheduleTimezone", "scheduleDate", "scheduleStartTime", "scheduleEndTime" };

        private static bool IsLiteral(ActivityCache cache, string[] properties)
        {
            foreach (string property in properties)
            {
                ActivityProperty read = cache.Property(property);
                if (read.IsTemplate || read.NamesVariable)
                {
                    return false;
                }
            }

            return true;
        }

        private static string Text(ActivityCache cache, string property) => cache.Property(property).Text.Trim();

        private static string Rendered(SimulationContext context, FlowActivity activity, string property) =>
            ActivityIo.RenderValueOrVariable(context, activity, property).Trim();

        /// <summary>The window in its zone, or why it is not one (FailureCode 2: the zone, 3: the date or times).</summary>
        private static Window ReadWindow(string activityName, string zoneId, string date, string startText, string endText)
        {
            TimeZoneInfo zone;
            try
            {
                zone = BusinessHoursCalendar.FindTimeZone(zoneId.Length == 0 ? WorldDefaults.TimeZone : zoneId);
            }
            catch (TimeZoneNotFoundException)
            {
                return Window.Broken(2, "'" + zoneId + "' is not a time zone.");
            }

            if (!TryLocal(date, startText, zone, out DateTimeOffset start) || !TryLocal(date, endText, zone, out DateTimeOffset end))
            {
                return Window.Broken(3, "The window '" + date + " " + startText + "-" + endText + "' is not yyyy-MM-dd with HH:mm:ss times.");
            }

            return new Window(start, end, 0, null);
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

        /// <summary>A callback window read from the activity: its start and end instants, or the failure it leads to.</summary>
        private sealed class Window
        {
            internal Window(DateTimeOffset start, DateTimeOffset end, long failureCode, string? failure)
            {
                Start = start;
                End = end;
                FailureCode = failureCode;
                Failure = failure;
                Described = failureCode != 0 ? string.Empty
                    : start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "-" + end.ToString("HH:mm zzz", CultureInfo.InvariantCulture);
            }

            internal DateTimeOffset Start { get; }

            internal DateTimeOffset End { get; }

            internal TimeSpan Length => End - Start;

            /// <summary>Zero when the window is valid.</summary>
            internal long FailureCode { get; }

            internal string? Failure { get; }

            /// <summary>How the trace shows the window: <c>2026-12-02 10:00-12:00 -05:00</c>.</summary>
            internal string Described { get; }

            internal static Window Broken(long code, string failure) => new Window(default, default, code, failure);
        }

        private static Task<ActivityOutcome> Fail(SimulationContext context, FlowActivity activity, long code, string description)
        {
            ActivityIo.Failure(context, activity, code, description);
            return Completed.From(ActivityOutcome.Next(BlindTransferHandler.FailurePort, description));
        }
    }
}
