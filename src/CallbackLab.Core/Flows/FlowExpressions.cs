using System.Collections.Generic;
using CallbackLab.Core.Expressions;

namespace CallbackLab.Core.Flows
{
    /// <summary>
    /// The one place flows call the expression engine (<see cref="FlowTemplate"/>, Pebble syntax), so the simulator and the
    /// validator agree on what parses, and engine exceptions become activity failures with Pebble's message.
    /// </summary>
    internal static class FlowExpressions
    {
        /// <summary>Renders <paramref name="template"/>.</summary>
        /// <exception cref="FlowExpressionFailure">The template does not parse or does not render.</exception>
        internal static string Render(string template, IVariableResolver variables, ExpressionOptions options)
        {
            try
            {
                return FlowTemplate.Parse(template).Render(variables, options);
            }
            catch (FlowExpressionException ex)
            {
                throw new FlowExpressionFailure(Simulation.SimulationErrorKind.Expression, ex.Message, ex);
            }
        }

        /// <summary>The raw value of a single-expression template; the rendered text otherwise.</summary>
        /// <exception cref="FlowExpressionFailure">The template does not parse or does not evaluate.</exception>
        internal static object? Evaluate(string template, IVariableResolver variables, ExpressionOptions options)
        {
            try
            {
                return FlowTemplate.Parse(template).Evaluate(variables, options);
            }
            catch (FlowExpressionException ex)
            {
                throw new FlowExpressionFailure(Simulation.SimulationErrorKind.Expression, ex.Message, ex);
            }
        }

        /// <summary>Pebble's parse error for <paramref name="template"/>; null when it parses.</summary>
        internal static string? ParseError(string template)
        {
            try
            {
                FlowTemplate.Parse(template);
                return null;
            }
            catch (FlowExpressionException ex)
            {
                return ex.Message;
            }
        }

        /// <summary>The dotted names a template reads, as written; empty when it does not parse.</summary>
        internal static IReadOnlyList<string> References(string template)
        {
            try
            {
                return FlowTemplate.Parse(template).VariableReferences;
            }
            catch (FlowExpressionException)
            {
                return System.Array.Empty<string>();
            }
        }

        /// <summary>Converts rendered text to an export type (STRING, INTEGER, BOOLEAN, DECIMAL, DATETIME, JSON).</summary>
        /// <exception cref="FlowExpressionFailure">The type is unknown or the text does not convert.</exception>
        internal static object? Coerce(string rendered, string exportType)
        {
            try
            {
                return FlowValueConverter.Coerce(rendered, FlowValueConverter.ParseType(exportType));
            }
            catch (FlowValueConversionException ex)
            {
                throw new FlowExpressionFailure(Simulation.SimulationErrorKind.Conversion, ex.Message, ex);
            }
        }
    }
}
