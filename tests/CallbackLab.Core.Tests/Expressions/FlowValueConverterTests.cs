using System;
using CallbackLab.Core.Expressions;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.Expressions
{
    public sealed class FlowValueConverterTests
    {
        [Theory]
        [InlineData("STRING", FlowVariableType.String)]
        [InlineData("integer", FlowVariableType.Integer)]
        [InlineData("Decimal", FlowVariableType.Decimal)]
        [InlineData("BOOLEAN", FlowVariableType.Boolean)]
        [InlineData("DATETIME", FlowVariableType.DateTime)]
        [InlineData("json", FlowVariableType.Json)]
        public void ParsesExportTypeNames(string name, FlowVariableType expected)
        {
            Assert.Equal(expected, FlowValueConverter.ParseType(name));
        }

        [Fact]
        public void AnUnknownTypeNameIsAClearError()
        {
            var ex = Assert.Throws<FlowValueConversionException>(() => FlowValueConverter.ParseType("NUMBER"));
            Assert.Equal("'NUMBER' is not a flow variable type; expected STRING, INTEGER, DECIMAL, BOOLEAN, DATETIME or JSON.", ex.Message);
        }

        [Fact]
        public void CoercesEachType()
        {
            Assert.Equal(" ES ", FlowValueConverter.Coerce(" ES ", FlowVariableType.String));
            Assert.Equal(42L, FlowValueConverter.Coerce(" 42 ", FlowVariableType.Integer));
            Assert.Equal(-7L, FlowValueConverter.Coerce("-7", FlowVariableType.Integer));
            Assert.Equal(2.5, FlowValueConverter.Coerce("2.5", FlowVariableType.Decimal));
            Assert.Equal(true, FlowValueConverter.Coerce("True", FlowVariableType.Boolean));
            Assert.Equal(false, FlowValueConverter.Coerce("false", FlowVariableType.Boolean));
            Assert.Equal(new DateTimeOffset(2025, 2, 6, 21, 9, 2, 712, TimeSpan.Zero),
                FlowValueConverter.Coerce("2025-02-06T21:09:02.712Z[UTC]", FlowVariableType.DateTime));
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1738876142712), FlowValueConverter.Coerce("1738876142712", FlowVariableType.DateTime));
            Assert.True(JToken.DeepEquals(JToken.Parse("{\"a\":[1]}"), (JToken)FlowValueConverter.Coerce("{\"a\":[1]}", FlowVariableType.Json)!));
        }

        [Theory]
        [InlineData("4.5", FlowVariableType.Integer, "Cannot convert '4.5' to INTEGER: it is not a whole number between -9223372036854775808 and 9223372036854775807.")]
        [InlineData("", FlowVariableType.Integer, "Cannot convert '' to INTEGER: it is not a whole number between -9223372036854775808 and 9223372036854775807.")]
        [InlineData("abc", FlowVariableType.Decimal, "Cannot convert 'abc' to DECIMAL: it is not a decimal number.")]
        [InlineData("yes", FlowVariableType.Boolean, "Cannot convert 'yes' to BOOLEAN: only true or false (any case) are booleans.")]
        [InlineData("tomorrow", FlowVariableType.DateTime, "Cannot convert 'tomorrow' to DATETIME: it is neither an ISO 8601 date-time nor epoch milliseconds.")]
        public void ImpossibleConversionsAreClearErrors(string text, FlowVariableType type, string message)
        {
            var ex = Assert.Throws<FlowValueConversionException>(() => FlowValueConverter.Coerce(text, type));
            Assert.Equal(message, ex.Message);
            Assert.Equal(text, ex.Value);
        }

        [Fact]
        public void BadJsonNamesTheType()
        {
            var ex = Assert.Throws<FlowValueConversionException>(() => FlowValueConverter.Coerce("{oops", FlowVariableType.Json));
            Assert.StartsWith("Cannot convert '{oops' to JSON: ", ex.Message);
            Assert.Equal("JSON", ex.TargetType);
        }
    }
}
