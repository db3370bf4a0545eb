using CallbackLab.Core.Expressions;

namespace CallbackLab.Core.Tests.Expressions
{
    /// <summary>Issue 13, item 12: plain text and expressions share one output limit.</summary>
    public sealed class OutputLimitTests
    {
        private const int MebiChars = 1_048_576;

        private static readonly string s_expected = $"The rendered output would be longer than the limit of {ExpressionOptions.Default.MaxStringLength} characters.";

        [Fact]
        public void PlainTextLongerThanTheLimitIsRefusedLikeAnExpression()
        {
            string plain = new string('a', MebiChars);
            var fromText = Assert.Throws<FlowExpressionException>(() => FlowTemplate.Parse(plain).Render(DictionaryVariableResolver.Empty));
            Assert.Equal(FlowExpressionErrorKind.Evaluation, fromText.Kind);
            Assert.Equal(s_expected, fromText.Message);

            var variables = new DictionaryVariableResolver(new[] { new System.Collections.Generic.KeyValuePair<string, object?>("big", plain) });
            var fromExpression = Assert.Throws<FlowExpressionException>(() => FlowTemplate.Parse("{{ big }}").Render(variables));
            Assert.Equal(fromText.Message, fromExpression.Message);

            var mixed = Assert.Throws<FlowExpressionException>(() => FlowTemplate.Parse("x{{ big }}").Render(variables));
            Assert.Equal(fromText.Message, mixed.Message);
        }

        [Fact]
        public void BothRenderWhenTheLimitAllowsThem()
        {
            string plain = new string('a', MebiChars);
            var options = new ExpressionOptions { MaxStringLength = 2 * MebiChars };
            var variables = new DictionaryVariableResolver(new[] { new System.Collections.Generic.KeyValuePair<string, object?>("big", plain) });
            Assert.Equal(MebiChars, FlowTemplate.Parse(plain).Render(DictionaryVariableResolver.Empty, options).Length);
            Assert.Equal(MebiChars, FlowTemplate.Parse("{{ big }}").Render(variables, options).Length);
            Assert.Equal("short", FlowTemplate.Parse("short").Render(DictionaryVariableResolver.Empty));
        }
    }
}
