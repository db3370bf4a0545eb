using System;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Expressions
{
    /// <summary>Converts rendered text into a typed flow variable value, as Set Variable does with <c>srcVariableType</c>.</summary>
    public static class FlowValueConverter
    {
        /// <summary>Reads an export type name: STRING, INTEGER, DECIMAL, BOOLEAN, DATETIME or JSON (any case).</summary>
        /// <exception cref="FlowValueConversionException">The name is not a flow variable type.</exception>
        public static FlowVariableType ParseType(string exportTypeName)
        {
            switch ((exportTypeName ?? string.Empty).Trim().ToUpperInvariant())
            {
                case "STRING": return FlowVariableType.String;
                case "INTEGER": return FlowVariableType.Integer;
                case "DECIMAL": return FlowVariableType.Decimal;
                case "BOOLEAN": return FlowVariableType.Boolean;
                case "DATETIME": return FlowVariableType.DateTime;
                case "JSON": return FlowVariableType.Json;
                default:
                    throw new FlowValueConversionException(
                        $"'{exportTypeName}' is not a flow variable type; expected STRING, INTEGER, DECIMAL, BOOLEAN, DATETIME or JSON.",
                        exportTypeName, exportTypeName ?? string.Empty);
            }
        }

        /// <summary>
        /// Converts <paramref name="rendered"/> to <paramref name="type"/>: STRING unchanged, INTEGER a <see cref="long"/>,
        /// DECIMAL a <see cref="double"/>, BOOLEAN a <see cref="bool"/> (<c>True</c>/<c>true</c>), DATETIME a
        /// <see cref="DateTimeOffset"/> (ISO 8601, Java's <c>[Zone]</c> suffix allowed, or epoch milliseconds), JSON a <see cref="JToken"/>.
        /// A null value stays null.
        /// </summary>
        /// <exception cref="FlowValueConversionException">The text does not represent a value of that type.</exception>
        public static object? Coerce(string rendered, FlowVariableType type)
        {
            if (rendered is null) return null;
            string text = rendered.Trim();
            switch (type)
            {
                case FlowVariableType.String:
                    return rendered;
                case FlowVariableType.Integer:
                    if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer)) return integer;
                    throw Fail(rendered, "INTEGER", "it is not a whole number between -9223372036854775808 and 9223372036854775807");
                case FlowVariableType.Decimal:
                    if (text.Length > 0 && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
                        && !double.IsNaN(number) && !double.IsInfinity(number))
                    {
                        return number;
                    }

                    throw Fail(rendered, "DECIMAL", "it is not a decimal number");
                case FlowVariableType.Boolean:
                    if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)) return true;
                    if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase)) return false;
                    throw Fail(rendered, "BOOLEAN", "only true or false (any case) are booleans");
                case FlowVariableType.DateTime:
                    if (JavaDateTime.TryParseFlexible(text, out DateTimeOffset moment)) return moment;
                    throw Fail(rendered, "DATETIME", "it is neither an ISO 8601 date-time nor epoch milliseconds");
                case FlowVariableType.Json:
                    try
                    {
                        return JToken.Parse(rendered);
                    }
                    catch (JsonReaderException ex)
                    {
                        throw Fail(rendered, "JSON", ex.Message, ex);
                    }

                default:
                    throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown flow variable type.");
            }
        }

        private static FlowValueConversionException Fail(string value, string typeName, string reason, Exception? inner = null)
        {
            string shown = value.Length > 80 ? value.Substring(0, 77) + "..." : value;
            return new FlowValueConversionException($"Cannot convert '{shown}' to {typeName}: {reason}.", value, typeName, inner);
        }
    }
}
