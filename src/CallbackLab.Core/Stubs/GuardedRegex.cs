using System;
using System.Text.RegularExpressions;

namespace CallbackLab.Core.Stubs
{
    /// <summary>A regex behind a substring check: an input without the pattern's required literal is rejected without running it.</summary>
    internal sealed class GuardedRegex
    {
        private readonly Regex _regex;
        private readonly string _literal;
        private readonly StringComparison _comparison;

        internal GuardedRegex(Regex regex, string literal, bool ignoreCase)
        {
            _regex = regex;
            _literal = literal;
            _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        }

        internal static GuardedRegex ForRegex(string pattern, bool ignoreCase) =>
            new GuardedRegex(StubRegex.Whole(pattern, ignoreCase), RequiredLiteral.OfRegex(pattern), ignoreCase);

        internal static GuardedRegex ForGlob(string glob, bool ignoreCase) =>
            new GuardedRegex(Glob.ToRegex(glob, ignoreCase), RequiredLiteral.OfGlob(glob), ignoreCase);

        internal bool IsMatch(string input) =>
            (_literal.Length == 0 || input.IndexOf(_literal, _comparison) >= 0) && StubRegex.IsMatch(_regex, input);
    }
}
