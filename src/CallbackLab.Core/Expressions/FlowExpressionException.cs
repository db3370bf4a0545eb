using System;

namespace CallbackLab.Core.Expressions
{
    /// <summary>
    /// The one exception the expression engine throws. <see cref="Exception.Message"/> carries Pebble's wording
    /// (e.g. <c>Unexpected token of value "123" and type NUMBER, expected token of type NAME</c>).
    /// </summary>
    [Serializable]
    public sealed class FlowExpressionException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public FlowExpressionException(FlowExpressionErrorKind kind, string message, int position, string expression, Exception? innerException = null)
            : base(message, innerException)
        {
            Kind = kind;
            Position = position;
            Expression = expression ?? string.Empty;
        }

        /// <summary>Whether parsing or evaluation failed.</summary>
        public FlowExpressionErrorKind Kind { get; }

        /// <summary>The 1-based character position in <see cref="Expression"/> where the error was found (the column for a one-line template).</summary>
        public int Position { get; }

        /// <summary>True when one of <see cref="ExpressionOptions"/>' limits stopped the render (not a Pebble error).</summary>
        internal bool IsLimit { get; set; }

        /// <summary>The template text.</summary>
        public string Expression { get; }
    }
}
