using System;

namespace CallbackLab.Core.Expressions.Runtime
{
    /// <summary>
    /// Raised by values, filters, tests and functions, which do not know where they were called from; the calling
    /// node turns it into a <see cref="FlowExpressionException"/> with its position.
    /// </summary>
    internal sealed class ExpressionRuntimeError : Exception
    {
        public ExpressionRuntimeError(string message, Exception? inner = null)
            : base(message, inner)
        {
        }

        /// <summary>True for CallbackLab's own resource limits, which no Pebble node rewords.</summary>
        public bool IsLimit { get; private set; }

        /// <summary>An error raised by one of <see cref="ExpressionOptions"/>' limits.</summary>
        public static ExpressionRuntimeError Limit(string message) => new ExpressionRuntimeError(message) { IsLimit = true };
    }
}
