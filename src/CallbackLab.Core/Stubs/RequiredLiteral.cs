using System.Text;

namespace CallbackLab.Core.Stubs
{
    /// <summary>
    /// The longest piece of text every match of a regex or glob must contain, so most non-matching inputs are turned away by a
    /// substring search before the regex runs (matching 200 stubs per request is mostly rejecting). Conservative: a pattern
    /// with alternation, or text inside groups, classes or before a quantifier, yields nothing rather than a wrong literal.
    /// </summary>
    internal static class RequiredLiteral
    {
        internal static string OfGlob(string glob)
        {
            string best = string.Empty;
            var run = new StringBuilder();
            foreach (char c in glob)
            {
                if (c == '*' || c == '?')
                {
                    best = Longer(best, run);
                    run.Clear();
                }
                else
                {
                    run.Append(c);
                }
            }

            return Longer(best, run);
        }

        internal static string OfRegex(string pattern)
        {
            // Alternation, and inline options such as (?i) that change how the text after them matches: no literal.
            if (pattern.IndexOf('|') >= 0 || pattern.IndexOf("(?", System.StringComparison.Ordinal) >= 0)
            {
                return string.Empty;
            }

            string best = string.Empty;
            var run = new StringBuilder();
            int depth = 0;
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                char? literal = null;
                if (c == '\\' && i + 1 < pattern.Length)
                {
                    char escaped = pattern[++i];
                    if (!char.IsLetterOrDigit(escaped))
                    {
                        literal = escaped; // \. \/ \- \? … stand for themselves; \d \w \b … do not
                    }
                }
                else if (c == '(')
                {
                    depth++;
                }
                else if (c == ')')
                {
                    depth--;
                }
                else if (c == '[')
                {
                    // Skip the class; it matches one of several characters.
                    while (i + 1 < pattern.Length && pattern[i + 1] != ']')
                    {
                        i += pattern[i + 1] == '\\' ? 2 : 1;
                    }

                    i++;
                }
                else if (c == '{')
                {
                    // A quantifier such as {3} or {2,5}: its digits are not text of the input.
                    int close = pattern.IndexOf('}', i);
                    i = close < 0 ? pattern.Length - 1 : close;
                }
                else if ("^$.?*+}]".IndexOf(c) < 0)
                {
                    literal = c;
                }

                char next = i + 1 < pattern.Length ? pattern[i + 1] : '\0';
                bool optional = next == '?' || next == '*' || next == '{';
                if (literal != null && depth == 0 && !optional)
                {
                    run.Append(literal.Value);
                    if (next != '+')
                    {
                        continue;
                    }

                    // "ab+c" requires "ab", but not "abc": the run ends at a repeated character.
                }

                best = Longer(best, run);
                run.Clear();
            }

            return Longer(best, run);
        }

        private static string Longer(string best, StringBuilder run) => run.Length > best.Length ? run.ToString() : best;
    }
}
