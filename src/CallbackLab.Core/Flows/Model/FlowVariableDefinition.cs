namespace CallbackLab.Core.Flows.Model
{
    /// <summary>A flow variable as Flow Designer exports it: name, type (STRING, INTEGER, BOOLEAN, …) and default value.</summary>
    public sealed class FlowVariableDefinition
    {
        /// <summary>Creates a definition.</summary>
        public FlowVariableDefinition(string name, string type, string? defaultValue, string? description = null)
        {
            Name = name;
            Type = type;
            DefaultValue = defaultValue;
            Description = description ?? string.Empty;
        }

        /// <summary>The variable name, e.g. <c>customANI</c>.</summary>
        public string Name { get; }

        /// <summary>The export's type name, upper case as written (<c>STRING</c>, <c>INTEGER</c>, <c>BOOLEAN</c>, <c>DECIMAL</c>, <c>DATETIME</c>, <c>JSON</c>).</summary>
        public string Type { get; }

        /// <summary>The default value as text; null when the export writes null ("empty" in the designer).</summary>
        public string? DefaultValue { get; }

        /// <summary>The description; empty when none.</summary>
        public string Description { get; }

        /// <inheritdoc />
        public override string ToString() => Name + " (" + Type + ")";
    }
}
