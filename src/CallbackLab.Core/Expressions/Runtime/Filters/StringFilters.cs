using System.Collections.Generic;
using System.Text;
using CallbackLab.Core.Expressions.Values;

namespace CallbackLab.Core.Expressions.Runtime.Filters
{
    /// <summary>Pebble's string filters: abbreviate, capitalize, lower, replace, split, title, trim, upper.</summary>
    internal static class StringFilters
    {
        public static FilterCatalog WithStringFilters(this FilterCatalog catalog) => catalog
            .Add("abbreviate", new[] { "length" }, Abbreviate)
            .Add("capitalize", null, Capitalize)
            .Add("lower", null, (object? input, in ArgValues a, EvaluationContext c) => input is null ? null : JavaCaseMapping.ToLower(PebbleValues.ToJavaString(input)))
            .Add("upper", null, (object? input, in ArgValues a, EvaluationContext c) => input is null ? null : JavaCaseMapping.ToUpper(PebbleValues.ToJavaString(input)))
            .Add("replace", new[] { "replace_pairs" }, Replace)
            .Add("split", new[] { "delimiter", "limit" }, Split)
            .Add("title", null, Title)
            .Add("trim", null, (object? input, in ArgValues a, EvaluationContext c) => input is null ? null : JavaStrings.Trim(FilterInputs.AsString(input)));

        private static object? Abbreviate(object? input, in ArgValues args, EvaluationContext context)
        {
            if (input is null) return null;
            string value = FilterInputs.AsString(input);
            if (args.A0 is null)
            {
                throw new ExpressionRuntimeError("Cannot invoke \"java.lang.Long.intValue()\" because the return value of \"java.util.Map.get(Object)\" is null");
            }

            int maxWidth = FilterInputs.AsLongArgument(args.A0);
            if (maxWidth < 0) throw new ExpressionRuntimeError("Invalid argument to abbreviate filter; must be greater than zero");

            // Pebble's order of checks: a string exactly maxWidth long is still abbreviated.
            if (value.Length < maxWidth || value.Length <= 3) return value;
            if (maxWidth <= 3) return value.Substring(0, maxWidth);
            return value.Substring(0, maxWidth - 3) + "...";
        }

        private static object? Capitalize(object? input, in ArgValues args, EvaluationContext context)
        {
            if (input is null) return null;
            string value = FilterInputs.AsString(input);
            for (int i = 0; i < value.Length; i++)
            {
                if (!JavaStrings.IsWhitespace(value[i])) return value.Substring(0, i) + JavaCaseMapping.ToTitle(value[i]) + value.Substring(i + 1);
            }

            return value;
        }

        private static object? Title(object? input, in ArgValues args, EvaluationContext context)
        {
            if (input is null) return null;
            string value = FilterInputs.AsString(input);
            var sb = new StringBuilder(value.Length);
            bool capitalizeNext = true;
            foreach (char c in value)
            {
                if (JavaStrings.IsWhitespace(c))
                {
                    capitalizeNext = true;
                    sb.Append(c);
                }
                else if (capitalizeNext)
                {
                    sb.Append(JavaCaseMapping.ToTitle(c));
                    capitalizeNext = false;
                }
                else
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }

        /// <summary>Pebble's ReplaceFilter: one map argument; each key replaced literally, in the map's order.</summary>
        private static object? Replace(object? input, in ArgValues args, EvaluationContext context)
        {
            if (input is null) return null;
            object? pairs = args.A0;
            if (pairs is null) throw new ExpressionRuntimeError("The argument 'replace_pairs' is required.");
            if (!PebbleCollections.IsMap(pairs)) throw JavaErrors.CastFailure(pairs, "java.util.Map");

            string data = PebbleValues.ToJavaString(input);
            foreach (KeyValuePair<object?, object?> e in PebbleCollections.MapEntries(pairs))
            {
                if (e.Value is null)
                {
                    throw new ExpressionRuntimeError("Cannot invoke \"Object.toString()\" because the return value of \"java.util.Map$Entry.getValue()\" is null");
                }

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

        /// <summary>Pebble's SplitFilter: a regular expression delimiter and an optional Number limit; the result is a Java array.</summary>
        private static object? Split(object? input, in ArgValues args, EvaluationContext context)
        {
            if (input is null) return null;
            if (args.A0 is null) throw new ExpressionRuntimeError("missing delimiter parameter in split filter");
            string text = FilterInputs.AsString(input);
            string delimiter = FilterInputs.AsString(args.A0);
            int limit = 0;
            if (args.A1 != null)
            {
                if (!PebbleValues.TryToInt(args.A1, out limit)) throw JavaErrors.CastFailure(args.A1, "java.lang.Number");
            }

            return new JavaArray(JavaStrings.Split(text, delimiter, limit, context.Options.RegexTimeout), "[Ljava.lang.String;");
        }
    }
}
