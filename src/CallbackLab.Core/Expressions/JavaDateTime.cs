using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CallbackLab.Core.Expressions
{
    /// <summary>Date-time printing, parsing and Java pattern (<c>DateTimeFormatter</c>/<c>SimpleDateFormat</c>) support.</summary>
    internal static class JavaDateTime
    {
        /// <summary>Java's <c>ZonedDateTime.toString()</c> for UTC (<c>2025-02-06T21:09:02.712Z[UTC]</c>), <c>OffsetDateTime</c> otherwise.</summary>
        public static string ToJavaString(DateTimeOffset value)
        {
            var sb = new StringBuilder(32);
            sb.Append(value.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
            long fractionTicks = value.Ticks % TimeSpan.TicksPerSecond;
            if (value.Second != 0 || fractionTicks != 0)
            {
                sb.Append(':').Append(value.Second.ToString("00", CultureInfo.InvariantCulture));
                if (fractionTicks != 0)
                {
                    long nanos = fractionTicks * 100;
                    if (nanos % 1_000_000 == 0) sb.Append('.').Append((nanos / 1_000_000).ToString("000", CultureInfo.InvariantCulture));
                    else if (nanos % 1000 == 0) sb.Append('.').Append((nanos / 1000).ToString("000000", CultureInfo.InvariantCulture));
                    else sb.Append('.').Append(nanos.ToString("000000000", CultureInfo.InvariantCulture));
                }
            }

            if (value.Offset == TimeSpan.Zero)
            {
                sb.Append("Z[UTC]");
            }
            else
            {
                sb.Append(value.ToString("zzz", CultureInfo.InvariantCulture));
            }

            return sb.ToString();
        }

        /// <summary>Java's <c>DateTimeFormatter.ISO_DATE_TIME</c>: seconds always, the fraction with as few digits as it needs.</summary>
        public static string ToIsoDateTime(DateTimeOffset value)
        {
            var sb = new StringBuilder(32);
            sb.Append(value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            long fractionTicks = value.Ticks % TimeSpan.TicksPerSecond;
            if (fractionTicks != 0) sb.Append('.').Append(fractionTicks.ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0'));
            sb.Append(value.Offset == TimeSpan.Zero ? "Z[UTC]" : value.ToString("zzz", CultureInfo.InvariantCulture));
            return sb.ToString();
        }

        /// <summary>ISO 8601 (a trailing Java <c>[Zone]</c> is ignored), or epoch milliseconds when the text is all digits.</summary>
        public static bool TryParseFlexible(string text, out DateTimeOffset value)
        {
            string t = text.Trim();
            int bracket = t.IndexOf('[');
            if (bracket > 0 && t.EndsWith("]", StringComparison.Ordinal)) t = t.Substring(0, bracket);
            if (t.Length > 0 && long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long millis))
            {
                try
                {
                    value = DateTimeOffset.FromUnixTimeMilliseconds(millis);
                    return true;
                }
                catch (ArgumentOutOfRangeException)
                {
                    value = default;
                    return false;
                }
            }

            return DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value);
        }

        /// <summary>Formats with a Java pattern (letters y M d H h m s S a E Z X z, quoted text with <c>'</c>).</summary>
        public static string Format(DateTimeOffset value, string javaPattern)
        {
            var sb = new StringBuilder();
            foreach (PatternPart part in SplitPattern(javaPattern))
            {
                if (part.Literal != null) sb.Append(part.Literal);
                else sb.Append(FormatField(value, part.Letter, part.Count));
            }

            return sb.ToString();
        }

        /// <summary>A run of one pattern letter, or literal text (quoted, or any non-letter).</summary>
        private readonly struct PatternPart
        {
            public PatternPart(char letter, int count, string? literal)
            {
                Letter = letter;
                Count = count;
                Literal = literal;
            }

            public char Letter { get; }

            public int Count { get; }

            public string? Literal { get; }
        }

        /// <summary>Splits a Java date pattern into letter runs and literals (<c>'text'</c>, <c>''</c> for a quote).</summary>
        private static List<PatternPart> SplitPattern(string javaPattern)
        {
            var parts = new List<PatternPart>();
            int i = 0;
            while (i < javaPattern.Length)
            {
                char c = javaPattern[i];
                if (c == '\'')
                {
                    int end = javaPattern.IndexOf('\'', i + 1);
                    if (end == i + 1)
                    {
                        parts.Add(new PatternPart('\0', 0, "'"));
                        i += 2;
                        continue;
                    }

                    if (end < 0) end = javaPattern.Length;
                    parts.Add(new PatternPart('\0', 0, javaPattern.Substring(i + 1, end - i - 1)));
                    i = end + 1;
                    continue;
                }

                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
                {
                    parts.Add(new PatternPart('\0', 0, c.ToString()));
                    i++;
                    continue;
                }

                int run = 1;
                while (i + run < javaPattern.Length && javaPattern[i + run] == c) run++;
                parts.Add(new PatternPart(c, run, null));
                i += run;
            }

            return parts;
        }

        private static string FormatField(DateTimeOffset v, char letter, int count)
        {
            CultureInfo inv = CultureInfo.InvariantCulture;
            switch (letter)
            {
                case 'y':
                case 'u':
                    return count == 2 ? (v.Year % 100).ToString("00", inv) : v.Year.ToString(new string('0', Math.Max(count, 1)), inv);
                case 'M':
                case 'L':
                    return count >= 4 ? v.ToString("MMMM", inv) : count == 3 ? v.ToString("MMM", inv) : v.Month.ToString(new string('0', count), inv);
                case 'd': return v.Day.ToString(new string('0', count), inv);
                case 'D': return v.DayOfYear.ToString(new string('0', count), inv);
                case 'H': return v.Hour.ToString(new string('0', count), inv);
                case 'k': return (v.Hour == 0 ? 24 : v.Hour).ToString(new string('0', count), inv);
                case 'h': return (v.Hour % 12 == 0 ? 12 : v.Hour % 12).ToString(new string('0', count), inv);
                case 'K': return (v.Hour % 12).ToString(new string('0', count), inv);
                case 'm': return v.Minute.ToString(new string('0', count), inv);
                case 's': return v.Second.ToString(new string('0', count), inv);
                case 'S':
                    string fraction = (v.Ticks % TimeSpan.TicksPerSecond).ToString("0000000", inv) + "00";
                    return count <= fraction.Length ? fraction.Substring(0, count) : fraction.PadRight(count, '0');
                case 'a': return v.Hour < 12 ? "AM" : "PM";
                case 'E': return count >= 4 ? v.ToString("dddd", inv) : v.ToString("ddd", inv);
                case 'Z':
                    return count >= 4 && v.Offset == TimeSpan.Zero ? "GMT" : Offset(v.Offset, colon: count >= 5, zeroAsZ: false);
                case 'X':
                    return v.Offset == TimeSpan.Zero ? "Z" : count == 1 ? Offset(v.Offset, false, false).Substring(0, 3) : Offset(v.Offset, colon: count >= 3, zeroAsZ: false);
                case 'x': return Offset(v.Offset, colon: count >= 3, zeroAsZ: false);
                case 'z':
                case 'V':
                case 'O':
                    return v.Offset == TimeSpan.Zero ? "UTC" : "GMT" + Offset(v.Offset, colon: true, zeroAsZ: false);
                default:
                    throw new Runtime.ExpressionRuntimeError($"Illegal pattern character '{letter}'");
            }
        }

        private static string Offset(TimeSpan offset, bool colon, bool zeroAsZ)
        {
            if (zeroAsZ && offset == TimeSpan.Zero) return "Z";
            string sign = offset < TimeSpan.Zero ? "-" : "+";
            TimeSpan abs = offset.Duration();
            return sign + abs.Hours.ToString("00", CultureInfo.InvariantCulture) + (colon ? ":" : string.Empty) + abs.Minutes.ToString("00", CultureInfo.InvariantCulture);
        }

        /// <summary>Parses <paramref name="text"/> with a Java pattern by translating it to a .NET exact format.</summary>
        public static bool TryParseExact(string text, string javaPattern, out DateTimeOffset value)
        {
            var sb = new StringBuilder();
            foreach (PatternPart part in SplitPattern(javaPattern))
            {
                if (part.Literal != null)
                {
                    foreach (char literal in part.Literal) sb.Append('\\').Append(literal);
                    continue;
                }

                int run = part.Count;
                switch (part.Letter)
                {
                    case 'y': case 'u': sb.Append(run == 2 ? "yy" : "yyyy"); break;
                    case 'M': sb.Append(new string('M', Math.Min(run, 4))); break;
                    case 'd': sb.Append(new string('d', Math.Min(run, 2))); break;
                    case 'H': sb.Append(new string('H', Math.Min(run, 2))); break;
                    case 'h': sb.Append(new string('h', Math.Min(run, 2))); break;
                    case 'm': sb.Append(new string('m', Math.Min(run, 2))); break;
                    case 's': sb.Append(new string('s', Math.Min(run, 2))); break;
                    case 'S': sb.Append(new string('f', Math.Min(run, 7))); break;
                    case 'a': sb.Append("tt"); break;
                    case 'E': sb.Append(run >= 4 ? "dddd" : "ddd"); break;
                    case 'X': case 'Z': case 'x': case 'z': sb.Append("zzz"); break;
                    default: value = default; return false;
                }
            }

            string format = sb.ToString();
            string input = text.Trim();
            if (input.EndsWith("Z", StringComparison.Ordinal) && format.EndsWith("zzz", StringComparison.Ordinal))
            {
                input = input.Substring(0, input.Length - 1) + "+00:00";
            }
            else if (format.EndsWith("zzz", StringComparison.Ordinal) && input.Length >= 5
                && (input[input.Length - 5] == '+' || input[input.Length - 5] == '-') && input.IndexOf(':', input.Length - 5) < 0)
            {
                input = input.Substring(0, input.Length - 2) + ":" + input.Substring(input.Length - 2);
            }

            return DateTimeOffset.TryParseExact(input, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
        }
    }
}
