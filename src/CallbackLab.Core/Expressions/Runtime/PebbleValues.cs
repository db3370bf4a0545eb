using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Expressions.Runtime
{
    /// <summary>
    /// Java-shaped value semantics of Pebble: <c>String.valueOf</c> printing, <c>OperatorUtils</c> equality, comparison
    /// and arithmetic (long unless a double or BigDecimal is involved; no implicit string/number equality).
    /// Values inside the evaluator are: null, string, bool, long, double, decimal, DateTimeOffset, lists, maps and JTokens.
    /// </summary>
    internal static class PebbleValues
    {
        public static readonly object True = true;
        public static readonly object False = false;

        public static object Box(bool value) => value ? True : False;

        /// <summary>Brings a value from outside (variables, collections, JSON) to the evaluator's value set.</summary>
        public static object? Normalize(object? value)
        {
            switch (value)
            {
                case null: return null;
                case string _: return value;
                case long _: return value;
                case bool b: return Box(b);
                case int i: return JavaNumbers.Box(i);
                case double _: return value;
                case decimal _: return value;
                case JValue j: return NormalizeJValue(j);
                case JToken _: return value;
                case short s: return JavaNumbers.Box(s);
                case byte by: return JavaNumbers.Box(by);
                case sbyte sb: return JavaNumbers.Box(sb);
                case ushort us: return JavaNumbers.Box(us);
                case uint ui: return JavaNumbers.Box(ui);
                case ulong ul: return ul <= long.MaxValue ? JavaNumbers.Box((long)ul) : (object)(decimal)ul;
                case float f: return (double)f;
                case char c: return c.ToString();
                case DateTime dt: return dt.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(dt, TimeSpan.Zero) : new DateTimeOffset(dt);
                case Enum e: return e.ToString();
                case Guid g: return g.ToString();
                case Uri u: return u.OriginalString;
                default: return value;
            }
        }

        private static object? NormalizeJValue(JValue j)
        {
            switch (j.Type)
            {
                case JTokenType.Null:
                case JTokenType.Undefined:
                    return null;
                case JTokenType.Integer:
                    return j.Value is long l ? JavaNumbers.Box(l) : j.Value is System.Numerics.BigInteger big ? (object)(decimal)big : Normalize(j.Value);
                case JTokenType.Date:
                    return Normalize(j.Value);
                default:
                    return Normalize(j.Value);
            }
        }

        public static bool IsNumber(object? value) => value is long || value is double || value is decimal;

        /// <summary>What <c>{{ value }}</c> prints: empty for null, else <see cref="ToJavaString(object?)"/>.</summary>
        public static string ToOutput(object? value) => value is string s ? s : value is null ? string.Empty : ToJavaString(value);

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
                throw new ExpressionRuntimeError($"The value prints to more than {MaxPrintedLength} characters.");
            }
        }

        private static void CheckDepth(int depth)
        {
            if (depth > MaxValueDepth)
            {
                throw new ExpressionRuntimeError($"The value is nested more than {MaxValueDepth} levels deep (or contains itself).");
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
                case decimal m: return m.ToString(CultureInfo.InvariantCulture);
                case DateTimeOffset dto: return JavaDateTime.ToJavaString(dto);
                case JValue jv: return ToJavaString(Normalize(jv));
                case JToken token: return token.ToString(Formatting.None);
                default:
                    object? normalized = Normalize(value);
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
                sb.Append(ToJavaString(Normalize(item), depth + 1));
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
                case decimal _: return "java.math.BigDecimal";
                case bool _: return "java.lang.Boolean";
                case DateTimeOffset _: return "java.time.ZonedDateTime";
                default:
                    if (PebbleCollections.IsMap(value)) return "java.util.HashMap";
                    if (value is IEnumerable) return "java.util.ArrayList";
                    return value.GetType().FullName ?? value.GetType().Name;
            }
        }

        /// <summary><c>OperatorUtils.equals</c>: numbers compare numerically across kinds; anything else uses Java equals, so "201" != 201.</summary>
        public static bool JavaEquals(object? a, object? b) => JavaEquals(a, b, 0);

        private static bool JavaEquals(object? a, object? b, int depth)
        {
            CheckDepth(depth);
            a = Normalize(a);
            b = Normalize(b);
            if (a is null || b is null) return a is null && b is null;
            if (IsNumber(a) && IsNumber(b)) return CompareNumbers(a, b) == 0;
            if (a is string sa) return b is string sb && string.Equals(sa, sb, StringComparison.Ordinal);
            if (a is bool ba) return b is bool bb && ba == bb;
            if (a is DateTimeOffset da) return b is DateTimeOffset db && da.Equals(db) && da.Offset == db.Offset;
            if (a is JToken ja && b is JToken jb) return JToken.DeepEquals(ja, jb);
            if (PebbleCollections.IsMap(a) && PebbleCollections.IsMap(b)) return MapsEqual(a, b, depth);
            if (PebbleCollections.IsList(a) && PebbleCollections.IsList(b)) return ListsEqual(a, b, depth);
            return a.Equals(b);
        }

        private static bool ListsEqual(object a, object b, int depth)
        {
            List<object?> la = PebbleCollections.ToList(a);
            List<object?> lb = PebbleCollections.ToList(b);
            if (la.Count != lb.Count) return false;
            for (int i = 0; i < la.Count; i++)
            {
                if (!JavaEquals(la[i], lb[i], depth + 1)) return false;
            }

            return true;
        }

        private static bool MapsEqual(object a, object b, int depth)
        {
            if (PebbleCollections.MapCount(a) != PebbleCollections.MapCount(b)) return false;
            foreach (KeyValuePair<object?, object?> e in PebbleCollections.MapEntries(a))
            {
                if (!PebbleCollections.TryGetMapValue(b, e.Key, out object? other) || !JavaEquals(e.Value, other, depth + 1)) return false;
            }

            return true;
        }

        /// <summary>Numeric comparison of two numbers (long, double or decimal).</summary>
        public static int CompareNumbers(object a, object b)
        {
            if (a is long la && b is long lb) return la.CompareTo(lb);
            if (a is decimal || b is decimal)
            {
                if (TryToDecimal(a, out decimal ma) && TryToDecimal(b, out decimal mb)) return ma.CompareTo(mb);
            }

            double da = ToDouble(a);
            double db = ToDouble(b);
            if (a is long l1 && Math.Abs(l1) > (1L << 53) || b is long l2 && Math.Abs(l2) > (1L << 53))
            {
                if (TryToDecimal(a, out decimal ma) && TryToDecimal(b, out decimal mb)) return ma.CompareTo(mb);
            }

            return da.CompareTo(db);
        }

        private static bool TryToDecimal(object n, out decimal value)
        {
            try
            {
                switch (n)
                {
                    case long l: value = l; return true;
                    case decimal m: value = m; return true;
                    case double d when !double.IsNaN(d) && !double.IsInfinity(d) && Math.Abs(d) < 7.9e28: value = (decimal)d; return true;
                }
            }
            catch (OverflowException)
            {
            }

            value = 0;
            return false;
        }

        public static double ToDouble(object n)
        {
            switch (n)
            {
                case long l: return l;
                case double d: return d;
                case decimal m: return (double)m;
                default: throw new ExpressionRuntimeError($"{JavaTypeName(n)} is not a number");
            }
        }

        /// <summary>The relational operators: nulls compare false, non-numbers are an error (Java's ClassCastException).</summary>
        public static bool Compare(object? a, object? b, string comparison, Func<int, bool> accept)
        {
            a = Normalize(a);
            b = Normalize(b);
            if (a is null || b is null) return false;
            if (!IsNumber(a) || !IsNumber(b))
            {
                throw new ExpressionRuntimeError($"invalid operands for mathematical comparison [{comparison}]");
            }

            return accept(CompareNumbers(a, b));
        }

        /// <summary><c>+</c>: string concatenation when either side is a string (null prints "null"), list append, else numeric.</summary>
        public static object? Add(object? a, object? b, int maxLength, int maxItems)
        {
            a = Normalize(a);
            b = Normalize(b);
            if (a is string || b is string)
            {
                string left = ToJavaString(a);
                string right = ToJavaString(b);
                CheckLength((long)left.Length + right.Length, maxLength);
                return string.Concat(left, right);
            }

            if (PebbleCollections.IsList(a))
            {
                List<object?> list = PebbleCollections.ToList(a!);
                if (PebbleCollections.IsList(b)) list.AddRange(PebbleCollections.ToList(b!));
                else list.Add(b);
                CheckItems(list.Count, maxItems);
                return list;
            }

            return Arithmetic('+', a, b, "ADD", parseStrings: false);
        }

        /// <summary>Lists built by <c>+</c>, <c>merge</c> and <c>range</c> share one size limit.</summary>
        public static void CheckItems(long count, int maxItems)
        {
            if (count > maxItems)
            {
                throw new ExpressionRuntimeError($"The list would have {count} elements, more than the limit of {maxItems}.");
            }
        }

        /// <summary>Concatenation (<c>~</c>) and string growth share one limit.</summary>
        public static void CheckLength(long length, int maxLength)
        {
            if (length > maxLength)
            {
                throw new ExpressionRuntimeError($"The result would be {length} characters long, more than the limit of {maxLength}.");
            }
        }

        /// <summary>Java binary numeric promotion; <paramref name="parseStrings"/> lets <c>- * / %</c> read numeric strings.</summary>
        public static object Arithmetic(char op, object? a, object? b, string operationName, bool parseStrings)
        {
            a = Normalize(a);
            b = Normalize(b);
            if (parseStrings)
            {
                if (a is string sa && JavaNumbers.TryParseNumber(sa, out object? na)) a = na;
                if (b is string sb && JavaNumbers.TryParseNumber(sb, out object? nb)) b = nb;
            }

            if (!IsNumber(a) || !IsNumber(b))
            {
                throw new ExpressionRuntimeError($"invalid operands for mathematical operation [{operationName}]");
            }

            if (a is long x && b is long y)
            {
                switch (op)
                {
                    case '+': return JavaNumbers.Box(unchecked(x + y));
                    case '-': return JavaNumbers.Box(unchecked(x - y));
                    case '*': return JavaNumbers.Box(unchecked(x * y));
                    case '/':
                        if (y == 0) throw new ExpressionRuntimeError("/ by zero");
                        return JavaNumbers.Box(y == -1 ? unchecked(-x) : x / y);
                    default:
                        if (y == 0) throw new ExpressionRuntimeError("/ by zero");
                        return JavaNumbers.Box(y == -1 ? 0 : x % y);
                }
            }

            if ((a is decimal || b is decimal) && TryToDecimal(a!, out decimal ma) && TryToDecimal(b!, out decimal mb))
            {
                try
                {
                    switch (op)
                    {
                        case '+': return ma + mb;
                        case '-': return ma - mb;
                        case '*': return ma * mb;
                        case '/':
                            if (mb == 0) throw new ExpressionRuntimeError("Division by zero");
                            return ma / mb;
                        default:
                            if (mb == 0) throw new ExpressionRuntimeError("Division by zero");
                            return ma % mb;
                    }
                }
                catch (OverflowException ex)
                {
                    throw new ExpressionRuntimeError("Numeric overflow", ex);
                }
            }

            double p = ToDouble(a!);
            double q = ToDouble(b!);
            switch (op)
            {
                case '+': return p + q;
                case '-': return p - q;
                case '*': return p * q;
                case '/': return p / q;
                default: return p % q;
            }
        }

        /// <summary>
        /// Pebble's <c>TypeUtils.compatibleCast(value, Boolean.class)</c>, behind and/or/not/ternary/if: a Boolean as it is,
        /// a number is true unless 0 (or NaN), a string is true unless empty, null gives null; anything else fails as
        /// Java's cast does.
        /// </summary>
        public static bool? JavaTruth(object? value)
        {
            object? v = Normalize(value);
            switch (v)
            {
                case null: return null;
                case bool b: return b;
                case long l: return l != 0;
                case double d: return !double.IsNaN(d) && d != 0;
                case decimal m: return m != 0;
                case string s: return s.Length != 0;
                default: throw new ExpressionRuntimeError($"class {JavaTypeName(v)} cannot be cast to class java.lang.Boolean");
            }
        }

        /// <summary>True for the values Pebble's <c>not</c> and <c>if</c> accept: Boolean, Number, String.</summary>
        public static bool IsTruthCastable(object? value)
        {
            object? v = Normalize(value);
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
            switch (Normalize(value))
            {
                case long l: result = unchecked((int)l); return true;
                case double d: result = double.IsNaN(d) ? 0 : d >= int.MaxValue ? int.MaxValue : d <= int.MinValue ? int.MinValue : (int)d; return true;
                case decimal m: result = m >= int.MaxValue ? int.MaxValue : m <= int.MinValue ? int.MinValue : (int)m; return true;
                default: result = 0; return false;
            }
        }
    }
}
