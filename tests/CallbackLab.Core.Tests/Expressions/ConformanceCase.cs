using CallbackLab.Core.Expressions;

namespace CallbackLab.Core.Tests.Expressions
{
    /// <summary>One row of the conformance table: a template and either its output or its error (kind and exact message).</summary>
    public sealed class ConformanceCase
    {
        public ConformanceCase(string template, string? expected, FlowExpressionErrorKind? errorKind = null, string? errorMessage = null, bool strict = false)
        {
            Template = template;
            Expected = expected;
            ErrorKind = errorKind;
            ErrorMessage = errorMessage;
            Strict = strict;
        }

        public string Template { get; }

        public string? Expected { get; }

        public FlowExpressionErrorKind? ErrorKind { get; }

        public string? ErrorMessage { get; }

        public bool Strict { get; }

        public override string ToString() => (Strict ? "[strict] " : string.Empty) + Template;
    }
}
