using CallbackLab.Core.Expressions;

namespace CallbackLab.Core.Tests.Expressions
{
    public sealed class ConformanceTests
    {
        [Fact]
        public void TheTableHasAtLeastTwoHundredCases()
        {
            Assert.True(ConformanceTable.All.Length >= 200, $"only {ConformanceTable.All.Length} cases");
        }

        [Theory]
        [MemberData(nameof(ConformanceTable.Cases), MemberType = typeof(ConformanceTable))]
        public void BehavesAsPebble(ConformanceCase c)
        {
            ExpressionOptions options = LabVariables.Options(c.Strict);
            if (c.ErrorKind is null)
            {
                Assert.Equal(c.Expected, FlowTemplate.Parse(c.Template).Render(LabVariables.Create(), options));
                return;
            }

            var ex = Assert.Throws<FlowExpressionException>(() => FlowTemplate.Parse(c.Template).Render(LabVariables.Create(), options));
            Assert.Equal(c.ErrorKind, ex.Kind);
            Assert.Equal(c.ErrorMessage, ex.Message);
            Assert.Equal(c.Template, ex.Expression);
            Assert.InRange(ex.Position, 1, c.Template.Length + 1);
        }
    }
}
