using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CallbackLab.Core.Expressions.Values;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Expressions.Runtime
{
    /// <summary>
    /// Java-shaped values: <c>String.valueOf</c> printing, Java class names, <c>OperatorUtils.equals</c> and Java's
    /// <c>equals</c>, truth for and/or/not/if. Values arrive here already in the evaluator's set (see <see cref="ValueImport"/>):
    /// null, string, bool, long, double, JavaBigDecimal, DateTimeOffset, lists and maps. Operators live in <see cref="PebbleOperators"/>.
    /// </summary>
    internal static class PebbleValues
    {
        public static readonly object True = true;
        public static readonly object False = false;

        public static object Box(bool value) => value ? True : False;

        public static bool IsNumber(object? value) => value is long || value is double || value is JavaBigDecimal;

        /// <summary>What <c>{{ value }}</c> prints: empty for null, else <see cref="ToJavaString(object?)"/>.</summary>
        public static string ToOutput(object? value) =>
            value is string s ? s : value is null ? string.Empty : value is JavaBigDecimal m ? m.ToPlainString() : ToJavaString(value);

        /// <summary>Java's <c>String.valueOf</c>: "null", "true", "1.0E7", "[a, b]", "{k=v}"; JSON values print as JSON.</summary>
        public static string ToJavaString(object? value) => ToJavaString(value, 0);

        /// <summary>How deep nested lists and maps may go when printed or compared; cyclic data stops here instead of overflowing the stack.</summary>
        public const int MaxValueDepth = 100;

        /// <summary>
        /// Longest text a list or map may print to (16M characters), whatever the options say: the printed text exists
        /// before the output limit can look at it, so this keeps a list of large strings from exhausting memory.
        /// </summary>
        public const int MaxPrintedLength = 16 * 1024 * 1024;

        private static void CheckPrinted(StringBuilder sb)
        {
            if (sb.Length > MaxPrintedLength)
            {
                throw ExpressionRuntimeError.Limit($"The value prints to more than {MaxPrintedLength} characters.");
            }
        }

        private static void CheckDepth(int depth)
        {
            if (depth > MaxValueDepth)
            {
                throw ExpressionRuntimeError.Limit($"The value is nested more than {MaxValueDepth} levels deep (or contains itself).");
            }
        }

        private static string ToJavaString(object? value, int depth)
        {
            CheckDepth(depth);
            switch (value)
            {
                case null: return "null";
                case string s: return s;
                case bool b: return b ? "true" : "false";
                case long l: return l.ToString(CultureInfo.InvariantCulture);
                case double d: return JavaNumbers.DoubleToString(d);
                case JavaBigDecimal m: return m.ToString();
                case DateTimeOffset dto: return JavaDateTime.ToJavaString(dto);
                case SafeString safe: return safe.Text;
                case MapEntry entry: return ToJavaString(entry.Key, depth + 1) + "=" + ToJavaString(entry.Value, depth + 1);
                case JValue jv: return ToJavaString(ValueImport.Import(jv), depth);
                case JContainer container: return ToJavaString(ValueImport.Import(container), depth);
                case JToken token: return token.ToString(Formatting.None);
                default:
                    object? normalized = ValueImport.Import(value);
                    if (!ReferenceEquals(normalized, value) && !(normalized is null)) return ToJavaString(normalized, depth);
                    if (PebbleCollections.IsMap(value)) return MapToString(value, depth);
                    if (value is IEnumerable) return ListToString(value, depth);
                    return Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
            }
        }

        private static string MapToString(object map, int depth)
        {
            var sb = new StringBuilder("{");
            bool first = true;
            foreach (KeyValuePair<object?, object?> e in PebbleCollections.MapEntries(map))
            {
                if (!first) sb.Append(", ");
                first = false;
                sb.Append(ToJavaString(e.Key, depth + 1)).Append('=').Append(ToJavaString(e.Value, depth + 1));
                CheckPrinted(sb);
            }

            return sb.Append('}').ToString();
        }

        private static string ListToString(object list, int depth)
        {
            var sb = new StringBuilder("[");
            bool first = true;
            foreach (object? item in (IEnumerable)list)
            {
                if (!first) sb.Append(", ");
                first = false;
                sb.Append(ToJavaString(ValueImport.Import(item), depth + 1));
                CheckPrinted(sb);
            }

            return sb.Append(']').ToString();
        }

        /// <summary>Java class names used in Pebble's messages.</summary>
        public static string JavaTypeName(object? value)
        {
            switch (value)
            {
                case null: return "null";
                case string _: return "java.lang.String";
                case long _: return "java.lang.Long";
                case double _: return "java.lang.Double";
                case JavaBigDecimal _: return "java.math.BigDecimal";
                case bool _: return "java.lang.Boolean";
                case DateTimeOffset _: return "java.time.ZonedDateTime";
                default:
                    if (value is MapLiteral) return "java.util.HashMap";
                    if (value is JavaArray array) return array.JavaClassName;
                    if (value is SafeString) return "io.pebbletemplates.pebble.extension.escaper.SafeString";
                    if (PebbleCollections.IsMap(value)) return "java.util.LinkedHashMap";
                    if (value is IEnumerable) return "java.util.ArrayList";
                    return value.GetType().FullName ?? value.GetType().Name;
            }
        }

        /// <summary>
        /// <c>OperatorUtils.equals</c>: two numbers compare by their double values; anything else uses Java's
        /// <c>equals</c> (so "201" != 201, and inside lists 1 != 1.0).
        /// </summary>
        public static bool JavaEquals(object? a, object? b)
        {
            if (IsNumber(a) && IsNumber(b)) return ToDouble(a!) == ToDouble(b!);
            return JavaObjectEquals(a, b, 0);
        }

        /// <summary>Java's <c>Object.equals</c> for the evaluator's values: same kind and value (BigDecimal: same scale too).</summary>
        public static bool JavaObjectEquals(object? a, object? b) => JavaObjectEquals(a, b, 0);

        private static bool JavaObjectEquals(object? a, object? b, int depth)
        {
            CheckDepth(depth);
            if (a is null || b is null) return a is null && b is null;
            switch (a)
            {
                case string sa: return b is string sb && string.Equals(sa, sb, StringComparison.Ordinal);
                case bool ba: return b is bool bb && ba == bb;
                case long la: return b is long lb && la == lb;
                case double da: return b is double db && (double.IsNaN(da) ? double.IsNaN(db) : BitConverter.DoubleToInt64Bits(da) == BitConverter.DoubleToInt64Bits(db));
                case JavaBigDecimal ma: return ma.Equals(b);
                case DateTimeOffset ta: return b is DateTimeOffset tb && ta.Equals(tb) && ta.Offset == tb.Offset;
            }

            if (PebbleCollections.IsMap(a)) return PebbleCollections.IsMap(b) && MapsEqual(a, b!, depth);
            if (PebbleCollections.IsList(a)) return PebbleCollections.IsList(b) && ListsEqual(a, b!, depth);
            return a.Equals(b);
        }

        private static bool ListsEqual(object a, object b, int depth)
        {
            List<object?> la = PebbleCollections.ToList(a);
            List<object?> lb = PebbleCollections.ToList(b);
            if (la.Count != lb.Count) return false;
            for (int i = 0; i < la.Count; i++)
            {
                if (!JavaObjectEquals(la[i], lb[i], depth + 1)) return false;
            }

            return true;
        }

        private static bool MapsEqual(object a, object b, int depth)
        {
            if (PebbleCollections.MapCount(a) != PebbleCollections.MapCount(b)) return false;
            foreach (KeyValuePair<object?, object?> e in PebbleCollections.MapEntries(a))
            {
                if (!PebbleCollections.TryGetMapValue(b, e.Key, out object? other) || !JavaObjectEquals(e.Value, other, depth + 1)) return false;
            }

            return true;
        }

        /// <summary>Java's <c>Number.doubleValue()</c>.</summary>
        public static double ToDouble(object n)
        {
            switch (n)
            {
                case long l: return l;
                case double d: return d;
                case JavaBigDecimal m: return m.ToDouble();
                default: throw new ExpressionRuntimeError($"{JavaTypeName(n)} is not a number");
            }
        }

        /// <summary>Lists built by <c>+</c>, <c>merge</c> and <c>range</c> share one size limit.</summary>
        public static void CheckItems(long count, int maxItems)
        {
            if (count > maxItems)
            {
                throw ExpressionRuntimeError.Limit($"The list would have {count} elements, more than the limit of {maxItems}.");
            }
        }

        /// <summary>Concatenation (<c>~</c>) and string growth share one limit.</summary>
        public static void CheckLength(long length, int maxLength)
        {
            if (length > maxLength)
            {
                throw ExpressionRuntimeError.Limit($"The result would be {length} characters long, more than the limit of {maxLength}.");
            }
        }

        /// <summary>
        /// Pebble's <c>TypeUtils.compatibleCast(value, Boolean.class)</c>, behind and/or/not/ternary/if: a Boolean as it is,
        /// a number is true unless 0 (or NaN), a string is true unless empty, null gives null; anything else fails as
        /// Java's cast does.
        /// </summary>
        public static bool? JavaTruth(object? value)
        {
            object? v = value;
            switch (v)
            {
                case null: return null;
                case bool b: return b;
                case long l: return l != 0;
                case double d: return !double.IsNaN(d) && d != 0;
                case JavaBigDecimal m: return m.Sign != 0;
                case string s: return s.Length != 0;
                default: throw new ExpressionRuntimeError(JavaErrors.ClassCast(JavaTypeName(v), "java.lang.Boolean"));
            }
        }

        /// <summary>True for the values Pebble's <c>not</c> and <c>if</c> accept: Boolean, Number, String.</summary>
        public static bool IsTruthCastable(object? value)
        {
            object? v = value;
            return v is bool || IsNumber(v) || v is string;
        }

        /// <summary>The class name without its package, as Java's <c>getSimpleName()</c>.</summary>
        public static string JavaSimpleTypeName(object? value)
        {
            string name = JavaTypeName(value);
            return name.Substring(name.LastIndexOf('.') + 1);
        }

        /// <summary>Converts a number argument to int as Java's <c>Number.intValue()</c> does (doubles truncate).</summary>
        public static bool TryToInt(object? value, out int result)
        {
            switch (value)
            {
                case long l: result = unchecked((int)l); return true;
                case double d: result = double.IsNaN(d) ? 0 : d >= int.MaxValue ? int.MaxValue : d <= int.MinValue ? int.MinValue : (int)d; return true;
                case JavaBigDecimal m: result = unchecked((int)m.ToLong()); return true;
                default: result = 0; return false;
            }
        }
    }
}
