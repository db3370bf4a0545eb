using System;
using System.Globalization;

namespace CallbackLab.Core.Expressions.Runtime
{
    /// <summary>Number printing and parsing the way Java does it (<c>Double.toString</c>, <c>Long.parseLong</c>).</summary>
    internal static class JavaNumbers
    {
        private static readonly object[] s_smallLongs = CreateSmallLongs();

        /// <summary>Boxes a long, reusing boxes for small values so hot loops do not allocate.</summary>
        public static object Box(long value) => value >= -128 && value < 1024 ? s_smallLongs[value + 128] : value;

        private static object[] CreateSmallLongs()
        {
            var boxes = new object[1024 + 128];
            for (int i = 0; i < boxes.Length; i++) boxes[i] = (long)(i - 128);
            return boxes;
        }

        /// <summary>Java's <c>Double.toString</c>: plain between 10^-3 and 10^7, otherwise computerized scientific notation.</summary>
        public static string DoubleToString(double value)
        {
            if (double.IsNaN(value)) return "NaN";
            if (double.IsPositiveInfinity(value)) return "Infinity";
            if (double.IsNegativeInfinity(value)) return "-Infinity";
            if (value == 0) return 1 / value < 0 ? "-0.0" : "0.0";

            // "R" is the shortest text that round-trips, as Java's algorithm produces; take its digits and exponent apart.
            string r = Math.Abs(value).ToString("E16", CultureInfo.InvariantCulture);
            string shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
            Decompose(shortest, out string digits, out int exponent);
            if (digits.Length == 0) Decompose(r, out digits, out exponent);

            string sign = value < 0 ? "-" : string.Empty;
            double abs = Math.Abs(value);
            if (abs >= 1e-3 && abs < 1e7)
            {
                // exponent = position of the decimal point after the first digit (scientific exponent).
                int pointAt = exponent + 1;
                string intPart;
                string fracPart;
                if (pointAt <= 0)
                {
                    intPart = "0";
                    fracPart = new string('0', -pointAt) + digits;
                }
                else if (pointAt >= digits.Length)
                {
                    intPart = digits + new string('0', pointAt - digits.Length);
                    fracPart = "0";
                }
                else
                {
                    intPart = digits.Substring(0, pointAt);
                    fracPart = digits.Substring(pointAt);
                }

                return sign + intPart + "." + fracPart;
            }

            string mantissa = digits.Length == 1 ? digits + ".0" : digits.Substring(0, 1) + "." + digits.Substring(1);
            return sign + mantissa + "E" + exponent.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>Splits a positive invariant number text into significant digits and the scientific exponent.</summary>
        private static void Decompose(string text, out string digits, out int exponent)
        {
            int e = 0;
            int ePos = text.IndexOfAny(new[] { 'E', 'e' });
            string mantissa = text;
            if (ePos >= 0)
            {
                e = int.Parse(text.Substring(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                mantissa = text.Substring(0, ePos);
            }

            int dot = mantissa.IndexOf('.');
            string intDigits = dot < 0 ? mantissa : mantissa.Substring(0, dot);
            string fracDigits = dot < 0 ? string.Empty : mantissa.Substring(dot + 1);
            string all = intDigits + fracDigits;
            int firstNonZero = 0;
            while (firstNonZero < all.Length && all[firstNonZero] == '0') firstNonZero++;
            string trimmed = all.Substring(firstNonZero).TrimEnd('0');
            digits = trimmed.Length == 0 ? "0" : trimmed;
            exponent = e + intDigits.Length - 1 - firstNonZero;
        }

        /// <summary>Parses a number the way the arithmetic operators accept numeric strings: a long, else a double.</summary>
        public static bool TryParseNumber(string text, out object? number)
        {
            string t = text.Trim();
            if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
            {
                number = Box(l);
                return true;
            }

            if (t.Length > 0 && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
            {
                number = d;
                return true;
            }

            number = null;
            return false;
        }

        /// <summary>Java's <c>Long.parseLong</c>: an optional sign and decimal digits, nothing else.</summary>
        /// <exception cref="ExpressionRuntimeError">Java's NumberFormatException text.</exception>
        public static long ParseLong(string text)
        {
            bool digitsOnly = text.Length > 0;
            for (int i = 0; i < text.Length && digitsOnly; i++)
            {
                char c = text[i];
                digitsOnly = (c >= '0' && c <= '9') || (i == 0 && (c == '+' || c == '-') && text.Length > 1);
            }

            if (digitsOnly && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)) return value;
            throw new ExpressionRuntimeError($"For input string: \"{text}\"");
        }

        /// <summary>Java's <c>Double.parseDouble</c>: trims, accepts a trailing f/F/d/D, Infinity and NaN.</summary>
        /// <exception cref="ExpressionRuntimeError">Java's NumberFormatException text.</exception>
        public static double ParseDouble(string text)
        {
            string t = JavaStrings.Trim(text);
            if (t.Length == 0) throw new ExpressionRuntimeError("empty String");
            string body = t;
            char last = body[body.Length - 1];
            if (last == 'f' || last == 'F' || last == 'd' || last == 'D') body = body.Substring(0, body.Length - 1);
            string unsigned = body.TrimStart('+', '-');
            bool negative = body.StartsWith("-", StringComparison.Ordinal);
            if (unsigned == "Infinity" && body.Length - unsigned.Length <= 1) return negative ? double.NegativeInfinity : double.PositiveInfinity;
            if (unsigned == "NaN" && body.Length - unsigned.Length <= 1) return double.NaN;
            bool shapeOk = body.Length > 0 && body.Length - unsigned.Length <= 1;
            foreach (char c in unsigned)
            {
                if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) shapeOk = false;
            }

            if (shapeOk && double.TryParse(body, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)) return value;
            throw new ExpressionRuntimeError($"For input string: \"{t}\"");
        }
    }
}
