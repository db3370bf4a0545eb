using System;
using System.Collections.Generic;

namespace CallbackLab.Core.Flows.Simulation.World
{
    /// <summary>Reads a <see cref="BusinessHoursSchedule"/> at an instant: override, then holiday, then working hours, else closed.</summary>
    internal static class BusinessHoursCalendar
    {
        private static readonly string[] s_dayNames = { "sun", "mon", "tue", "wed", "thu", "fri", "sat" };

        /// <summary>The port (<c>override</c>, <c>holidays</c>, <c>workingHours</c>, <c>default</c>) and the name of what matched.</summary>
        internal static string Evaluate(BusinessHoursSchedule schedule, DateTime local, out string name)
        {
            foreach (BusinessHoursPeriod period in schedule.Overrides ?? (IList<BusinessHoursPeriod>)Array.Empty<BusinessHoursPeriod>())
            {
                if (period != null && period.Contains(local))
                {
                    name = period.Name;
                    return "override";
                }
            }

            foreach (BusinessHoursPeriod period in schedule.Holidays ?? (IList<BusinessHoursPeriod>)Array.Empty<BusinessHoursPeriod>())
            {
                if (period != null && period.Contains(local))
                {
                    name = period.Name;
                    return "holidays";
                }
            }

            foreach (WorkingHoursShift shift in schedule.WorkingHours ?? (IList<WorkingHoursShift>)Array.Empty<WorkingHoursShift>())
            {
                if (shift != null && InShift(shift, local))
                {
                    name = shift.Name;
                    return "workingHours";
                }
            }

            name = string.Empty;
            return "default";
        }

        /// <summary>Finds a time zone by IANA or Windows id; throws <see cref="TimeZoneNotFoundException"/> when neither knows it.</summary>
        internal static TimeZoneInfo FindTimeZone(string id)
        {
            if (string.Equals(id, "UTC", StringComparison.OrdinalIgnoreCase) || string.Equals(id, "Etc/UTC", StringComparison.OrdinalIgnoreCase))
            {
                return TimeZoneInfo.Utc;
            }

            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (InvalidTimeZoneException)
            {
                throw new TimeZoneNotFoundException("The time zone '" + id + "' is not valid on this machine.");
            }
        }

        /// <summary>True when <paramref name="day"/> is in a day list such as <c>Mon-Fri</c>, <c>Mon,Wed</c>, <c>Sunday</c> or <c>*</c>.</summary>
        internal static bool IncludesDay(string days, DayOfWeek day)
        {
            foreach (string raw in (days ?? string.Empty).Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                string part = raw.Trim();
                if (part == "*")
                {
                    return true;
                }

                int dash = part.IndexOf('-');
                int from = DayIndex(dash < 0 ? part : part.Substring(0, dash));
                int to = dash < 0 ? from : DayIndex(part.Substring(dash + 1));
                for (int d = from, n = 0; n < 7; d = (d + 1) % 7, n++)
                {
                    if (d == (int)day)
                    {
                        return true;
                    }

                    if (d == to)
                    {
                        break;
                    }
                }
            }

            return false;
        }

        private static bool InShift(WorkingHoursShift shift, DateTime local)
        {
            TimeSpan time = local.TimeOfDay;
            if (shift.End > shift.Start)
            {
                return IncludesDay(shift.Days, local.DayOfWeek) && time >= shift.Start && time < shift.End;
            }

            // A shift past midnight: the evening part belongs to the listed day, the morning part to the day after it.
            return (IncludesDay(shift.Days, local.DayOfWeek) && time >= shift.Start)
                || (IncludesDay(shift.Days, local.AddDays(-1).DayOfWeek) && time < shift.End);
        }

        private static int DayIndex(string name)
        {
            string key = name.Trim().ToLowerInvariant();
            for (int i = 0; i < s_dayNames.Length; i++)
            {
                if (key.StartsWith(s_dayNames[i], StringComparison.Ordinal))
                {
                    return i;
                }
            }

            throw new FormatException("'" + name + "' is not a day of the week (use Mon, Tue, … or Monday-Friday).");
        }
    }
}
