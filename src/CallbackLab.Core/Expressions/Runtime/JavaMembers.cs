using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using CallbackLab.Core.Expressions.Values;

namespace CallbackLab.Core.Expressions.Runtime
{
    /// <summary>
    /// The public Java methods Pebble reaches through attributes (<c>s.length</c>, <c>s.indexOf('o')</c>, <c>d.scale</c>),
    /// matched as Pebble's reflection does: by name and argument count, each argument assignable to the parameter type.
    /// Template integers are Longs, so a method taking an <c>int</c> (<c>substring</c>, <c>charAt</c>, <c>get</c>) never
    /// matches and reads as undefined. <c>getClass</c> is refused with Pebble's security message.
    /// </summary>
    internal static class JavaMembers
    {
        public const string ClassAccessDenied =
            "For security reasons access to public final native java.lang.Class java.lang.Object.getClass() method is denied.";

        /// <summary>An attribute without parentheses: <c>getX()</c>, <c>isX()</c>, <c>hasX()</c> or <c>x()</c>.</summary>
        public static bool TryGetProperty(object target, string name, out object? value)
        {
            if (name.Length > 0)
            {
                string capitalized = char.ToUpperInvariant(name[0]) + name.Substring(1);
                foreach (string candidate in new[] { "get" + capitalized, "is" + capitalized, "has" + capitalized, name })
                {
                    if (TryInvoke(target, candidate, Array.Empty<object?>(), out value)) return true;
                }
            }

            value = null;
            return false;
        }

        /// <summary>A method call <c>target.name(args)</c>; false when no public method of that shape exists.</summary>
        /// <exception cref="ExpressionRuntimeError">getClass, or the method itself failed.</exception>
        public static bool TryInvoke(object target, string name, object?[] args, out object? value)
        {
            value = null;
            if (name == "getClass" && args.Length == 0) throw new ExpressionRuntimeError(ClassAccessDenied);
            if (args.Length == 0 && TryObjectMethod(target, name, out value)) return true;
            switch (target)
            {
                case string s: return TryStringMethod(s, name, args, out value);
                case long l: return args.Length == 0 && TryNumberMethod(l, name, out value);
                case double d: return args.Length == 0 && TryNumberMethod(d, name, out value);
                case JavaBigDecimal m: return args.Length == 0 && TryBigDecimalMethod(m, name, out value);
                case bool b:
                    if (args.Length == 0 && name == "booleanValue") { value = PebbleValues.Box(b); return true; }
                    return false;
                case MapEntry entry:
                    if (args.Length != 0) return false;
                    if (name == "getKey") { value = entry.Key; return true; }
                    if (name == "getValue") { value = entry.Value; return true; }
                    return false;
            }

            if (PebbleCollections.IsMap(target)) return TryMapMethod(target, name, args, out value);
            if (PebbleCollections.IsList(target) && !(target is JavaArray)) return TryListMethod(target, name, args, out value);
            return false;
        }

        private static bool TryObjectMethod(object target, string name, out object? value)
        {
            switch (name)
            {
                case "toString":
                    value = PebbleValues.ToJavaString(target);
                    return true;
                case "hashCode":
                    switch (target)
                    {
                        case string s: value = JavaNumbers.Box(MapLiteral.JavaHash(s)); return true;
                        case long l: value = JavaNumbers.Box(unchecked((int)(l ^ (long)((ulong)l >> 32)))); return true;
                        case bool b: value = JavaNumbers.Box(b ? 1231 : 1237); return true;
                    }

                    break;
            }

            value = null;
            return false;
        }

