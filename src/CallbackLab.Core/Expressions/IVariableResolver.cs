namespace CallbackLab.Core.Expressions
{
    /// <summary>Supplies flow variables to an expression by name.</summary>
    public interface IVariableResolver
    {
        /// <summary>
        /// Looks a variable up. <paramref name="name"/> may be a flat name that contains dots
        /// (activity outputs are stored as <c>GET_CBID.httpResponseBody</c>); the evaluator falls back to
        /// nested attribute access when the flat name is unknown.
        /// </summary>
        bool TryGetValue(string name, out object? value);
    }
}
