using System;
using System.Text;
using System.Text.RegularExpressions;

namespace CallbackLab.Core.Stubs
{
    /// <summary>Turns a URL glob into a regular expression: <c>*</c> stays inside a segment or host label run, <c>**</c> crosses <c>/</c>.</summary>
    internal static class Glob
    {
        internal static Regex ToRegex(string glob, bool ignoreCase)
        {
            var pattern = new StringBuilder("^");
            for (int i = 0; i < glob.Length; i++)
            {
                char c = glob[i];
                if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
                {
                    pattern.Append(".*");
                    i++;
                }
                else if (c == '*')
                {
                    pattern.Append("[^/]*");
                }
                else if (c == '?')
                {
                    pattern.Append("[^/]");
                }
                else
                {
                    pattern.Append(Regex.Escape(c.ToString()));
                }
            }

            pattern.Append('$');
            return StubRegex.Create(pattern.ToString(), ignoreCase);
        }
    }

    /// <summary>Regular expressions of stubs: culture-invariant, bounded in time so a bad pattern cannot hang a simulation.</summary>
    internal static class StubRegex
    {
        private static readonly TimeSpan s_timeout = TimeSpan.FromMilliseconds(250);

        /// <summary>A regex that must match the whole input, as WireMock's <c>matches</c> (Java's Matcher.matches) does.</summary>
        internal static Regex Whole(string pattern, bool ignoreCase = false) => Create("^(?:" + pattern + ")$", ignoreCase);

        internal static Regex Create(string pattern, bool ignoreCase)
        {
            RegexOptions options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
            return new Regex(pattern, options, s_timeout);
        }

        internal static bool IsMatch(Regex regex, string input)
        {
            try
            {
                return regex.IsMatch(input);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }
    }
}
