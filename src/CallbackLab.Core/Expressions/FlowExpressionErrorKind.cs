namespace CallbackLab.Core.Expressions
{
    /// <summary>When an expression failed.</summary>
    public enum FlowExpressionErrorKind
    {
        /// <summary>The template text is not valid (raised by <see cref="FlowTemplate.Parse"/>, as Pebble's ParserException).</summary>
        Parse,

        /// <summary>The template parsed but failed while rendering (unknown filter, bad argument, strict variable...).</summary>
        Evaluation,
    }
}
