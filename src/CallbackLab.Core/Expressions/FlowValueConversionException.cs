using System;

namespace CallbackLab.Core.Expressions
{
    /// <summary>A rendered value could not be converted to a flow variable type.</summary>
    [Serializable]
    public sealed class FlowValueConversionException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public FlowValueConversionException(string message, string? value, string targetType, Exception? innerException = null)
            : base(message, innerException)
        {
            Value = value;
            TargetType = targetType;
        }

        /// <summary>The text that could not be converted.</summary>
        public string? Value { get; }

        /// <summary>The flow type name (STRING, INTEGER, ...), or the unknown type name when parsing a type failed.</summary>
        public string TargetType { get; }
    }
}
