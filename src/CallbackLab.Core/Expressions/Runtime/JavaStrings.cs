using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace CallbackLab.Core.Expressions.Runtime
{
    /// <summary>Java <c>String</c> behaviours the filters rely on: <c>trim</c>, <c>substring</c> bounds, regex <c>split</c>, <c>URLEncoder</c>.</summary>
    internal static class JavaStrings
    {
        /// <summary>Java's <c>String.trim()</c>: removes every char up to U+0020 at both ends.</summary>
        public static string Trim(string s)
        {
            int start = 0;
            int end = s.Length;
            while (start < end && s[start] <= ' ') start++;
            while (end > start && s[end - 1] <= ' ') end--;
            return start == 0 && end == s.Length ? s : s.Substring(start, end - start);
        }

        /// <summary>Java's <c>Character.isWhitespace</c>: space separators except the no-break ones, and the ASCII controls \t \n \v \f \r and 0x1C-0x1F.</summary>
        public static bool IsWhitespace(char c)
        {
            if (c == '\u00A0' || c == '\u2007' || c == '\u202F') return false;
            if ((c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F')) return true;
            System.Globalization.UnicodeCategory category = char.GetUnicodeCategory(c);
            return category == System.Globalization.UnicodeCategory.SpaceSeparator || category == System.Globalization.UnicodeCategory.LineSeparator
                || category == System.Globalization.UnicodeCategory.ParagraphSeparator;
        }

        /// <summary>Java's <c>substring(begin, end)</c> with its exception text.</summary>
        public static string Substring(string s, int begin, int end)
        {
            if (begin < 0 || end > s.Length || begin > end)
            {
                throw new ExpressionRuntimeError($"begin {begin}, end {end}, length {s.Length}");
            }

            return s.Substring(begin, end - begin);
        }

        /// <summary>
        /// Java's <c>String.split(regex, limit)</c>: the delimiter is a regular expression; limit 0 drops trailing empty
        /// strings; a zero-width match at the start never yields a leading empty string.
        /// </summary>
        public static List<object?> Split(string input, string regex, int limit, TimeSpan timeout)
        {
            Regex pattern;
            try
            {
                pattern = new Regex(regex, RegexOptions.CultureInvariant, timeout);
            }
            catch (ArgumentException ex)
            {
                // Java's PatternSyntaxException text for the common mistake (an unclosed group); otherwise .NET's reason.
                string reason = ex.Message.IndexOf("Not enough )", StringComparison.Ordinal) >= 0
                    ? $"Unclosed group near index {regex.Length}\n{regex}"
                    : $"Invalid regular expression \"{regex}\": {ex.Message}";
                throw new ExpressionRuntimeError(reason, ex);
            }

            var parts = new List<object?>();
            int index = 0;
            try
            {
                Match m = pattern.Match(input);
                while (m.Success)
                {
                    if (limit > 0 && parts.Count >= limit - 1) break;
                    if (!(index == 0 && m.Index == 0 && m.Length == 0))
                    {
                        if (!(m.Index == 0 && m.Length == 0 && index == 0))
                        {
                            parts.Add(input.Substring(index, m.Index - index));
                            index = m.Index + m.Length;
                        }
                    }

                    m = m.NextMatch();
                }
            }
            catch (RegexMatchTimeoutException ex)
            {
                throw new ExpressionRuntimeError($"The regular expression \"{regex}\" took longer than {timeout.TotalMilliseconds} ms.", ex);
            }

            if (parts.Count == 0 && index == 0)
            {
                parts.Add(input);
                return parts;
            }

            parts.Add(input.Substring(index));
            if (limit == 0)
            {
                int n = parts.Count;
                while (n > 0 && ((string)parts[n - 1]!).Length == 0) n--;
                parts.RemoveRange(n, parts.Count - n);
            }

            return parts;
        }

        /// <summary>Java's <c>URLEncoder.encode(s, "UTF-8")</c>: space becomes '+', only <c>a-zA-Z0-9.-*_</c> stay as they are.</summary>
        public static string UrlEncode(string s)
        {
            var sb = new StringBuilder(s.Length + 8);
            byte[] bytes = Encoding.UTF8.GetBytes(s);
            foreach (byte b in bytes)
            {
                char c = (char)b;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '*' || c == '_')
                {
                    sb.Append(c);
                }
                else if (c == ' ')
                {
                    sb.Append('+');
                }
                else
                {
                    sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return sb.ToString();
        }
    }
}
