using System.Management.Automation;
using CallbackLab.PowerShell.Tests.Harness;

namespace CallbackLab.PowerShell.Tests.Commands
{
    /// <summary>Engine-hosted twin of tests/Pester/FlowExpression.Tests.ps1.</summary>
    public sealed class ExpandFlowExpressionTests
    {
        private const string Contact = "$contact = @{ NewPhoneContact = @{ DNIS = '+14694096861'; ANI = '+19725551234' } }; ";

        [Fact]
        public void BuildsTheLabMockApiQueryWithSlice()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(Contact + "Expand-FlowExpression 'dn={{NewPhoneContact.DNIS | slice(2) }}' -Variable $contact").AssertNoErrors();
            Assert.Equal(new object?[] { "dn=4694096861" }, result.Values);
        }

        [Fact]
        public void RendersEveryPipelineTemplateWithJavaShapedValues()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                "$vars = @{ 'CallBackAPI_HTTPRequest.httpStatusCode' = 201; code = '201'; count = 3 }; " +
                "'{{CallBackAPI_HTTPRequest.httpStatusCode == 201}}', '{{ code == 201 }}', 'comfort_{{(count%4)+1}}.wav', '{{count is odd}}' | " +
                "Expand-FlowExpression -Variable $vars").AssertNoErrors();
            Assert.Equal(new object?[] { "true", "false", "comfort_4.wav", "true" }, result.Values);
        }

        [Fact]
        public void ReadsNestedCustomObjectsAndTheStringLengthMember()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                "$vars = [pscustomobject]@{ NewPhoneContact = [pscustomobject]@{ ANI = '+19725551234' } }; " +
                "Expand-FlowExpression '{{NewPhoneContact.ANI | slice (NewPhoneContact.ANI.length -10,NewPhoneContact.ANI.length)}}' -Variable $vars")
                .AssertNoErrors();
            Assert.Equal(new object?[] { "9725551234" }, result.Values);
        }

        [Fact]
        public void TheLabErrorIsANonTerminatingParserErrorWithPebblesMessage()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("'{{ ANI | 123}}', 'ok' | Expand-FlowExpression");
            Assert.Equal(new object?[] { "ok" }, result.Values);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal("FlowExpressionParseError,CallbackLab.Commands.ExpandFlowExpressionCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ParserError, error.CategoryInfo.Category);
            Assert.Equal("{{ ANI | 123}}", error.TargetObject);
            Assert.Equal("Unexpected token of value \"123\" and type NUMBER, expected token of type NAME", error.Exception.Message);
            Assert.Equal(
                "Unexpected token of value \"123\" and type NUMBER, expected token of type NAME (at position 10 of '{{ ANI | 123}}')",
                error.ErrorDetails.Message);
        }

        [Fact]
        public void UnknownFiltersAndStrictVariablesAreInvalidOperations()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("'{{ x | foo }}' | Expand-FlowExpression; Expand-FlowExpression '{{ missing }}' -Strict; Expand-FlowExpression '[{{ missing }}]'");
            Assert.Equal(new object?[] { "[]" }, result.Values);
            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, e =>
            {
                Assert.Equal("FlowExpressionEvaluationError,CallbackLab.Commands.ExpandFlowExpressionCommand", e.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.InvalidOperation, e.CategoryInfo.Category);
            });
            Assert.Equal("Filter [foo] does not exist.", result.Errors[0].Exception.Message);
            Assert.Equal(
                "Root attribute [missing] does not exist or can not be accessed and strict variables is set to true.",
                result.Errors[1].Exception.Message);
        }

        [Fact]
        public void AHashtableThatContainsItselfDoesNotRecurseForever()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("$h = @{ name = 'x' }; $h.self = $h; $h.again = $h; $h.list = @($h, $h); " +
                "Expand-FlowExpression '{{ self.again.self.list[1].name }}' -Variable $h").AssertNoErrors();
            Assert.Equal(new object?[] { "x" }, result.Values);
        }

        [Fact]
        public void AVariableArgumentThatIsNotAMapIsATerminatingInvalidArgument()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("Expand-FlowExpression '{{ x }}' -Variable 42");
            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.Equal("InvalidFlowVariables,CallbackLab.Commands.ExpandFlowExpressionCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        }
    }
}
