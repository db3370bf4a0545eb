using System;
using System.Collections;
using System.Collections.Generic;
using System.Text;
using CallbackLab.Core.Expressions.Values;

namespace CallbackLab.Core.Expressions.Runtime.Filters
{
    /// <summary>
    /// Flow Designer's filters that plain Pebble does not have (flow-activities.md §6): <c>epoch</c> and <c>json</c>. They are
    /// unknown when <see cref="ExpressionOptions.FlowDesignerAdditions"/> is off, as in the Pebble golden suite.
    /// </summary>
    internal static class FlowDesignerFilters
    {
        public static FilterCatalog WithFlowDesignerFilters(this FilterCatalog catalog) => catalog
            .Add("epoch", new[] { "inMillis", "format" }, DateFilters.Epoch, flowDesignerAddition: true)
            .Add("json", Array.Empty<string>(), Json, flowDesignerAddition: true);

        /// <summary>
        /// <c>json</c>: the value as compact JSON text, as a Java JSON writer (Jackson) gives it: maps as objects (keys in their
        /// order), lists as arrays, text quoted and escaped, numbers and booleans bare, null as <c>null</c>, a date-time as its
        /// ISO text. Cisco's record-agent-greeting template sends a Record activity's FileInfo object on with it
        /// (<c>{{ Record.audioFileData | json }}</c>).
        /// </summary>
        public static object? Json(object? input, in ArgValues args, EvaluationContext context)
        {
            var sb = new StringBuilder();
            Write(sb, ValueImport.Import(input), 0);
            return sb.ToString();
        }

        private static void Write(StringBuilder sb, object? value, int depth)
        {
            if (depth > PebbleValues.MaxValueDepth)
            {
                throw ExpressionRuntimeError.Limit($"The value is nested more than {PebbleValues.MaxValueDepth} levels deep (or contains itself).");
            }

            if (sb.Length > PebbleValues.MaxPrintedLength)
            {
                throw ExpressionRuntimeError.Limit($"The value prints to more than {PebbleValues.MaxPrintedLength} characters.");
            }

            switch (value)
            {
                case null:
                    sb.Append("null");
                    return;
                case string text:
                    sb.Append(Newtonsoft.Json.JsonConvert.ToString(text));
                    return;
                case bool flag:
                    sb.Append(flag ? "true" : "false");
                    return;
                case long _:
                case double _:
                case JavaBigDecimal _:
                    sb.Append(PebbleValues.ToJavaString(value));
                    return;
                case DateTimeOffset _:
                case SafeString _:
                    sb.Append(Newtonsoft.Json.JsonConvert.ToString(PebbleValues.ToJavaString(value)));
                    return;
                case MapEntry entry:
                    sb.Append('{').Append(Newtonsoft.Json.JsonConvert.ToString(PebbleValues.ToJavaString(entry.Key))).Append(':');
                    Write(sb, ValueImport.Import(entry.Value), depth + 1);
                    sb.Append('}');
                    return;
            }

            if (PebbleCollections.IsMap(value))
            {
                sb.Append('{');
                bool first = true;
                foreach (KeyValuePair<object?, object?> entry in PebbleCollections.MapEntries(value))
                {
                    sb.Append(first ? string.Empty : ",").Append(Newtonsoft.Json.JsonConvert.ToString(PebbleValues.ToJavaString(entry.Key))).Append(':');
                    Write(sb, ValueImport.Import(entry.Value), depth + 1);
                    first = false;
                }

                sb.Append('}');
                return;
            }

            if (value is IEnumerable items)
            {
                sb.Append('[');
                bool first = true;
                foreach (object? item in items)
                {
                    sb.Append(first ? string.Empty : ",");
                    Write(sb, ValueImport.Import(item), depth + 1);
                    first = false;
                }

                sb.Append(']');
                return;
            }

            sb.Append(Newtonsoft.Json.JsonConvert.ToString(PebbleValues.ToJavaString(value)));
        }
    }
}
