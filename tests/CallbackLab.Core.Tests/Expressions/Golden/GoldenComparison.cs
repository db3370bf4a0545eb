using System;
using CallbackLab.Core.Expressions;

namespace CallbackLab.Core.Tests.Expressions.Golden
{
    /// <summary>Runs one golden case through the engine (plain Pebble: Flow Designer's additions off) and says how it differs.</summary>
    public static class GoldenComparison
    {
        public static readonly DateTimeOffset Now = new DateTimeOffset(2025, 2, 6, 21, 9, 2, 712, TimeSpan.Zero);

        /// <summary>Null when the engine agrees byte for byte (output, or error kind and message); otherwise what it did instead.</summary>
        public static string? Difference(GoldenCase c)
        {
            var options = new ExpressionOptions { StrictVariables = c.Strict, FlowDesignerAdditions = false, Clock = () => Now };
            string? output = null;
            FlowExpressionException? error = null;
            try
            {
                output = FlowTemplate.Parse(c.Template).Render(GoldenSuite.Variables(c.VariableSet), options);
            }
            catch (FlowExpressionException ex)
            {
                error = ex;
            }

            if (c.ErrorKind is null)
            {
                if (error != null) return $"expected output {Show(c.Output)}, got {error.Kind} error {Show(error.Message)}";
                return output == c.Output ? null : $"expected output {Show(c.Output)}, got {Show(output)}";
            }

            string expectedKind = c.ErrorKind == "parse" ? nameof(FlowExpressionErrorKind.Parse) : nameof(FlowExpressionErrorKind.Evaluation);
            if (error is null) return $"expected {expectedKind} error {Show(c.Message)} ({c.Exception}), got output {Show(output)}";
            if (error.Kind.ToString() != expectedKind || error.Message != c.Message)
            {
                return $"expected {expectedKind} error {Show(c.Message)} ({c.Exception}), got {error.Kind} error {Show(error.Message)}";
            }

            return null;
        }

        private static string Show(string? text) => text is null ? "null" : "\"" + (text.Length > 300 ? string.Concat(text.AsSpan(0, 300), "…") : text) + "\"";
    }
}
