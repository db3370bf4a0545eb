using System;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace CallbackLab.Core.Expressions.Values
{
    /// <summary>
    /// Java's <c>java.math.BigDecimal</c>, as far as Pebble uses it: an unscaled integer and a scale (2.50 is 250 and 2, and
    /// prints "2.50"), exact addition and subtraction, and multiplication, division and remainder rounded to 34 digits
    /// half-even (<c>MathContext.DECIMAL128</c>). JSON numbers with a fraction arrive as this type.
    /// </summary>
    internal sealed class JavaBigDecimal : IComparable<JavaBigDecimal>
    {
        /// <summary>The precision of <c>MathContext.DECIMAL128</c>.</summary>
        public const int Decimal128Digits = 34;

        private static readonly BigInteger s_ten = new BigInteger(10);

        public JavaBigDecimal(BigInteger unscaled, int scale)
        {
            Unscaled = unscaled;
            Scale = scale;
        }

        public BigInteger Unscaled { get; }

        public int Scale { get; }

        public int Sign => Unscaled.Sign;

        /// <summary>The number of decimal digits of the unscaled value (1 for zero), Java's <c>precision()</c>.</summary>
        public int Precision => DigitCount(Unscaled);

        /// <summary>Java's <c>new BigDecimal(String)</c>: optional sign, digits with an optional point, optional exponent.</summary>
        public static bool TryParse(string text, out JavaBigDecimal? value)
        {
            value = null;
            if (string.IsNullOrEmpty(text)) return false;
            int i = 0;
            bool negative = false;
            if (text[0] == '+' || text[0] == '-')
            {
                negative = text[0] == '-';
                i++;
            }

            var digits = new StringBuilder(text.Length);
            int scale = 0;
            bool seenPoint = false;
            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (c >= '0' && c <= '9')
                {
                    digits.Append(c);
                    if (seenPoint) scale++;
                }
                else if (c == '.' && !seenPoint)
                {
                    seenPoint = true;
                }
                else
                {
                    break;
                }
            }

            if (digits.Length == 0) return false;
            if (i < text.Length)
            {
                if (text[i] != 'e' && text[i] != 'E') return false;
                if (!int.TryParse(text.Substring(i + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int exponent)) return false;
                scale -= exponent;
            }

            BigInteger unscaled = BigInteger.Parse(digits.ToString(), CultureInfo.InvariantCulture);
            value = new JavaBigDecimal(negative ? -unscaled : unscaled, scale);
            return true;
        }

        public static JavaBigDecimal Parse(string text) =>
            TryParse(text, out JavaBigDecimal? value) ? value! : throw new FormatException($"'{text}' is not a decimal number.");

        /// <summary>Java's <c>BigDecimal.valueOf(double)</c>: the decimal of <c>Double.toString</c>.</summary>
        /// <exception cref="ArithmeticException">NaN or an infinity, as Java's NumberFormatException("Infinite or NaN").</exception>
        public static JavaBigDecimal FromDouble(double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value)) throw new ArithmeticException("Infinite or NaN");
            return Parse(Runtime.JavaNumbers.DoubleToString(value));
        }

        public static JavaBigDecimal FromLong(long value) => new JavaBigDecimal(value, 0);

        /// <summary>Java's <c>new BigDecimal(double)</c>: the exact binary value of the double.</summary>
        public static JavaBigDecimal FromDoubleExact(double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value)) throw new ArithmeticException("Infinite or NaN");
            long bits = BitConverter.DoubleToInt64Bits(value);
            bool negative = bits < 0;
            int exponent = (int)((bits >> 52) & 0x7FF);
            long mantissa = bits & 0xFFFFFFFFFFFFFL;
            if (exponent == 0) exponent++;
            else mantissa |= 1L << 52;
            exponent -= 1075;
            BigInteger unscaled = mantissa;
            int scale = 0;
            if (exponent > 0) unscaled <<= exponent;
            else if (exponent < 0)
            {
                unscaled *= BigInteger.Pow(5, -exponent);
                scale = -exponent;
            }

            return StripZerosTo(new JavaBigDecimal(negative ? -unscaled : unscaled, scale), 0);
        }

        /// <summary><c>setScale(scale, HALF_EVEN)</c>.</summary>
        public JavaBigDecimal RoundToScale(int scale)
        {
            if (scale >= Scale) return new JavaBigDecimal(Rescaled(scale), scale);
            BigInteger divisor = BigInteger.Pow(s_ten, Scale - scale);
            BigInteger kept = BigInteger.DivRem(BigInteger.Abs(Unscaled), divisor, out BigInteger dropped);
            int half = (dropped * 2).CompareTo(divisor);
            if (half > 0 || (half == 0 && !kept.IsEven)) kept += 1;
            return new JavaBigDecimal(Unscaled.Sign < 0 ? -kept : kept, scale);
        }

        /// <summary>A .NET decimal keeps its scale (2.50m is 250 with scale 2), as a BigDecimal does.</summary>
        public static JavaBigDecimal FromDecimal(decimal value)
        {
            int[] bits = decimal.GetBits(value);
            var magnitude = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
            int scale = (bits[3] >> 16) & 0xFF;
            return new JavaBigDecimal(bits[3] < 0 ? -magnitude : magnitude, scale);
        }

        public JavaBigDecimal Add(JavaBigDecimal other)
        {
            int scale = Math.Max(Scale, other.Scale);
            return new JavaBigDecimal(Rescaled(scale) + other.Rescaled(scale), scale);
        }

        public JavaBigDecimal Subtract(JavaBigDecimal other) => Add(other.Negate());

        public JavaBigDecimal Negate() => new JavaBigDecimal(-Unscaled, Scale);

        public JavaBigDecimal Abs() => Unscaled.Sign < 0 ? Negate() : this;

        /// <summary><c>multiply(other, DECIMAL128)</c>: the exact product rounded to 34 digits.</summary>
        public JavaBigDecimal Multiply(JavaBigDecimal other) => Round(new JavaBigDecimal(Unscaled * other.Unscaled, Scale + other.Scale), Decimal128Digits);

        /// <summary>
        /// <c>divide(other, DECIMAL128)</c>: the quotient rounded to 34 digits, then with trailing zeros dropped down to the
        /// preferred scale (this scale minus the divisor's), as Java does for an exact quotient.
        /// </summary>
        /// <exception cref="ArithmeticException">Division by zero ("Division undefined" for 0/0), with Java's words.</exception>
        public JavaBigDecimal Divide(JavaBigDecimal divisor)
        {
            if (divisor.Sign == 0) throw new ArithmeticException(Sign == 0 ? "Division undefined" : "Division by zero");
            int preferredScale = Scale - divisor.Scale;
            if (Sign == 0) return new JavaBigDecimal(BigInteger.Zero, ClampScale(preferredScale));

            // Enough extra digits that the quotient has more than 34 significant digits before rounding.
            int shift = Math.Max(0, Decimal128Digits + 3 - (Precision - divisor.Precision));
            BigInteger numerator = Unscaled * BigInteger.Pow(s_ten, shift);
            BigInteger quotient = BigInteger.DivRem(numerator, divisor.Unscaled, out BigInteger remainder);
            int scale = preferredScale + shift;
            var rounded = RoundSticky(quotient, scale, remainder.IsZero ? 0 : 1, Decimal128Digits);
            if (!remainder.IsZero) return rounded;
            return StripZerosTo(rounded, preferredScale);
        }

        /// <summary><c>remainder(other, DECIMAL128)</c>: this minus the truncated quotient times the divisor.</summary>
        public JavaBigDecimal Remainder(JavaBigDecimal divisor)
        {
            if (divisor.Sign == 0) throw new ArithmeticException(Sign == 0 ? "Division undefined" : "Division by zero");
            int preferredScale = Scale - divisor.Scale;
            int common = Math.Max(Scale, divisor.Scale);
            BigInteger integral = BigInteger.Divide(Rescaled(common), divisor.Rescaled(common));
            JavaBigDecimal quotient = preferredScale >= 0
                ? new JavaBigDecimal(integral * BigInteger.Pow(s_ten, preferredScale), preferredScale)
                : StripZerosTo(new JavaBigDecimal(integral, 0), preferredScale);
            return Subtract(new JavaBigDecimal(quotient.Unscaled * divisor.Unscaled, quotient.Scale + divisor.Scale));
        }

        public int CompareTo(JavaBigDecimal? other)
        {
            if (other is null) return 1;
            int scale = Math.Max(Scale, other.Scale);
            return Rescaled(scale).CompareTo(other.Rescaled(scale));
        }

        public double ToDouble() => double.Parse(ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);

        /// <summary>Java's <c>longValue()</c>: the integer part, wrapped to 64 bits.</summary>
        public long ToLong()
        {
            BigInteger integral = Scale <= 0 ? Unscaled * BigInteger.Pow(s_ten, -Scale) : BigInteger.Divide(Unscaled, BigInteger.Pow(s_ten, Scale));
            return (long)(ulong)(integral & ulong.MaxValue);
        }

        public override bool Equals(object? obj) => obj is JavaBigDecimal other && other.Scale == Scale && other.Unscaled == Unscaled;

        public override int GetHashCode() => Unscaled.GetHashCode() * 31 + Scale;

        /// <summary>Java's <c>toString()</c>: plain unless the exponent is positive or the value is below 10^-6, then scientific.</summary>
        public override string ToString()
        {
            string digits = BigInteger.Abs(Unscaled).ToString(CultureInfo.InvariantCulture);
            string sign = Unscaled.Sign < 0 ? "-" : string.Empty;
            long adjusted = -(long)Scale + (digits.Length - 1);
            if (Scale >= 0 && adjusted >= -6) return sign + Plain(digits, Scale);
            var sb = new StringBuilder(sign).Append(digits[0]);
            if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
            if (adjusted != 0) sb.Append('E').Append(adjusted > 0 ? "+" : string.Empty).Append(adjusted.ToString(CultureInfo.InvariantCulture));
            return sb.ToString();
        }

        /// <summary>Java's <c>toPlainString()</c>, which Pebble uses to print a BigDecimal.</summary>
        public string ToPlainString()
        {
            string digits = BigInteger.Abs(Unscaled).ToString(CultureInfo.InvariantCulture);
            string sign = Unscaled.Sign < 0 ? "-" : string.Empty;
            if (Scale < 0) return Unscaled.IsZero ? "0" : sign + digits + new string('0', -Scale);
            return sign + Plain(digits, Scale);
        }

        private static string Plain(string digits, int scale)
        {
            if (scale == 0) return digits;
            if (digits.Length > scale) return digits.Substring(0, digits.Length - scale) + "." + digits.Substring(digits.Length - scale);
            return "0." + new string('0', scale - digits.Length) + digits;
        }

        private BigInteger Rescaled(int scale) => scale == Scale ? Unscaled : Unscaled * BigInteger.Pow(s_ten, scale - Scale);

        private static int ClampScale(long scale) => scale > int.MaxValue ? int.MaxValue : scale < int.MinValue ? int.MinValue : (int)scale;

        private static int DigitCount(BigInteger value)
        {
            BigInteger abs = BigInteger.Abs(value);
            return abs.IsZero ? 1 : abs.ToString(CultureInfo.InvariantCulture).Length;
        }

        private static JavaBigDecimal Round(JavaBigDecimal value, int digits) => RoundSticky(value.Unscaled, value.Scale, 0, digits);

        /// <summary>Rounds to <paramref name="digits"/> significant digits, half-even; <paramref name="sticky"/> marks discarded non-zero digits beyond the value.</summary>
        private static JavaBigDecimal RoundSticky(BigInteger unscaled, int scale, int sticky, int digits)
        {
            int excess = DigitCount(unscaled) - digits;
            if (excess <= 0) return new JavaBigDecimal(unscaled, scale);
            BigInteger divisor = BigInteger.Pow(s_ten, excess);
            BigInteger kept = BigInteger.DivRem(BigInteger.Abs(unscaled), divisor, out BigInteger dropped);
            BigInteger twice = dropped * 2;
            int half = twice.CompareTo(divisor);
            if (half == 0 && sticky != 0) half = 1;
            if (half > 0 || (half == 0 && !kept.IsEven)) kept += 1;
            if (unscaled.Sign < 0) kept = -kept;
            var result = new JavaBigDecimal(kept, scale - excess);

            // A carry can add a digit (999.. -> 1000..): drop it again.
            return DigitCount(kept) > digits ? new JavaBigDecimal(kept / s_ten, result.Scale - 1) : result;
        }

        private static JavaBigDecimal StripZerosTo(JavaBigDecimal value, int preferredScale)
        {
            BigInteger unscaled = value.Unscaled;
            int scale = value.Scale;
            while (scale > preferredScale && !unscaled.IsZero)
            {
                BigInteger q = BigInteger.DivRem(unscaled, s_ten, out BigInteger r);
                if (!r.IsZero) break;
                unscaled = q;
                scale--;
            }

            return new JavaBigDecimal(unscaled, scale);
        }
    }
}
