using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CallbackLab.Core.Expressions.Runtime
{
    /// <summary>Pebble's core filters with Java behaviour, plus WxCC's <c>epoch</c>.</summary>
    internal static class BuiltInFilters
    {
        public static readonly Dictionary<string, CallableDefinition<FilterFunction>> All = Create();

        private static Dictionary<string, CallableDefinition<FilterFunction>> Create()
        {
            var all = new Dictionary<string, CallableDefinition<FilterFunction>>(StringComparer.Ordinal);
            void Add(string name, string[]? args, FilterFunction f) => all[name] = new CallableDefinition<FilterFunction>(name, args, f);

            Add("abbreviate", new[] { "length" }, Abbreviate);
            Add("abs", null, Abs);
            Add("base64decode", null, Base64Decode);
            Add("base64encode", null, Base64Encode);
            Add("capitalize", null, Capitalize);
            Add("date", new[] { "format", "existingFormat", "timeZone" }, DateFilters.Date);
            Add("default", new[] { "default" }, Default);
            Add("epoch", new[] { "inMillis", "format" }, DateFilters.Epoch);
            Add("escape", new[] { "strategy" }, Escaping.Escape);
            Add("first", null, First);
            Add("join", new[] { "separator" }, Join);
            Add("last", null, Last);
            Add("length", null, Length);
            Add("lower", null, (object? input, in ArgValues a, EvaluationContext c) => input is null ? null : PebbleValues.ToJavaString(input).ToLowerInvariant());
            Add("merge", new[] { "items" }, Merge);
            Add("numberformat", new[] { "format" }, NumberFormat);
            Add("raw", null, (object? input, in ArgValues a, EvaluationContext c) => input);
            Add("replace", new[] { "replace_pairs" }, Replace);
            Add("reverse", null, Reverse);
            Add("rsort", null, (object? input, in ArgValues a, EvaluationContext c) => Sort(input, descending: true));
            Add("sha256", null, Sha256);
            Add("slice", new[] { "fromIndex", "toIndex" }, Slice);
            Add("sort", null, (object? input, in ArgValues a, EvaluationContext c) => Sort(input, descending: false));
            Add("split", new[] { "delimiter", "limit" }, Split);
            Add("title", null, Title);
            Add("trim", null, (object? input, in ArgValues a, EvaluationContext c) => input is null ? null : JavaStrings.Trim(PebbleValues.ToJavaString(input)));
            Add("upper", null, (object? input, in ArgValues a, EvaluationContext c) => input is null ? null : PebbleValues.ToJavaString(input).ToUpperInvariant());
            Add("urlencode", null, (object? input, in ArgValues a, EvaluationContext c) => input is null ? null : JavaStrings.UrlEncode(PebbleValues.ToJavaString(input)));
            return all;
        }

        /// <summary>Pebble's SliceFilter: 0-based, from inclusive, to exclusive, with its bound checks and messages.</summary>
        private static object? Slice(object? input, in ArgValues args, EvaluationContext context)
        {
            input = PebbleValues.Normalize(input);
            if (input is null) return null;
            object? argFrom = PebbleValues.Normalize(args.A0);
            object? argTo = PebbleValues.Normalize(args.A1);
            if (argFrom != null && !PebbleValues.IsNumber(argFrom))
            {
                throw new ExpressionRuntimeError("Argument fromIndex must be a number. Actual type: " + PebbleValues.JavaTypeName(argFrom));
            }

            PebbleValues.TryToInt(argFrom ?? JavaNumbers.Box(0), out int from);
            if (from < 0) throw new ExpressionRuntimeError("fromIndex must be greater than 0");
            if (argTo != null && !PebbleValues.IsNumber(argTo))
            {
                throw new ExpressionRuntimeError("Argument toIndex must be a number. Actual type: " + PebbleValues.JavaTypeName(argTo));
            }

            string? text = input as string;
            int length;
            if (text != null) length = text.Length;
            else if (PebbleCollections.IsList(input)) length = PebbleCollections.Count(input);
            else throw new ExpressionRuntimeError("Slice filter can only be applied to String, List and array inputs. Actual type was: " + PebbleValues.JavaTypeName(input));

            int to = length;
            if (argTo != null)
            {
                PebbleValues.TryToInt(argTo, out to);
                if (to > length) throw new ExpressionRuntimeError("toIndex must be smaller than input size: " + length.ToString(CultureInfo.InvariantCulture));
                if (from >= to) throw new ExpressionRuntimeError("toIndex must be greater than fromIndex");
            }

            if (text != null)
            {
                if (from == 0 && to == length) return text;
                return JavaStrings.Substring(text, from, to);
            }

            List<object?> list = PebbleCollections.ToList(input);
            if (from > to) throw new ExpressionRuntimeError($"fromIndex({from}) > toIndex({to})");
            return list.GetRange(from, to - from);
        }

        private static object? Abbreviate(object? input, in ArgValues args, EvaluationContext context)
        {
            if (input is null) return null;
            string value = PebbleValues.ToJavaString(input);
            if (!PebbleValues.TryToInt(args.A0, out int maxWidth)) throw new ExpressionRuntimeError("The abbreviate filter needs a numeric length argument.");
            if (maxWidth < 0) throw new ExpressionRuntimeError("Invalid argument to abbreviate filter; must be greater than zero");

            // Pebble's order of checks: a string exactly maxWidth long is still abbreviated.
            if (value.Length < maxWidth || value.Length <= 3) return value;
            if (maxWidth <= 3) return value.Substring(0, maxWidth);
            return value.Substring(0, maxWidth - 3) + "...";
        }

        private static object? Abs(object? input, in ArgValues args, EvaluationContext context)
        {
            switch (PebbleValues.Normalize(input))
            {
                case null: return null;
                case long l: return JavaNumbers.Box(l == long.MinValue ? l : Math.Abs(l));
                case double d: return Math.Abs(d);
                case decimal m: return Math.Abs(m);
                default: throw new ExpressionRuntimeError($"The abs filter needs a number, not a {PebbleValues.JavaTypeName(input)}.");
            }
        }

        private static object? Base64Encode(object? input, in ArgValues args, EvaluationContext context) =>
            input is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(PebbleValues.ToJavaString(input)));

        private static object? Base64Decode(object? input, in ArgValues args, EvaluationContext context)
        {
            if (input is null) return null;
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(PebbleValues.ToJavaString(input)));
            }
            catch (FormatException ex)
            {
                throw new ExpressionRuntimeError("base64decode: the input is not valid Base64.", ex);
            }
        }

        private static object? Capitalize(object? input, in ArgValues args, EvaluationContext context)
        {
            if (input is null) return null;
            string value = PebbleValues.ToJavaString(input);
            for (int i = 0; i < value.Length; i++)
            {
                if (!char.IsWhiteSpace(value[i]))
                {
                    return value.Substring(0, i) + char.ToUpperInvariant(value[i]) + value.Substring(i + 1);
                }
            }

            return value;
        }

        private static object? Title(object? input, in ArgValues args, EvaluationContext context)
        {
            if (input is null) return null;
            string value = PebbleValues.ToJavaString(input);
            var sb = new StringBuilder(value.Length);
            bool capitalizeNext = true;
            foreach (char c in value)
            {
                if (char.IsWhiteSpace(c))
                {
                    capitalizeNext = true;
                    sb.Append(c);
                }
                else if (capitalizeNext)
                {
                    sb.Append(char.ToUpperInvariant(c));
                    capitalizeNext = false;
                }
                else
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }

        /// <summary>Pebble's DefaultFilter: the argument when the input is null, blank, or an empty collection or map.</summary>
        private static object? Default(object? input, in ArgValues args, EvaluationContext context) =>
            BuiltInTests.IsEmpty(input) ? args.A0 : input;

        private static object? First(object? input, in ArgValues args, EvaluationContext context) => Edge(input, first: true);

        private static object? Last(object? input, in ArgValues args, EvaluationContext context) => Edge(input, first: false);

        private static object? Edge(object? input, bool first)
        {
            input = PebbleValues.Normalize(input);
            if (input is null) return null;
            if (input is string s)
            {
                if (s.Length == 0) throw new ExpressionRuntimeError($"Index {(first ? 0 : -1)} out of bounds for length 0");
                return (first ? s[0] : s[s.Length - 1]).ToString();
            }

            if (PebbleCollections.IsList(input))
            {
                List<object?> items = PebbleCollections.ToList(input);
                if (items.Count == 0) return null;
                return first ? items[0] : items[items.Count - 1];
            }

            return input;
        }

        private static object? Join(object? input, in ArgValues args, EvaluationContext context)
        {
            input = PebbleValues.Normalize(input);
            if (input is null) return null;
            if (!PebbleCollections.IsList(input))
            {
                throw new ExpressionRuntimeError("The 'join' filter expects that the input is either a collection or an array.");
            }

            string separator = args.A0 is null ? string.Empty : PebbleValues.ToJavaString(args.A0);
            var sb = new StringBuilder();
            bool firstItem = true;
            foreach (object? item in PebbleCollections.ToList(input))
            {
                if (!firstItem) sb.Append(separator);
                firstItem = false;
                sb.Append(PebbleValues.ToJavaString(item));
                PebbleValues.CheckLength(sb.Length, context.Options.MaxStringLength);
            }

            return sb.ToString();
        }

        private static object? Length(object? input, in ArgValues args, EvaluationContext context)
        {
            input = PebbleValues.Normalize(input);
            switch (input)
            {
                case null: return JavaNumbers.Box(0);
                case string s: return JavaNumbers.Box(s.Length);
                default:
                    if (PebbleCollections.IsMap(input)) return JavaNumbers.Box(PebbleCollections.MapCount(input));
                    if (input is IEnumerable) return JavaNumbers.Box(PebbleCollections.Count(input));
                    return JavaNumbers.Box(0);
            }
        }

        private static object? Merge(object? input, in ArgValues args, EvaluationContext context)
        {
            input = PebbleValues.Normalize(input);
            object? items = PebbleValues.Normalize(args.A0);
            if (items is null) throw new ExpressionRuntimeError("The two arguments to be merged are null");
            if (PebbleCollections.IsMap(input))
            {
                if (!PebbleCollections.IsMap(items)) throw new ExpressionRuntimeError("The object being merged is not a Map");
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (KeyValuePair<object?, object?> e in PebbleCollections.MapEntries(input!)) map[PebbleValues.ToJavaString(e.Key)] = e.Value;
                foreach (KeyValuePair<object?, object?> e in PebbleCollections.MapEntries(items)) map[PebbleValues.ToJavaString(e.Key)] = e.Value;
                return map;
            }

            if (PebbleCollections.IsList(input))
            {
                if (!PebbleCollections.IsList(items)) throw new ExpressionRuntimeError("The object being merged is not a List or an array");
                List<object?> list = PebbleCollections.ToList(input!);
                list.AddRange(PebbleCollections.ToList(items));
                PebbleValues.CheckItems(list.Count, context.Options.MaxRangeSize);
                return list;
            }

            throw new ExpressionRuntimeError("The object being filtered is not a Map, List or array");
        }

        /// <summary>Java's DecimalFormat for the usual patterns (<c>#,##0.00</c>, <c>0.#</c>), rounding half-even as Java does.</summary>
        private static object? NumberFormat(object? input, in ArgValues args, EvaluationContext context)
        {
            object? number = PebbleValues.Normalize(input);
            if (number is null) return null;
            if (number is string s && JavaNumbers.TryParseNumber(s, out object? parsed)) number = parsed;
            if (!PebbleValues.IsNumber(number)) throw new ExpressionRuntimeError($"The numberformat filter needs a number, not a {PebbleValues.JavaTypeName(number)}.");
            string pattern = args.A0 is null ? "#,##0.###" : PebbleValues.ToJavaString(args.A0);
            int dot = pattern.IndexOf('.');
            int decimals = 0;
            if (dot >= 0)
            {
                for (int i = dot + 1; i < pattern.Length && (pattern[i] == '0' || pattern[i] == '#'); i++) decimals++;
            }

            try
            {
                if (number is double d)
                {
                    double rounded = Math.Round(d, Math.Min(decimals, 15), MidpointRounding.ToEven);
                    return rounded.ToString(pattern, CultureInfo.InvariantCulture);
                }

                decimal m = number is long l ? l : (decimal)number!;
                return Math.Round(m, Math.Min(decimals, 28), MidpointRounding.ToEven).ToString(pattern, CultureInfo.InvariantCulture);
            }
            catch (FormatException ex)
            {
                throw new ExpressionRuntimeError($"Malformed pattern \"{pattern}\"", ex);
            }
        }

        /// <summary>Pebble's ReplaceFilter: one map argument; each key replaced literally, in the map's order.</summary>
        private static object? Replace(object? input, in ArgValues args, EvaluationContext context)
        {
            if (input is null) return null;
            object? pairs = PebbleValues.Normalize(args.A0);
            if (pairs is null) throw new ExpressionRuntimeError("The argument 'replace_pairs' is required.");
            if (!PebbleCollections.IsMap(pairs))
            {
                throw new ExpressionRuntimeError($"class {PebbleValues.JavaTypeName(pairs)} cannot be cast to class java.util.Map");
            }

            string data = PebbleValues.ToJavaString(input);
            foreach (KeyValuePair<object?, object?> e in PebbleCollections.MapEntries(pairs))
            {
                string from = PebbleValues.ToJavaString(e.Key);
                string to = PebbleValues.ToJavaString(e.Value);

                // Java's String.replace("", x) puts x before every char and at the end.
                long length = from.Length == 0 ? data.Length + (data.Length + 1L) * to.Length : data.Length;
                PebbleValues.CheckLength(length, context.Options.MaxStringLength);
                data = from.Length == 0 ? InsertEverywhere(data, to) : data.Replace(from, to);
                PebbleValues.CheckLength(data.Length, context.Options.MaxStringLength);
            }

            return data;
        }

        private static string InsertEverywhere(string data, string insert)
        {
            var sb = new StringBuilder(data.Length + (data.Length + 1) * insert.Length);
            sb.Append(insert);
            foreach (char c in data) sb.Append(c).Append(insert);
            return sb.ToString();
        }

        private static object? Reverse(object? input, in ArgValues args, EvaluationContext context)
        {
            input = PebbleValues.Normalize(input);
            if (input is null) return null;
            if (input is string s)
            {
                char[] chars = s.ToCharArray();
                Array.Reverse(chars);
                return new string(chars);
            }

            if (!PebbleCollections.IsList(input)) throw new ExpressionRuntimeError($"The reverse filter needs a list, not a {PebbleValues.JavaTypeName(input)}.");
            List<object?> list = PebbleCollections.ToList(input);
            list.Reverse();
            return list;
        }

        private static object? Sort(object? input, bool descending)
        {
            input = PebbleValues.Normalize(input);
            if (input is null) return null;
            if (!PebbleCollections.IsList(input)) throw new ExpressionRuntimeError($"The sort filter needs a list, not a {PebbleValues.JavaTypeName(input)}.");
            List<object?> list = PebbleCollections.ToList(input);
            Comparison<object?> compare = (a, b) =>
            {
                if (a is string sa && b is string sb) return string.CompareOrdinal(sa, sb);
                if (PebbleValues.IsNumber(a) && PebbleValues.IsNumber(b)) return PebbleValues.CompareNumbers(a!, b!);
                if (a is bool ba && b is bool bb) return ba.CompareTo(bb);
                if (a is DateTimeOffset da && b is DateTimeOffset db) return da.CompareTo(db);
                throw new ExpressionRuntimeError($"Cannot compare {PebbleValues.JavaTypeName(a)} with {PebbleValues.JavaTypeName(b)} while sorting.");
            };

            // A stable merge sort, like Java's Collections.sort (List.Sort is not stable).
            object?[] items = list.ToArray();
            MergeSort(items, new object?[items.Length], 0, items.Length, descending ? (a, b) => compare(b, a) : compare);
            return new List<object?>(items);
        }

        private static void MergeSort(object?[] items, object?[] buffer, int start, int end, Comparison<object?> compare)
        {
            if (end - start < 2) return;
            int middle = (start + end) / 2;
            MergeSort(items, buffer, start, middle, compare);
            MergeSort(items, buffer, middle, end, compare);
            int i = start, j = middle, k = start;
            while (i < middle && j < end) buffer[k++] = compare(items[j], items[i]) < 0 ? items[j++] : items[i++];
            while (i < middle) buffer[k++] = items[i++];
            while (j < end) buffer[k++] = items[j++];
            Array.Copy(buffer, start, items, start, end - start);
        }

        private static object? Sha256(object? input, in ArgValues args, EvaluationContext context)
        {
            if (input is null) return null;
            using (SHA256 sha = SHA256.Create())
            {
                byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(PebbleValues.ToJavaString(input)));
                var sb = new StringBuilder(64);
                foreach (byte b in hash) sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
                return sb.ToString();
            }
        }

        private static object? Split(object? input, in ArgValues args, EvaluationContext context)
        {
            if (input is null) return null;
            if (args.A0 is null) throw new ExpressionRuntimeError("missing delimiter parameter in split filter");
            int limit = 0;
            if (args.A1 != null && !PebbleValues.TryToInt(args.A1, out limit))
            {
                throw new ExpressionRuntimeError("Argument limit must be a number. Actual type: " + PebbleValues.JavaTypeName(args.A1));
            }

            return JavaStrings.Split(PebbleValues.ToJavaString(input), PebbleValues.ToJavaString(args.A0), limit, context.Options.RegexTimeout);
        }
    }
}
