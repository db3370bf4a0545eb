using System;
using System.Globalization;

namespace CallbackLab.Core.Flows.Simulation.World
{
    /// <summary>One working-hours shift: the days it applies to and its local start and end time.</summary>
    public sealed class WorkingHoursShift
    {
        /// <summary>The shift's name (output <c>WorkingHoursShift_Name</c>).</summary>
        public string Name { get; set; } = "WorkingHours";

        /// <summary>Days as text: <c>Mon-Fri</c>, <c>Mon,Wed,Sat</c>, <c>Sunday</c>, <c>*</c> (every day). Monday to Friday by default.</summary>
        public string Days { get; set; } = "Mon-Fri";

        /// <summary>Local start time of the shift (inclusive).</summary>
        public TimeSpan Start { get; set; } = TimeSpan.FromHours(9);

        /// <summary>Local end time of the shift (exclusive); an end at or before the start runs past midnight.</summary>
        public TimeSpan End { get; set; } = TimeSpan.FromHours(17);

        /// <inheritdoc />
        public override string ToString() => Name + " " + Days + " " + Start.ToString(@"hh\:mm", CultureInfo.InvariantCulture) + "-" + End.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
    }
}
