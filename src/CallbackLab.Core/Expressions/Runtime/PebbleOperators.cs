using System;
using System.Collections.Generic;
using System.Globalization;
using CallbackLab.Core.Expressions.Values;

namespace CallbackLab.Core.Expressions.Runtime
{
    /// <summary>Pebble's arithmetic operations (the names appear in its messages).</summary>
    internal enum ArithmeticOperation
    {
        Add,
        Subtract,
        Multiplication,
        Division,
        Modulus,
    }

    /// <summary>Pebble's relational comparisons (the names appear in its messages).</summary>
    internal enum ComparisonOperation
    {
        GreaterThan,
        GreaterThanEquals,
        LessThan,
        LessThanEquals,
    }

    /// <summary>
    /// Pebble 4.1.2's <c>OperatorUtils</c>: operands become numbers (a string is parsed: as a double when it holds '.', 'e'
    /// or 'E', else as a long), a BigDecimal operand makes both <c>BigDecimal.valueOf(doubleValue())</c>, a double makes
    /// both doubles, otherwise longs. Comparisons compare doubles and never parse strings.
    /// </summary>
    internal static class PebbleOperators
    {
        /// <summary><c>+</c>: concatenation when either side is a string, a copy of a list with the other appended, else numeric.</summary>
        public static object? Add(object? a, object? b, int maxLength, int maxItems)
        {
            if (a is string || b is string)
            {
                string left = PebbleValues.ToJavaString(a);
                string right = PebbleValues.ToJavaString(b);
                PebbleValues.CheckLength((long)left.Length + right.Length, maxLength);
                return string.Concat(left, right);
            }

            if (PebbleCollections.IsList(a))
            {
                List<object?> list = PebbleCollections.ToList(a!);
                if (PebbleCollections.IsList(b)) list.AddRange(PebbleCollections.ToList(b!));
                else list.Add(b);
                PebbleValues.CheckItems(list.Count, maxItems);
                return list;
            }

            return Arithmetic(ArithmeticOperation.Add, a, b);
        }

        /// <summary><c>-</c>: a copy of a list without the other value(s) (Java's <c>remove</c>/<c>removeAll</c>), else numeric.</summary>
        public static object Subtract(object? a, object? b)
        {
            if (!PebbleCollections.IsList(a)) return Arithmetic(ArithmeticOperation.Subtract, a, b);
            List<object?> result = PebbleCollections.ToList(a!);
            if (PebbleCollections.IsList(b))
            {
                foreach (object? item in PebbleCollections.ToList(b!)) result.RemoveAll(x => PebbleValues.JavaObjectEquals(x, item));
            }
            else
            {
                int index = result.FindIndex(x => PebbleValues.JavaObjectEquals(x, b));
                if (index >= 0) result.RemoveAt(index);
            }

            return result;
        }

        public static object Arithmetic(ArithmeticOperation operation, object? a, object? b)
        {
            object x = ToNumber(a);
            object y = ToNumber(b);
            if (x is JavaBigDecimal || y is JavaBigDecimal)
            {
                JavaBigDecimal p = JavaBigDecimal.FromDouble(PebbleValues.ToDouble(x));
                JavaBigDecimal q = JavaBigDecimal.FromDouble(PebbleValues.ToDouble(y));
                switch (operation)
                {
                    case ArithmeticOperation.Add: return p.Add(q);
                    case ArithmeticOperation.Subtract: return p.Subtract(q);
                    case ArithmeticOperation.Multiplication: return p.Multiply(q);
                    case ArithmeticOperation.Division: return p.Divide(q);
                    default: return p.Remainder(q);
                }
            }

            if (x is double || y is double)
            {
                double p = PebbleValues.ToDouble(x);
                double q = PebbleValues.ToDouble(y);
                switch (operation)
                {
                    case ArithmeticOperation.Add: return p + q;
                    case ArithmeticOperation.Subtract: return p - q;
                    case ArithmeticOperation.Multiplication: return p * q;
                    case ArithmeticOperation.Division: return p / q;
                    default: return p % q;
                }
            }

            long m = (long)x;
            long n = (long)y;
            switch (operation)
            {
                case ArithmeticOperation.Add: return JavaNumbers.Box(unchecked(m + n));
                case ArithmeticOperation.Subtract: return JavaNumbers.Box(unchecked(m - n));
                case ArithmeticOperation.Multiplication: return JavaNumbers.Box(unchecked(m * n));
                case ArithmeticOperation.Division:
                    if (n == 0) throw new ArithmeticException("/ by zero");
                    return JavaNumbers.Box(n == -1 ? unchecked(-m) : m / n);
                default:
                    if (n == 0) throw new ArithmeticException("/ by zero");
                    return JavaNumbers.Box(n == -1 ? 0 : m % n);
            }
        }

        /// <summary>Relational comparison: false when either side is null; both must be numbers (their double values compare).</summary>
        public static bool Compare(ComparisonOperation comparison, object? a, object? b)
        {
            if (a is null || b is null) return false;
            if (!PebbleValues.IsNumber(a) || !PebbleValues.IsNumber(b))
            {
                throw new ExpressionRuntimeError($"invalid operands for mathematical comparison [{JavaName(comparison)}]");
            }

            double x = PebbleValues.ToDouble(a);
            double y = PebbleValues.ToDouble(b);
            switch (comparison)
            {
                case ComparisonOperation.GreaterThan: return x > y;
                case ComparisonOperation.GreaterThanEquals: return x >= y;
                case ComparisonOperation.LessThan: return x < y;
                default: return x <= y;
            }
        }

        /// <summary>Pebble's <c>OperatorUtils.toNumber</c>.</summary>
        public static object ToNumber(object? value)
        {
            if (PebbleValues.IsNumber(value)) return value!;
            if (value is string s)
            {
                if (s.IndexOf('.') >= 0 || s.IndexOf('e') >= 0 || s.IndexOf('E') >= 0) return JavaNumbers.ParseDouble(s);
                return JavaNumbers.Box(JavaNumbers.ParseLong(s));
            }

            throw new ExpressionRuntimeError("Cannot convert to Number: " + PebbleValues.ToJavaString(value));
        }

        private static string JavaName(ComparisonOperation comparison)
        {
            switch (comparison)
            {
                case ComparisonOperation.GreaterThan: return "GREATER_THAN";
                case ComparisonOperation.GreaterThanEquals: return "GREATER_THAN_EQUALS";
                case ComparisonOperation.LessThan: return "LESS_THAN";
                default: return "LESS_THAN_EQUALS";
            }
        }
    }
}
