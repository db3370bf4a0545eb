using System;

namespace CallbackLab.Core.Expressions.Runtime
{
    /// <summary>The <c>date</c> filter (Pebble) and the <c>epoch</c> filter (WxCC).</summary>
    internal static class DateFilters
    {
        public static Filters.FilterCatalog WithDateFilters(this Filters.FilterCatalog catalog) =>
            catalog.Add("date", new[] { "format", "existingFormat", "timeZone" }, Date);

        /// <summary>Pebble's pattern for dates given as epoch milliseconds or strings.</summary>
        private const string LegacyPattern = "yyyy-MM-dd'T'HH:mm:ssZ";

        /// <summary>
        /// Pebble's DateFilter. A date-time (a Java temporal) formats in its own zone, as ISO_DATE_TIME when no format is
        /// given; epoch milliseconds and strings (read with <c>existingFormat</c>, default <c>yyyy-MM-dd'T'HH:mm:ssZ</c>)
        /// format in <c>timeZone</c> (UTC when absent or unknown, as Java's TimeZone.getTimeZone falls back to GMT).
        /// </summary>
        public static object? Date(object? input, in ArgValues args, EvaluationContext context)
        {
            if (input is null) return null;
            string? format = args.A0 is null ? null : PebbleValues.ToJavaString(args.A0);
            if (input is DateTimeOffset temporal)
            {
                // Pebble formats a temporal in timeZone when one is given (DateTimeFormatter.withZone), else in its own zone.
                if (args.A2 != null) temporal = ToZone(temporal, PebbleValues.ToJavaString(args.A2));
                return format is null ? JavaDateTime.ToIsoDateTime(temporal) : JavaDateTime.Format(temporal, format);
            }

            DateTimeOffset moment;
            switch (input)
            {
                case long millis:
                    moment = FromMillis(millis);
                    break;
                case double d:
                    moment = FromMillis((long)d);
                    break;
                case Values.JavaBigDecimal m:
                    moment = FromMillis(m.ToLong());
                    break;
                case string text:
                    string existing = args.A1 is null ? LegacyPattern : PebbleValues.ToJavaString(args.A1);
                    if (!JavaDateTime.TryParseExact(text, existing, out moment))
                    {
                        throw new ExpressionRuntimeError($"Could not parse the string '{text}' into a date, with formatting: {existing}");
                    }

                    break;
                default:
                    throw new ExpressionRuntimeError(
                        $"Unsupported argument type: {PebbleValues.JavaTypeName(input)} (value: {PebbleValues.ToJavaString(input)})");
            }

            moment = args.A2 is null ? moment.ToUniversalTime() : ToZone(moment, PebbleValues.ToJavaString(args.A2));
            return JavaDateTime.Format(moment, format ?? LegacyPattern);
        }

        private static DateTimeOffset FromMillis(long millis)
        {
            try
            {
                return DateTimeOffset.FromUnixTimeMilliseconds(millis);
            }
            catch (ArgumentOutOfRangeException ex)
            {
                throw new ExpressionRuntimeError($"{millis} is out of the range of dates.", ex);
            }
        }

        /// <summary>Flow Designer's <c>epoch(inMillis=false, format=)</c> (registered with its other filters): seconds (or milliseconds) since 1970-01-01T00:00Z.</summary>
        public static object? Epoch(object? input, in ArgValues args, EvaluationContext context)
        {
            if (input is null) return null;
            object? inMillisArg = args.A0;
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

        /// <summary>Java's <c>TimeZone.getTimeZone(id)</c>: UTC/GMT, <c>GMT+hh:mm</c>, <c>+hh:mm</c>, region ids; unknown ids mean GMT.</summary>
        private static DateTimeOffset ToZone(DateTimeOffset moment, string zone)
        {
            string id = zone.Trim();
            if (id.StartsWith("GMT", StringComparison.OrdinalIgnoreCase) || id.StartsWith("UTC", StringComparison.OrdinalIgnoreCase))
            {
                id = id.Substring(3);
                if (id.Length == 0) return moment.ToUniversalTime();
            }

            bool hadPrefix = id.Length != zone.Trim().Length;
            if (hadPrefix && (id.StartsWith("+", StringComparison.Ordinal) || id.StartsWith("-", StringComparison.Ordinal))
                && TimeSpan.TryParse(id.Substring(1), System.Globalization.CultureInfo.InvariantCulture, out TimeSpan offset)
                && offset < TimeSpan.FromHours(24))
            {
                return moment.ToOffset(id[0] == '-' ? offset.Negate() : offset);
            }

            try
            {
                return TimeZoneInfo.ConvertTime(moment, TimeZoneInfo.FindSystemTimeZoneById(id));
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException || ex is InvalidTimeZoneException || ex is ArgumentException)
            {
                return moment.ToUniversalTime();
            }
        }
    }
}
