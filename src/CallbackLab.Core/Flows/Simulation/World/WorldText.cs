using System;
using System.Collections.Generic;
using System.Globalization;

namespace CallbackLab.Core.Flows.Simulation.World
{
    /// <summary>
    /// Reads the world's lists from one line of text, so a CSV cell or a hashtable value can carry them:
    /// shifts <c>OpenHours=Mon-Fri 09:00-17:00; Sat 10:00-14:00</c>, periods <c>Christmas=2026-12-25; Late=2026-12-24T18:00/2026-12-24T20:00</c>,
    /// virtual-agent turns <c>Escalated LastIntent=agent; Billing:Handled</c>. Entries are separated by <c>;</c>.
    /// Bad text throws <see cref="FormatException"/> naming the entry.
    /// </summary>
    public static class WorldText
    {
        private static readonly string[] s_timeFormats = { @"hh\:mm", @"hh\:mm\:ss", @"h\:mm" };
        private static readonly string[] s_instantFormats = { "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm" };

        /// <summary>Reads shifts: <c>[Name=]Days HH:mm-HH:mm</c>, e.g. <c>OpenHours=Mon-Fri 09:00-17:00</c>.</summary>
        public static IList<WorkingHoursShift> ParseShifts(string text)
        {
            var shifts = new List<WorkingHoursShift>();
            foreach (string entry in Entries(text))
            {
                string body = SplitName(entry, '=', out string? name);
                int space = body.LastIndexOf(' ');
                string[] times = space < 0 ? Array.Empty<string>() : body.Substring(space + 1).Split('-');
                if (times.Length != 2 || !TryTime(times[0], out TimeSpan start) || !TryTime(times[1], out TimeSpan end))
                {
                    throw new FormatException("The shift '" + entry + "' is not '[Name=]Days HH:mm-HH:mm' (e.g. OpenHours=Mon-Fri 09:00-17:00).");
                }

                string days = body.Substring(0, space).Trim();
                BusinessHoursCalendar.IncludesDay(days, DayOfWeek.Monday); // throws on a day that is not one
                shifts.Add(new WorkingHoursShift { Name = name ?? "WorkingHours", Days = days, Start = start, End = end });
            }

            return shifts;
        }

        /// <summary>Reads holidays or overrides: <c>[Name=]start[/end]</c>, each a date or a local date and time.</summary>
        public static IList<BusinessHoursPeriod> ParsePeriods(string text)
        {
            var periods = new List<BusinessHoursPeriod>();
            foreach (string entry in Entries(text))
            {
                string body = SplitName(entry, '=', out string? name);
                string[] ends = body.Split('/');
                if (ends.Length > 2 || !TryInstant(ends[0], out DateTime start) || (ends.Length == 2 && !TryInstant(ends[1], out _)))
                {
                    throw new FormatException("The period '" + entry + "' is not '[Name=]yyyy-MM-dd[THH:mm][/yyyy-MM-dd[THH:mm]]'.");
                }

                DateTime? end = null;
                if (ends.Length == 2 && TryInstant(ends[1], out DateTime until))
                {
                    end = until;
                }

                periods.Add(new BusinessHoursPeriod { Name = name ?? body, Start = start, End = end });
            }

            return periods;
        }

        /// <summary>
        /// Reads virtual-agent turns: <c>[Activity:]End[ name=value[,name=value]]</c>, End one of Handled, Escalated, Error,
        /// CallerHungUp (any case); the outputs may follow the end after a space or a colon (<c>Escalated:LastIntent=billing</c>).
        /// A value may hold JSON (<c>MetaData={"a":1,"b":2}</c>): commas and semicolons inside braces, brackets or quotes do
        /// not separate.
        /// </summary>
        public static IList<VirtualAgentTurn> ParseTurns(string text)
        {
            var turns = new List<VirtualAgentTurn>();
            foreach (string entry in Entries(text))
            {
                int equals = entry.IndexOf('=');
                int split = equals < 0 ? -1 : entry.LastIndexOfAny(s_turnSeparators, equals);
                string lead = (equals < 0 ? entry : split < 0 ? string.Empty : entry.Substring(0, split)).Trim();
                string end = SplitName(lead, ':', out string? activity);
                if (end.IndexOfAny(s_turnSeparators) >= 0 || !Enum.TryParse(end, ignoreCase: true, out VirtualAgentTurnEnd ending)
                    || !Enum.IsDefined(typeof(VirtualAgentTurnEnd), ending) || char.IsDigit(end[0]))
                {
                    throw new FormatException("The turn '" + entry + "' does not end with Handled, Escalated, Error or CallerHungUp.");
                }

                var turn = new VirtualAgentTurn { End = ending, ActivityName = activity };
                if (equals >= 0)
                {
                    foreach (string pair in Split(entry.Substring(split + 1), ','))
                    {
                        int at = pair.IndexOf('=');
                        if (at <= 0)
                        {
                            throw new FormatException("The output '" + pair.Trim() + "' of turn '" + entry + "' is not name=value.");
                        }

                        turn.Outputs[pair.Substring(0, at).Trim()] = pair.Substring(at + 1).Trim();
                    }
                }

                turns.Add(turn);
            }

            return turns;
        }

        private static readonly char[] s_turnSeparators = { ' ', ':' };

        private static IEnumerable<string> Entries(string text)
        {
            foreach (string entry in Split(text ?? string.Empty, ';'))
            {
                if (entry.Trim().Length > 0)
                {
                    yield return entry.Trim();
                }
            }
        }

        /// <summary>Splits at <paramref name="separator"/>s outside braces, brackets and double quotes (a JSON value stays whole).</summary>
        private static List<string> Split(string text, char separator)
        {
            var parts = new List<string>();
            int depth = 0;
            bool quoted = false;
            int start = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (quoted)
                {
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == '{' || c == '[')
                {
                    depth++;
                }
                else if ((c == '}' || c == ']') && depth > 0)
                {
                    depth--;
                }
                else if (c == separator && depth == 0)
                {
                    parts.Add(text.Substring(start, i - start));
                    start = i + 1;
                }
            }

            parts.Add(text.Substring(start));
            return parts;
        }

        private static string SplitName(string entry, char separator, out string? name)
        {
            int at = entry.IndexOf(separator);
            // A colon inside a time (09:00) is not a name separator: names come before any digit.
            if (at > 0 && !char.IsDigit(entry[0]))
            {
                name = entry.Substring(0, at).Trim();
                return entry.Substring(at + 1).Trim();
            }

            name = null;
            return entry.Trim();
        }

        private static bool TryTime(string text, out TimeSpan time) =>
            TimeSpan.TryParseExact(text.Trim(), s_timeFormats, CultureInfo.InvariantCulture, out time) && time < TimeSpan.FromDays(1);

        private static bool TryInstant(string text, out DateTime instant) =>
            DateTime.TryParseExact(text.Trim(), s_instantFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }
}
