using System;
using System.Collections.Generic;

namespace CallbackLab.Core.Stubs
{
    /// <summary>One WireMock string operator with its operand, e.g. <c>{"equalTo": "application/json", "caseInsensitive": true}</c>.</summary>
    public sealed class StringMatcher
    {
        private readonly GuardedRegex? _regex;

        /// <summary>Creates a matcher; a regex or glob is compiled here, so a bad pattern fails when the stub is added.</summary>
        /// <exception cref="ArgumentException">The pattern is not a valid regular expression.</exception>
        public StringMatcher(StringMatchKind kind, string? operand, bool caseInsensitive = false)
        {
            Kind = kind;
            Operand = operand ?? string.Empty;
            CaseInsensitive = caseInsensitive;
            if (kind == StringMatchKind.Matches || kind == StringMatchKind.DoesNotMatch)
            {
                _regex = GuardedRegex.ForRegex(Operand, caseInsensitive);
            }
            else if (kind == StringMatchKind.Glob)
            {
                _regex = GuardedRegex.ForGlob(Operand, caseInsensitive);
            }
        }

        /// <summary>The operator.</summary>
        public StringMatchKind Kind { get; }

        /// <summary>The operand (empty for <see cref="StringMatchKind.Absent"/>).</summary>
        public string Operand { get; }

        /// <summary>True when case does not matter.</summary>
        public bool CaseInsensitive { get; }

        private StringComparison Comparison => CaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        /// <summary>True when <paramref name="actual"/> (null: absent) satisfies the operator.</summary>
        public bool IsMatch(string? actual)
        {
            if (Kind == StringMatchKind.Absent)
            {
                return actual == null;
            }

            if (actual == null)
            {
                return false;
            }

            switch (Kind)
            {
                case StringMatchKind.EqualTo:
                    return string.Equals(actual, Operand, Comparison);
                case StringMatchKind.Contains:
                    return actual.IndexOf(Operand, Comparison) >= 0;
                case StringMatchKind.DoesNotContain:
                    return actual.IndexOf(Operand, Comparison) < 0;
                case StringMatchKind.DoesNotMatch:
                    return !_regex!.IsMatch(actual);
                default:
                    return _regex!.IsMatch(actual);
            }
        }

        /// <summary>True when any of <paramref name="values"/> matches; for <c>absent</c>, when there is none.</summary>
        public bool IsMatchAny(IReadOnlyList<string>? values)
        {
            if (values == null || values.Count == 0)
            {
                return IsMatch(null);
            }

            if (Kind == StringMatchKind.Absent)
            {
                return false;
            }

            for (int i = 0; i < values.Count; i++)
            {
                if (IsMatch(values[i]))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The operator's name as WireMock writes it, e.g. <c>equalTo</c>.</summary>
        public string KindName => char.ToLowerInvariant(Kind.ToString()[0]) + Kind.ToString().Substring(1);

        /// <summary>The operator as a reason reads it, e.g. <c>equalTo 'application/json'</c>.</summary>
        public override string ToString() =>
            Kind == StringMatchKind.Absent ? "absent" : KindName + " '" + Operand + "'" + (CaseInsensitive ? " (any case)" : string.Empty);
    }
}
