using System;
using System.Globalization;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.World;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Business Hours: leaves by <c>override</c>, <c>holidays</c>, <c>workingHours</c> or <c>default</c> (closed), from the
    /// world's forced status, else its schedule read on the virtual clock in the schedule's (or the world's) time zone, else
    /// open by default (recorded in AssumedWorld). Sets <c>WorkingHoursShift_Name</c>, <c>Holidays_Name</c>,
    /// <c>Overrides_Name</c> and <c>Status</c>. A time zone or day list that does not read is an error.
    /// </summary>
    internal sealed class BusinessHoursHandler : IActivityHandler
    {
        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            IvrWorld world = context.World.Settings;
            string port;
            string name;
            string how;
            if (!string.IsNullOrEmpty(world.BusinessHoursStatus))
            {
                port = Normalize(world.BusinessHoursStatus!);
                name = port == "workingHours" ? WorldDefaults.DefaultShiftName : string.Empty;
                how = "status set by the world";
            }
            else if (world.BusinessHours is { } schedule)
            {
                string zoneId = schedule.TimeZone ?? context.World.Text(world.TimeZone, WorldDefaults.TimeZone, nameof(IvrWorld.TimeZone), activity.Name,
                    "business hours are read in UTC");
                DateTime local;
                try
                {
                    local = TimeZoneInfo.ConvertTime(context.Now, BusinessHoursCalendar.FindTimeZone(zoneId)).DateTime;
                    port = BusinessHoursCalendar.Evaluate(schedule, local, out name);
                }
                catch (Exception ex) when (ex is TimeZoneNotFoundException || ex is FormatException)
                {
                    return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Activity, "Business Hours '" + activity.Name + "': " + ex.Message));
                }

                how = (schedule.Name ?? "schedule") + " at " + local.ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + zoneId;
            }
            else
            {
                port = context.World.Text(null, WorldDefaults.BusinessHoursStatus, nameof(IvrWorld.BusinessHoursStatus), activity.Name,
                    "no schedule or status was given: the contact center is open");
                name = WorldDefaults.DefaultShiftName;
                how = "assumed open (default)";
            }

            ActivityIo.Output(context, activity, "WorkingHoursShift_Name", port == "workingHours" ? name : string.Empty);
            ActivityIo.Output(context, activity, "Holidays_Name", port == "holidays" ? name : string.Empty);
            ActivityIo.Output(context, activity, "Overrides_Name", port == "override" ? name : string.Empty);
            ActivityIo.Output(context, activity, "Status", port);
            return Completed.From(ActivityOutcome.Next(port, how + (name.Length == 0 ? string.Empty : ": " + name)));
        }

        /// <summary>Accepts the port names in any case and the usual synonyms (open, closed, holiday).</summary>
        private static string Normalize(string status)
        {
            switch (status.Trim().ToLowerInvariant())
            {
                case "workinghours":
                case "open":
                    return "workingHours";
                case "holidays":
                case "holiday":
                    return "holidays";
                case "override":
                case "overrides":
                    return "override";
                default:
                    return "default";
            }
        }
    }
}
