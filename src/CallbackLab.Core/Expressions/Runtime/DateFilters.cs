using System;

namespace CallbackLab.Core.Expressions.Runtime
{
    /// <summary>The <c>date</c> filter (Pebble) and the <c>epoch</c> filter (WxCC).</summary>
    internal static class DateFilters
    {
        /// <summary>
        /// <c>date(format, existingFormat=, timeZone=)</c>: formats a date-time, epoch milliseconds, or a string read with
        /// <c>existingFormat</c> (ISO 8601 when absent), using a Java pattern.
        /// </summary>
        public static object? Date(object? input, in ArgValues args, EvaluationContext context)
        {
            input = PebbleValues.Normalize(input);
            if (input is null) return null;
            string? existingFormat = args.A1 is null ? null : PebbleValues.ToJavaString(args.A1);
            DateTimeOffset moment = ToMoment(input, existingFormat);
            if (args.A2 != null) moment = ToZone(moment, PebbleValues.ToJavaString(args.A2));
            if (args.A0 is null) return JavaDateTime.ToJavaString(moment);
            return JavaDateTime.Format(moment, PebbleValues.ToJavaString(args.A0));
        }

        /// <summary><c>epoch(inMillis=false, format=)</c>: seconds (or milliseconds) since 1970-01-01T00:00Z.</summary>
        public static object? Epoch(object? input, in ArgValues args, EvaluationContext context)
        {
            input = PebbleValues.Normalize(input);
            if (input is null) return null;
            object? inMillisArg = PebbleValues.Normalize(args.A0);
            bool inMillis = inMillisArg is bool b ? b : inMillisArg is string s && string.Equals(s, "true", StringComparison.OrdinalIgnoreCase);
            string? format = args.A1 is null ? null : PebbleValues.ToJavaString(args.A1);
            DateTimeOffset moment = ToMoment(input, format);
            return JavaNumbers.Box(inMillis ? moment.ToUnixTimeMilliseconds() : moment.ToUnixTimeSeconds());
        }

        private static DateTimeOffset ToMoment(object input, string? pattern)
        {
            switch (input)
            {
                case DateTimeOffset dto: return dto;
                case long millis:
                    try
                    {
                        return DateTimeOffset.FromUnixTimeMilliseconds(millis);
                    }
                    catch (ArgumentOutOfRangeException ex)
                    {
                        throw new ExpressionRuntimeError($"{millis} is out of the range of dates.", ex);
                    }

                case string text:
                    if (pattern != null)
                    {
                        if (JavaDateTime.TryParseExact(text, pattern, out DateTimeOffset parsed)) return parsed;
                        throw new ExpressionRuntimeError($"Could not parse the string '{text}' into a date with the format '{pattern}'.");
                    }

                    if (JavaDateTime.TryParseFlexible(text, out DateTimeOffset flexible)) return flexible;
                    throw new ExpressionRuntimeError($"Could not parse the string '{text}' into a date; give its format.");
                default:
                    throw new ExpressionRuntimeError($"Unsupported argument type: {PebbleValues.JavaTypeName(input)}");
            }
        }

        private static DateTimeOffset ToZone(DateTimeOffset moment, string zone)
        {
            if (string.Equals(zone, "UTC", StringComparison.OrdinalIgnoreCase) || zone == "Z" || string.Equals(zone, "GMT", StringComparison.OrdinalIgnoreCase))
            {
                return moment.ToUniversalTime();
            }

            if ((zone.StartsWith("+", StringComparison.Ordinal) || zone.StartsWith("-", StringComparison.Ordinal))
                && TimeSpan.TryParse(zone.Substring(1), System.Globalization.CultureInfo.InvariantCulture, out TimeSpan offset))
            {
                return moment.ToOffset(zone[0] == '-' ? offset.Negate() : offset);
            }

            try
            {
                return TimeZoneInfo.ConvertTime(moment, TimeZoneInfo.FindSystemTimeZoneById(zone));
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException || ex is InvalidTimeZoneException)
            {
                throw new ExpressionRuntimeError($"Unknown time-zone ID: {zone}", ex);
            }
        }
    }
}
