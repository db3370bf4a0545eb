using System;
using System.Globalization;
using System.Text;
using CallbackLab.Core.Expressions.Values;

namespace CallbackLab.Core.Expressions.Runtime.Filters
{
    /// <summary>Pebble's number filters: abs and numberformat (Java's DecimalFormat, en-US).</summary>
    internal static class NumberFilters
    {
        public static FilterCatalog WithNumberFilters(this FilterCatalog catalog) => catalog
            .Add("abs", null, Abs)
            .Add("numberformat", new[] { "format" }, NumberFormat);

        private static object? Abs(object? input, in ArgValues args, EvaluationContext context)
        {
            switch (input)
            {
                case null: throw new ExpressionRuntimeError("Can not pass null value to \"abs\" filter.");
                case long l: return JavaNumbers.Box(l == long.MinValue ? l : Math.Abs(l));
                case double d: return Math.Abs(d);
                case JavaBigDecimal m: return m.Abs();
                default: throw new ExpressionRuntimeError("The 'abs' filter does require as input a number.");
            }
        }

        /// <summary>
        /// Java's DecimalFormat: the number is rounded half-even on its exact value (a double's binary value, so 0.135
        /// rounds up), scaled for % and ‰, then laid out by the pattern (grouping, literals, negative part, exponent).
        /// </summary>
        private static object? NumberFormat(object? input, in ArgValues args, EvaluationContext context)
        {
            object? number = input;
            if (number is null) return null;
            if (!PebbleValues.IsNumber(number)) throw new ExpressionRuntimeError("The input for the 'NumberFormat' filter has to be a number.");
            string pattern = args.A0 is null ? "#,##0.###" : PebbleValues.ToJavaString(args.A0);

            JavaBigDecimal exact = number is long l ? JavaBigDecimal.FromLong(l)
                : number is JavaBigDecimal m ? m
                : JavaBigDecimal.FromDoubleExact((double)number);
            string positive = PositivePart(pattern);

            // .NET's format scales for % and ‰ itself: round at the digits that will show after the scaling.
            int scaleDigits = Contains(positive, '%') ? 2 : Contains(positive, '\u2030') ? 3 : 0;

            string netPattern = ToNetPattern(pattern);
            try
            {
                if (positive.IndexOf('E') >= 0) return exact.ToDouble().ToString(netPattern, CultureInfo.InvariantCulture);
                JavaBigDecimal rounded = exact.RoundToScale(FractionDigits(positive) + scaleDigits);
                return decimal.Parse(rounded.ToPlainString(), NumberStyles.Float, CultureInfo.InvariantCulture).ToString(netPattern, CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is FormatException || ex is OverflowException)
            {
                throw new ExpressionRuntimeError($"Malformed pattern \"{pattern}\"", ex);
            }
        }

        private static bool Contains(string pattern, char symbol)
        {
            bool quoted = false;
            foreach (char c in pattern)
            {
                if (c == '\'') quoted = !quoted;
                else if (!quoted && c == symbol) return true;
            }

            return false;
        }

        private static string PositivePart(string pattern)
        {
            bool quoted = false;
            for (int i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] == '\'') quoted = !quoted;
                else if (!quoted && pattern[i] == ';') return pattern.Substring(0, i);
            }

            return pattern;
        }

        private static int FractionDigits(string positive)
        {
            int dot = -1;
            bool quoted = false;
            for (int i = 0; i < positive.Length; i++)
            {
                if (positive[i] == '\'') quoted = !quoted;
                else if (!quoted && positive[i] == '.') { dot = i; break; }
            }

            int digits = 0;
            if (dot < 0) return 0;
            for (int i = dot + 1; i < positive.Length && (positive[i] == '0' || positive[i] == '#'); i++) digits++;
            return digits;
        }

        /// <summary>
        /// Java prints a zero integer part ("0.1" for <c>#.#</c>, "0" for <c>#</c>) where .NET prints nothing: the last '#' of
        /// an integer part without any '0' becomes '0'.
        /// </summary>
        private static bool IsLastIntegerHash(string pattern, int index)
        {
            int end = index + 1;
            while (end < pattern.Length && (pattern[end] == '#' || pattern[end] == ',')) end++;
            if (end < pattern.Length && pattern[end] == '0') return false;
            if (end < pattern.Length && pattern[end] == '#') return false;
            int start = index;
            while (start > 0 && (pattern[start - 1] == '#' || pattern[start - 1] == ',')) start--;
            if (start > 0 && pattern[start - 1] == '.') return false;
            return true;
        }

        /// <summary>Java's pattern in .NET's custom format syntax: the currency sign becomes "$" (en-US), quotes stay literals.</summary>
        private static string ToNetPattern(string pattern)
        {
            var sb = new StringBuilder(pattern.Length + 4);
            bool quoted = false;
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '\'')
                {
                    if (i + 1 < pattern.Length && pattern[i + 1] == '\'') { sb.Append("\\'"); i++; continue; }
                    quoted = !quoted;
                    sb.Append('"');
                    continue;
                }

                if (!quoted && c == '\u00A4') sb.Append("\"$\"");
                else if (!quoted && c == '#' && IsLastIntegerHash(pattern, i)) sb.Append('0');
                else if (quoted && c == '"') sb.Append("\"\\\"\"");
                else sb.Append(c);
            }

            return sb.ToString();
        }
    }
}
