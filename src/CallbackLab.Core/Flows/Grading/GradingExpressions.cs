using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Expressions;

namespace CallbackLab.Core.Flows.Grading
{
    /// <summary>
    /// Evaluates an attendee's templates with chosen values, so a check asks what Flow Designer would compute (any spelling
    /// that gives the lab's result passes) instead of comparing text.
    /// </summary>
    internal static class GradingExpressions
    {
        /// <summary>Renders <paramref name="template"/>; null with <paramref name="error"/> set when it does not parse or render.</summary>
        internal static string? Render(string template, out string? error, params KeyValuePair<string, object?>[] values)
        {
            try
            {
                error = null;
                return FlowExpressions.Render(template, new DictionaryVariableResolver(values), ExpressionOptions.Default);
            }
            catch (FlowExpressionFailure failure)
            {
                error = failure.Message;
                return null;
            }
        }

        /// <summary>Evaluates a condition as the Condition activity does: true, false, or null with <paramref name="error"/> set.</summary>
        internal static bool? Condition(string expression, out string? error, params KeyValuePair<string, object?>[] values)
        {
            object? value;
            try
            {
                value = FlowExpressions.Evaluate(expression, new DictionaryVariableResolver(values), ExpressionOptions.Default);
            }
            catch (FlowExpressionFailure failure)
            {
                error = failure.Message;
                return null;
            }

            error = null;
            string text = (value is bool b ? (b ? "true" : "false") : value?.ToString() ?? string.Empty).Trim();
            if (string.Equals(text, "true", System.StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (string.Equals(text, "false", System.StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            error = "it gives '" + text + "', which is neither true nor false";
            return null;
        }

        /// <summary>The dotted names a template reads.</summary>
        internal static IReadOnlyList<string> References(string template) => FlowExpressions.References(template);

        /// <summary>One name/value pair.</summary>
        internal static KeyValuePair<string, object?> Value(string name, object? value) => new KeyValuePair<string, object?>(name, value);

        /// <summary>Text with runs of white space made one space, trimmed: how a spoken prompt compares.</summary>
        internal static string Words(string? text) =>
            string.Join(" ", (text ?? string.Empty).Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim()));
    }
}
