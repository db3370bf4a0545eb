namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>
    /// One expression an activity evaluated while it ran: a template rendered to text (a URL, a prompt, a header), or a
    /// single expression evaluated to a value (a Condition's test, a Case's expression), as the simulator saw it then.
    /// </summary>
    public sealed class EvaluatedExpression
    {
        /// <summary>Creates a record.</summary>
        public EvaluatedExpression(string expression, object? value, bool rendered, string? error)
        {
            Expression = expression;
            Value = value;
            Rendered = rendered;
            Error = error;
        }

        /// <summary>The template or expression as the flow holds it (<c>{{NewPhoneContact.DNIS | slice(2)}}</c>).</summary>
        public string Expression { get; }

        /// <summary>The result: the rendered text of a template, the raw value of an evaluated expression; null when it failed.</summary>
        public object? Value { get; }

        /// <summary>True for a template rendered to text, false for an expression evaluated to its value.</summary>
        public bool Rendered { get; }

        /// <summary>Why the evaluation failed (the activity then failed with it); null when it succeeded.</summary>
        public string? Error { get; }

        /// <summary>True when the evaluation failed.</summary>
        public bool Failed => Error != null;

        /// <inheritdoc />
        public override string ToString() => Expression + " => " + (Error != null ? "error: " + Error : Activities.FlowValues.ToText(Value));
    }
}
