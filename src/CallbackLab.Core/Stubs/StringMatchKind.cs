namespace CallbackLab.Core.Stubs
{
    /// <summary>The WireMock string operators a stub supports on hosts, query parameters, headers and JSONPath values.</summary>
    public enum StringMatchKind
    {
        /// <summary><c>equalTo</c>: the whole value, optionally case-insensitive.</summary>
        EqualTo,

        /// <summary><c>contains</c>: a substring.</summary>
        Contains,

        /// <summary><c>doesNotContain</c>: no such substring (an absent value does not match).</summary>
        DoesNotContain,

        /// <summary><c>matches</c>: a .NET regular expression that must match the whole value.</summary>
        Matches,

        /// <summary><c>doesNotMatch</c>: the regular expression does not match the whole value (an absent value does not match).</summary>
        DoesNotMatch,

        /// <summary><c>absent</c>: the value must not be there at all.</summary>
        Absent,

        /// <summary><c>glob</c> (a CallbackLab extension): <c>*</c> any characters except <c>/</c>, <c>**</c> any, <c>?</c> one.</summary>
        Glob,
    }
}
