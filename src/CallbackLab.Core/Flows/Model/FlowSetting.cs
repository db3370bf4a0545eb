namespace CallbackLab.Core.Flows.Model
{
    /// <summary>One entry of the export's <c>settings</c> (2024+): e.g. the activity-wait audio <c>showActivityWait</c>, <c>delayTime</c>.</summary>
    public sealed class FlowSetting
    {
        /// <summary>Creates a setting.</summary>
        public FlowSetting(string name, string? value, string? type, string? group)
        {
            Name = name;
            Value = value;
            Type = type ?? string.Empty;
            Group = group ?? string.Empty;
        }

        /// <summary>The setting's name, e.g. <c>delayTime</c>.</summary>
        public string Name { get; }

        /// <summary>The value as the export writes it (always text), e.g. <c>2000</c>; null when none.</summary>
        public string? Value { get; }

        /// <summary>The value's type name, e.g. <c>INTEGER</c>; empty when none.</summary>
        public string Type { get; }

        /// <summary>The settings group, e.g. <c>activityWait</c>; empty when none.</summary>
        public string Group { get; }

        /// <inheritdoc />
        public override string ToString() => Name + "=" + Value;
    }
}
