using CallbackLab.Core.Expressions;

namespace CallbackLab.Core.Flows.Model
{
    /// <summary>A flow variable as Flow Designer exports it: name, type (STRING, INTEGER, BOOLEAN, …), source and default value.</summary>
    public sealed class FlowVariableDefinition
    {
        /// <summary>Creates a local variable definition; <paramref name="type"/> is an export type name (STRING, INTEGER, …).</summary>
        /// <exception cref="FlowValueConversionException">The type name is not a flow variable type.</exception>
        public FlowVariableDefinition(string name, string type, string? defaultValue, string? description = null)
            : this(name, FlowValueConverter.ParseType(type), defaultValue, description, FlowVariableSource.Local, null)
        {
        }

        /// <summary>Creates a definition with its parsed type and source.</summary>
        public FlowVariableDefinition(string name, FlowVariableType type, string? defaultValue, string? description, FlowVariableSource source, string? globalId)
        {
            Name = name;
            VariableType = type;
            DefaultValue = defaultValue;
            Description = description ?? string.Empty;
            Source = source;
            GlobalId = string.IsNullOrEmpty(globalId) ? null : globalId;
        }

        /// <summary>The variable name, e.g. <c>customANI</c>.</summary>
        public string Name { get; }

        /// <summary>The export's type name, upper case (<c>STRING</c>, <c>INTEGER</c>, <c>BOOLEAN</c>, <c>DECIMAL</c>, <c>DATETIME</c>, <c>JSON</c>).</summary>
        public string Type => TypeName(VariableType);

        /// <summary>The type, parsed once when the export was read.</summary>
        public FlowVariableType VariableType { get; }

        /// <summary>The default value as text; null when the export writes null ("empty" in the designer).</summary>
        public string? DefaultValue { get; }

        /// <summary>The description; empty when none.</summary>
        public string Description { get; }

        /// <summary>Local, global, or a subflow's input or output.</summary>
        public FlowVariableSource Source { get; }

        /// <summary>A global variable's org-wide id (the export's <c>id</c>); null when the export has none.</summary>
        public string? GlobalId { get; }

        /// <summary>The export's spelling of a type (<c>STRING</c>, <c>DATETIME</c>, …).</summary>
        public static string TypeName(FlowVariableType type) => type switch
        {
            FlowVariableType.Integer => "INTEGER",
            FlowVariableType.Decimal => "DECIMAL",
            FlowVariableType.Boolean => "BOOLEAN",
            FlowVariableType.DateTime => "DATETIME",
            FlowVariableType.Json => "JSON",
            _ => "STRING",
        };

        /// <inheritdoc />
        public override string ToString() => Name + " (" + Type + ")";
    }
}
