using System;
using System.Text;

namespace CallbackLab.Core.FlowStore
{
    /// <summary>
    /// Turns a name pattern with wildcards (<c>*</c>, <c>?</c>, <c>[…]</c>, <c>`</c> escapes) into the server-side
    /// <c>partialNameSearch</c>: its longest literal run, which every matching name contains. The caller still filters by the
    /// whole pattern, so the server's idea of a partial match can only narrow what is fetched, never widen the result.
    /// </summary>
    public static class FlowNameSearch
    {
        /// <summary>The longest run of literal characters in <paramref name="pattern"/>; null when it has none.</summary>
        public static string? LongestLiteral(string? pattern)
        {
            if (NullableStrings.IsNullOrEmpty(pattern))
            {
                return null;
            }

            string best = string.Empty;
            var run = new StringBuilder();
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '`' && i + 1 < pattern.Length)
                {
                    run.Append(pattern[++i]);
                    continue;
                }

                if (c == '*' || c == '?' || c == '[')
                {
                    best = Longer(best, run);
                    run.Clear();
                    if (c == '[')
                    {
                        int close = pattern.IndexOf(']', i + 1);
                        i = close < 0 ? pattern.Length : close;
                    }

                    continue;
                }

                run.Append(c);
            }

            best = Longer(best, run);
            return best.Length == 0 ? null : best;
        }

        /// <summary>True when <paramref name="pattern"/> has a wildcard character that is not escaped.</summary>
        public static bool HasWildcard(string? pattern)
        {
            if (pattern is null)
            {
                return false;
            }

            for (int i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] == '`')
                {
                    i++;
                }
                else if (pattern[i] == '*' || pattern[i] == '?' || pattern[i] == '[')
                {
                    return true;
                }
            }

            return false;
        }

        private static string Longer(string best, StringBuilder run) => run.Length > best.Length ? run.ToString() : best;
    }
}