        private static bool TryStringMethod(string s, string name, object?[] args, out object? value)
        {
            value = null;
            if (args.Length == 0)
            {
                switch (name)
                {
                    case "length": value = JavaNumbers.Box(s.Length); return true;
                    case "isEmpty": value = PebbleValues.Box(s.Length == 0); return true;
                    case "isBlank": value = PebbleValues.Box(s.Trim().Length == 0); return true;
                    case "toUpperCase": value = JavaCaseMapping.ToUpper(s); return true;
                    case "toLowerCase": value = JavaCaseMapping.ToLower(s); return true;
                    case "trim": value = JavaStrings.Trim(s); return true;
                    case "strip": value = s.Trim(); return true;
                    case "stripLeading": value = s.TrimStart(); return true;
                    case "stripTrailing": value = s.TrimEnd(); return true;
                    case "intern": value = s; return true;
                    default: return false;
                }
            }

            // Every remaining String method takes String/CharSequence/Object parameters: a Long, say, does not match.
            foreach (object? arg in args)
            {
                if (!(arg is string)) return false;
            }

            if (args.Length == 1)
            {
                string a = (string)args[0]!;
                switch (name)
                {
                    case "indexOf": value = JavaNumbers.Box(s.IndexOf(a, StringComparison.Ordinal)); return true;
                    case "lastIndexOf": value = JavaNumbers.Box(s.LastIndexOf(a, StringComparison.Ordinal)); return true;
                    case "startsWith": value = PebbleValues.Box(s.StartsWith(a, StringComparison.Ordinal)); return true;
                    case "endsWith": value = PebbleValues.Box(s.EndsWith(a, StringComparison.Ordinal)); return true;
                    case "concat": value = s + a; return true;
                    case "equalsIgnoreCase": value = PebbleValues.Box(string.Equals(s, a, StringComparison.OrdinalIgnoreCase)); return true;
                    case "contentEquals": value = PebbleValues.Box(string.Equals(s, a, StringComparison.Ordinal)); return true;
                    case "compareTo": value = JavaNumbers.Box(JavaCompare(s, a)); return true;
                    case "compareToIgnoreCase": value = JavaNumbers.Box(JavaCompare(s.ToUpperInvariant().ToLowerInvariant(), a.ToUpperInvariant().ToLowerInvariant())); return true;
                    case "matches": value = PebbleValues.Box(Regex.IsMatch(s, "^(?:" + a + ")$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))); return true;
                    case "split": value = new JavaArray(JavaStrings.Split(s, a, 0, TimeSpan.FromSeconds(1)), "[Ljava.lang.String;"); return true;
                    default: return false;
                }
            }

            if (args.Length == 2 && name == "replace")
            {
                string from = (string)args[0]!;
                value = from.Length == 0 ? InsertEverywhere(s, (string)args[1]!) : s.Replace(from, (string)args[1]!);
                return true;
            }

            return false;
        }

        private static string InsertEverywhere(string data, string insert)
        {
            var sb = new System.Text.StringBuilder(insert);
            foreach (char c in data) sb.Append(c).Append(insert);
            return sb.ToString();
        }

        /// <summary>Java's <c>String.compareTo</c>: the first differing char's difference, else the length difference.</summary>
        private static int JavaCompare(string a, string b)
        {
            int n = Math.Min(a.Length, b.Length);
            for (int i = 0; i < n; i++)
            {
                if (a[i] != b[i]) return a[i] - b[i];
            }

            return a.Length - b.Length;
        }

        private static bool TryNumberMethod(object number, string name, out object? value)
        {
            double d = PebbleValues.ToDouble(number);
            switch (name)
            {
                case "intValue": value = JavaNumbers.Box(number is long l ? unchecked((int)l) : DoubleToInt(d)); return true;
                case "longValue": value = JavaNumbers.Box(number is long l2 ? l2 : DoubleToLong(d)); return true;
                case "doubleValue": value = d; return true;
                case "isNaN" when number is double: value = PebbleValues.Box(double.IsNaN(d)); return true;
                case "isInfinite" when number is double: value = PebbleValues.Box(double.IsInfinity(d)); return true;
                default: value = null; return false;
            }
        }

        private static bool TryBigDecimalMethod(JavaBigDecimal m, string name, out object? value)
        {
            switch (name)
            {
                case "scale": value = JavaNumbers.Box(m.Scale); return true;
                case "precision": value = JavaNumbers.Box(m.Precision); return true;
                case "signum": value = JavaNumbers.Box(m.Sign); return true;
                case "unscaledValue": value = new JavaBigDecimal(m.Unscaled, 0); return true;
                case "toPlainString": value = m.ToPlainString(); return true;
                case "abs": value = m.Abs(); return true;
                case "negate": value = m.Negate(); return true;
                case "intValue": value = JavaNumbers.Box(unchecked((int)m.ToLong())); return true;
                case "longValue": value = JavaNumbers.Box(m.ToLong()); return true;
                case "doubleValue": value = m.ToDouble(); return true;
                default: value = null; return false;
            }
        }

        private static bool TryListMethod(object list, string name, object?[] args, out object? value)
        {
            value = null;
            if (args.Length == 0)
            {
                switch (name)
                {
                    case "size": value = JavaNumbers.Box(PebbleCollections.Count(list)); return true;
                    case "isEmpty": value = PebbleValues.Box(PebbleCollections.Count(list) == 0); return true;
                    default: return false;
                }
            }

            if (args.Length == 1 && (name == "indexOf" || name == "lastIndexOf"))
            {
                List<object?> items = PebbleCollections.ToList(list);
                int found = name == "indexOf"
                    ? items.FindIndex(x => PebbleValues.JavaObjectEquals(x, args[0]))
                    : items.FindLastIndex(x => PebbleValues.JavaObjectEquals(x, args[0]));
                value = JavaNumbers.Box(found);
                return true;
            }

            return false;
        }

        private static bool TryMapMethod(object map, string name, object?[] args, out object? value)
        {
            value = null;
            if (args.Length == 0)
            {
                var entries = new List<KeyValuePair<object?, object?>>(PebbleCollections.MapEntries(map));
                switch (name)
                {
                    case "size": value = JavaNumbers.Box(entries.Count); return true;
                    case "isEmpty": value = PebbleValues.Box(entries.Count == 0); return true;
                    case "keySet": value = entries.ConvertAll(e => e.Key); return true;
                    case "values": value = entries.ConvertAll(e => e.Value); return true;
                    case "entrySet": value = entries.ConvertAll(e => (object?)new MapEntry(e.Key, e.Value)); return true;
                    default: return false;
                }
            }

            if (args.Length == 1)
            {
                switch (name)
                {
                    case "get":
                        PebbleCollections.TryGetMapValue(map, args[0], out value);
                        return true;
                    case "containsKey":
                        value = PebbleValues.Box(PebbleCollections.TryGetMapValue(map, args[0], out _));
                        return true;
                }
            }

            return false;
        }

        private static int DoubleToInt(double d) => double.IsNaN(d) ? 0 : d >= int.MaxValue ? int.MaxValue : d <= int.MinValue ? int.MinValue : (int)d;

        private static long DoubleToLong(double d) => double.IsNaN(d) ? 0 : d >= long.MaxValue ? long.MaxValue : d <= long.MinValue ? long.MinValue : (long)d;
    }
}
