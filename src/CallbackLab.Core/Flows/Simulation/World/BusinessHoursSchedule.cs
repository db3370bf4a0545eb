using System.Collections.Generic;

namespace CallbackLab.Core.Flows.Simulation.World
{
    /// <summary>
    /// A Business Hours entity as Control Hub defines it: working-hours shifts, holidays and overrides, read in a time zone.
    /// Override wins over holiday, holiday over working hours; outside all of them the activity leaves by <c>default</c>.
    /// </summary>
    public sealed class BusinessHoursSchedule
    {
        /// <summary>The entity's name (for the trace).</summary>
        public string? Name { get; set; }

        /// <summary>The schedule's time zone; null: the world's <see cref="IvrWorld.TimeZone"/>.</summary>
        public string? TimeZone { get; set; }

        /// <summary>The open shifts of the week.</summary>
        public IList<WorkingHoursShift> WorkingHours { get; set; } = new List<WorkingHoursShift>();

        /// <summary>Closed days (port <c>holidays</c>).</summary>
        public IList<BusinessHoursPeriod> Holidays { get; set; } = new List<BusinessHoursPeriod>();

        /// <summary>Special periods (port <c>override</c>), e.g. a late opening.</summary>
        public IList<BusinessHoursPeriod> Overrides { get; set; } = new List<BusinessHoursPeriod>();
    }
}
