using System;

namespace CallbackLab.Core.Flows
{
    /// <summary>An expression in a flow could not be parsed, rendered or converted; the activity fails with this message.</summary>
    [Serializable]
    internal sealed class FlowExpressionFailure : Exception
    {
        internal FlowExpressionFailure(Simulation.SimulationErrorKind kind, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            Kind = kind;
        }

        /// <summary><c>Expression</c> (parse or render) or <c>Conversion</c> (the value does not fit the variable's type).</summary>
        internal Simulation.SimulationErrorKind Kind { get; }
    }
}
