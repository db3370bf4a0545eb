using System.Linq;
using System.Management.Automation;
using CallbackLab.PowerShell.Tests.Harness;

namespace CallbackLab.PowerShell.Tests.Commands
{
    public sealed class SelectJsonPathTests
    {
        private const string LabResponse =
            "[{\"dn\":\"4694096861\",\"outboundcallbackep\":\"a1b2c3d4-0000-4000-8000-000000000001\",\"tacnumber\":\"14085267209\",\"id\":\"1\"}]";

        [Fact]
        public void SelectsTheLabValuesFromAMockApiArray()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("$Body | Select-JsonPath '$[0].tacnumber'; Select-JsonPath -Path '$[0].outboundcallbackep' -Json $Body",
                new() { ["Body"] = LabResponse }).AssertNoErrors();
            Assert.Equal(new object?[] { "14085267209", "a1b2c3d4-0000-4000-8000-000000000001" }, result.Values);
        }

        [Fact]
        public void ReadsAPathWithoutDollarAsRootedAndObjectsAsProperties()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("$r = $Body | Select-JsonPath '[0]'; $r.dn; $r.id; $r.GetType().Name",
                new() { ["Body"] = LabResponse }).AssertNoErrors();
            Assert.Equal(new object?[] { "4694096861", "1", "PSCustomObject" }, result.Values);
        }

        [Fact]
        public void NumbersStayNumbersAndFiltersReturnEveryMatch()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("'{\"items\":[{\"n\":1,\"ok\":true},{\"n\":2.5,\"ok\":false},{\"n\":3,\"ok\":true}]}' | Select-JsonPath '$.items[?(@.ok == true)].n'")
                .AssertNoErrors();
            Assert.Equal(new object?[] { 1L, 3L }, result.Values);
        }

        [Fact]
        public void AsFlowVariableGivesOneArrayForAFilterAndNothingForAMiss()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run(
                "$a = '[{\"t\":\"x\"},{\"t\":\"y\"}]' | Select-JsonPath '$[*].t' -AsFlowVariable; $a.Count; $a -join ','; " +
                "@('[]' | Select-JsonPath '$[0].t' -AsFlowVariable).Count").AssertNoErrors();
            Assert.Equal(new object?[] { 2, "x,y", 0 }, result.Values);
        }

        [Fact]
        public void InvalidJsonIsANonTerminatingParserErrorAndTheNextInputStillRuns()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("'{not json', '{\"a\":1}' | Select-JsonPath '$.a'");
            Assert.Equal(new object?[] { 1L }, result.Values);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal("InvalidJson,CallbackLab.Commands.SelectJsonPathCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ParserError, error.CategoryInfo.Category);
            Assert.Equal("{not json", error.TargetObject);
        }

        [Fact]
        public void AnInvalidPathIsAnInvalidArgumentErrorNamingThePath()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("'{\"a\":1}' | Select-JsonPath '$.a[?(@.b =='");
            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.Equal("InvalidJsonPath,CallbackLab.Commands.SelectJsonPathCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal("$.a[?(@.b ==", error.TargetObject);
            Assert.Contains("$.a[?(@.b ==", error.Exception.Message);
        }
    }
}
