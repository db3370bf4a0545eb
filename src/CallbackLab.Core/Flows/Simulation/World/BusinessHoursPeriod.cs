using System;

namespace CallbackLab.Core.Flows.Simulation.World
{
    /// <summary>A holiday or an override: a named local period in the schedule's time zone.</summary>
    public sealed class BusinessHoursPeriod
    {
        /// <summary>The name (output <c>Holidays_Name</c> or <c>Overrides_Name</c>).</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>Local start (inclusive). A date alone starts at midnight.</summary>
        public DateTime Start { get; set; }

        /// <summary>Local end (exclusive); null: the end of the start's day.</summary>
        public DateTime? End { get; set; }

        /// <summary>True when the local time falls in the period.</summary>
        public bool Contains(DateTime local) => local >= Start && local < (End ?? Start.Date.AddDays(1));

        /// <inheritdoc />
        public override string ToString() => Name + " " + Start.ToString("s", System.Globalization.CultureInfo.InvariantCulture);
    }
}
