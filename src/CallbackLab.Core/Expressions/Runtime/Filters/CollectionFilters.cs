using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CallbackLab.Core.Expressions.Values;

namespace CallbackLab.Core.Expressions.Runtime.Filters
{
    /// <summary>Pebble's collection filters: default, first, join, last, length, merge, raw, reverse, rsort, slice, sort.</summary>
    internal static class CollectionFilters
    {
        public static FilterCatalog WithCollectionFilters(this FilterCatalog catalog) => catalog
            .Add("default", new[] { "default" }, (object? input, in ArgValues a, EvaluationContext c) => BuiltInTests.IsEmpty(input) ? a.A0 : input)
            .Add("first", null, (object? input, in ArgValues a, EvaluationContext c) => Edge(input, first: true))
            .Add("join", new[] { "separator" }, Join)
            .Add("last", null, (object? input, in ArgValues a, EvaluationContext c) => Edge(input, first: false))
            .Add("length", null, Length)
            .Add("merge", new[] { "items" }, Merge)
            .Add("raw", null, (object? input, in ArgValues a, EvaluationContext c) => input is null ? null : new SafeString(PebbleValues.ToJavaString(input)))
            .Add("reverse", null, Reverse)
            .Add("rsort", null, (object? input, in ArgValues a, EvaluationContext c) => Sort(input, descending: true))
            .Add("slice", new[] { "fromIndex", "toIndex" }, Slice)
            .Add("sort", null, (object? input, in ArgValues a, EvaluationContext c) => Sort(input, descending: false));

        /// <summary>A string gives its first (last) char; a collection its first (last) element; anything else fails Java's cast to Collection.</summary>
        private static object? Edge(object? input, bool first)
        {
            if (input is null) return null;
            if (input is string s)
            {
                if (s.Length == 0) throw new ExpressionRuntimeError($"String index out of range: {(first ? 0 : -1)}");
                return (first ? s[0] : s[s.Length - 1]).ToString();
            }

            if (!PebbleCollections.IsList(input)) throw JavaErrors.CastFailure(input, "java.util.Collection");
            List<object?> items = PebbleCollections.ToList(input);
            if (items.Count == 0) return null;
            return first ? items[0] : items[items.Count - 1];
        }

        private static object? Join(object? input, in ArgValues args, EvaluationContext context)
        {
            if (input is null) return null;
            if (!PebbleCollections.IsList(input)) throw new ExpressionRuntimeError("The 'join' filter expects that the input is either a collection or an array.");
            string separator = args.A0 is null ? string.Empty : FilterInputs.AsString(args.A0);
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

        /// <summary>Pebble's MergeFilter: a list or map merged with a list or map into a new ArrayList or HashMap.</summary>
        private static object? Merge(object? input, in ArgValues args, EvaluationContext context)
        {
            object? items = args.A0;
            if (input is null && items is null) throw new ExpressionRuntimeError("The two arguments to be merged are null");
            if (items is null) return input;
            if (input is null) return items;
            if (PebbleCollections.IsMap(input))
            {
                var map = new MapLiteral(PebbleCollections.MapCount(input));
                foreach (KeyValuePair<object?, object?> e in PebbleCollections.MapEntries(input)) map.Put(e.Key, e.Value);
                if (PebbleCollections.IsMap(items))
                {
                    foreach (KeyValuePair<object?, object?> e in PebbleCollections.MapEntries(items)) map.Put(e.Key, e.Value);
                }
                else if (PebbleCollections.IsList(items))
                {
                    foreach (object? item in PebbleCollections.ToList(items)) map.Put(item, item);
                }
                else
                {
                    throw new ExpressionRuntimeError("Currently, only Maps and Lists can be merged with a Map. Arg2: " + PebbleValues.JavaTypeName(items));
                }

                return map;
            }

            if (PebbleCollections.IsList(input))
            {
                List<object?> list = PebbleCollections.ToList(input);
                if (PebbleCollections.IsList(items)) list.AddRange(PebbleCollections.ToList(items));
                else if (PebbleCollections.IsMap(items))
                {
                    foreach (KeyValuePair<object?, object?> e in PebbleCollections.MapEntries(items)) list.Add(new MapEntry(e.Key, e.Value));
                }
                else throw new ExpressionRuntimeError("Currently, only Maps and Lists can be merged with a List. Arg2: " + PebbleValues.JavaTypeName(items));
                PebbleValues.CheckItems(list.Count, context.Options.MaxRangeSize);
                return list;
            }

            throw new ExpressionRuntimeError("The object being filtered is not a Map/List/Array");
        }

        private static object? Reverse(object? input, in ArgValues args, EvaluationContext context)
        {
            if (input is null) return null;
            if (!PebbleCollections.IsList(input) || input is JavaArray) throw JavaErrors.CastFailure(input, "java.util.List");
            List<object?> list = PebbleCollections.ToList(input);
            list.Reverse();
            return list;
        }

        /// <summary>Java's Collections.sort (or reverse order): natural ordering, so mixed types fail as compareTo's cast does.</summary>
        private static object? Sort(object? input, bool descending)
        {
            if (input is null) return null;
            if (!PebbleCollections.IsList(input) || input is JavaArray)
            {
                if (descending) throw JavaErrors.CastFailure(input, "java.util.List");
                throw new ExpressionRuntimeError("Unsupported input type for sort filter");
            }

            object?[] items = PebbleCollections.ToList(input).ToArray();
            Comparison<object?> compare = descending ? (a, b) => NaturalOrder(b, a) : (Comparison<object?>)NaturalOrder;

            // TimSort's first comparison is element 1 against element 0: a type clash surfaces there first.
            if (items.Length >= 2) compare(items[1], items[0]);
            MergeSort(items, new object?[items.Length], 0, items.Length, compare);
            return new List<object?>(items);
        }

        /// <summary><c>((Comparable) a).compareTo(b)</c> for the evaluator's values.</summary>
        private static int NaturalOrder(object? a, object? b)
        {
            if (a is null) throw new ExpressionRuntimeError("Cannot invoke \"java.lang.Comparable.compareTo(Object)\" because \"a[runHi]\" is null");
            switch (a)
            {
                case string sa:
                    if (b is string sb) return string.CompareOrdinal(sa, sb);
                    break;
                case long la:
                    if (b is null) throw new ExpressionRuntimeError("Cannot read field \"value\" because \"anotherLong\" is null");
                    if (b is long lb) return la.CompareTo(lb);
                    break;
                case double da:
                    if (b is double db) return da.CompareTo(db);
                    break;
                case bool ba:
                    if (b is bool bb) return ba.CompareTo(bb);
                    break;
                case JavaBigDecimal ma:
                    if (b is JavaBigDecimal mb) return ma.CompareTo(mb);
                    break;
                case DateTimeOffset ta:
                    if (b is DateTimeOffset tb) return ta.CompareTo(tb);
                    break;
                default:
                    throw JavaErrors.CastFailure(a, "java.lang.Comparable");
            }

            throw JavaErrors.CastFailure(b, PebbleValues.JavaTypeName(a));
        }

        // A stable merge sort, like Java's (List.Sort is not stable).
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

        /// <summary>Pebble's SliceFilter: 0-based, from inclusive, to exclusive, with its bound checks and messages.</summary>
        private static object? Slice(object? input, in ArgValues args, EvaluationContext context)
        {
            if (input is null) return null;
            object? argFrom = args.A0;
            object? argTo = args.A1;
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
    }
}
