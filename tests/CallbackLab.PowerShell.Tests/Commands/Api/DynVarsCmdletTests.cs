using System.Linq;
using System.Management.Automation;
using CallbackLab.PowerShell.Tests.Harness;

namespace CallbackLab.PowerShell.Tests.Commands.Api
{
    /// <summary>Get/New/Set/Remove-DynVars against the emulator. Twin of tests/Pester/Api.Tests.ps1 ("DynVars").</summary>
    public sealed class DynVarsCmdletTests
    {
        [Fact]
        public void DnisIsSlicedLikeTheFlowAndTheRecordIsTyped()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run("Get-DynVars -Dnis +14694096861").AssertNoErrors();
            PSObject record = Assert.Single(result.Output);
            Assert.Equal("CallbackLab.Core.MockApi.DynVarsRecord", record.TypeNames[0]);
            Assert.Equal(("1", "4694096861", "3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58", "14085267209"),
                ((string)record.Properties["Id"].Value, (string)record.Properties["Dn"].Value, (string)record.Properties["OutboundCallbackEp"].Value,
                    (string)record.Properties["TacNumber"].Value));
            Assert.Equal(new[] { "GET /flowdesigner/Lab/DynVars?dn=4694096861" }, lab.Requests("GET", "*/DynVars*"));
        }

        [Fact]
        public void CsvColumnsThatAreNotSentAreNamedInOneWarning()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run(
                "$rows = @(\n" +
                "  [pscustomobject]@{ dn = '5550001'; outboundcallbackep = 'ep1'; tacnumber = '1800'; site = 'rtp'; team = 'a' }\n" +
                "  [pscustomobject]@{ dn = '5550002'; outboundcallbackep = 'ep1'; tacnumber = '1800'; site = 'sjc'; team = 'b' })\n" +
                "@($rows | New-DynVars).Count\n" +
                "@([pscustomobject]@{ dn = '5550003'; customANI = '1800'; outdialcbid = 'ep1' } | New-DynVars).Count\n" +
                "@(New-DynVars -Dn 5550004 -OutboundCallbackEp ep1 -TacNumber 1800).Count").AssertNoErrors();
            Assert.Equal(new object?[] { 2, 1, 1 }, result.Values);
            WarningRecord warning = Assert.Single(result.Warnings);
            Assert.StartsWith("These input columns are not sent to MockAPI: site, team.", warning.Message);
        }

        [Fact]
        public void OtherFieldsArePlainValuesAndNoteProperties()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run(
                "$r = Set-DynVars -Id 3 -Property @{ site = 'rtp'; seats = 12 } -PassThru\n" +
                "\"[$($r.OtherFields['site'])]\"; $r.OtherFields['seats'] + 1; $r.site; $r.OtherFields['site'] -eq 'rtp'").AssertNoErrors();
            Assert.Equal(new object?[] { "[rtp]", 13L, "rtp", true }, result.Values);
        }

        [Fact]
        public void DnAndDnisAreSeparateParameterSetsSoTheBinderRefusesBoth()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run("Get-DynVars -Dn 4694096861 -Dnis +14694096861");
            Assert.Empty(result.Output);
            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.Equal("AmbiguousParameterSet,CallbackLab.Commands.GetDynVarsCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Empty(lab.Requests("GET", "*/DynVars*"));

            var sets = lab.Run(
                "(Get-Command Get-DynVars).ParameterSets | ForEach-Object { $_.Name + ':' + $_.IsDefault + ':' + " +
                "(($_.Parameters | Where-Object { $_.Name -in 'Dn', 'Dnis', 'Id', 'Exact', 'All' } | ForEach-Object { $_.Name + '@' + $_.Position + $(if ($_.IsMandatory) { '!' }) }) -join ',') }")
                .AssertNoErrors();
            Assert.Equal(
                new[] { "Dn:True:Dn@0,Exact@-2147483648,All@-2147483648", "Dnis:False:Dnis@-2147483648!,Exact@-2147483648,All@-2147483648", "Id:False:Id@-2147483648!" },
                sets.Values.Cast<string>().OrderBy(v => v, System.StringComparer.Ordinal));
        }

        [Fact]
        public void EachFilterSetStillFiltersAndPipesIntoTheChangingCmdlets()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run(
                "(Get-DynVars 4694096861 -Exact).Id; (Get-DynVars -Dnis +14694096861 -Exact).Id; @(Get-DynVars).Count; " +
                "(Get-DynVars -Dnis +14694096861 | Set-DynVars -TacNumber 19995550000 -PassThru).TacNumber; " +
                "(Get-DynVars -Dnis +14694096861 | Remove-DynVars -PassThru).Id").AssertNoErrors();
            Assert.Equal(new object?[] { "1", "1", 5, "19995550000", "1" }, result.Values);
        }

        [Fact]
        public void MockApisSubstringMatchIsKeptAndExactReFiltersIt()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run(
                "New-DynVars -Dn 14694096861 -OutboundCallbackEp 6c1e0a47-92b3-4d58-8f2a-7b9d3e5c1f04 -TacNumber 1 | Out-Null; " +
                "(Get-DynVars 4694096861).Id -join ','; (Get-DynVars 4694096861 -Exact).Id -join ','").AssertNoErrors();
            Assert.Equal(new object?[] { "1,6", "1" }, result.Values);
        }

        [Fact]
        public void NoMatchIsNoOutputAndNoErrorButAnUnknownIdIsObjectNotFound()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run("Get-DynVars -Dn 0000000; Get-DynVars -Id 99");
            Assert.Empty(result.Output);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal("MockApiError,CallbackLab.Commands.GetDynVarsCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.EndsWith("/flowdesigner/Lab/DynVars/99", error.TargetObject.ToString());
            Assert.Contains("404 NotFound: Not found", error.ErrorDetails.Message);
        }

        [Fact]
        public void AllStreamsEveryPageAndSortingIsPassedThrough()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run("(Get-DynVars -All -Limit 2).Id -join ','; (Get-DynVars -SortBy dn -Descending).Dn -join ','").AssertNoErrors();
            Assert.Equal("1,2,3,4,5", result.Values[0]);
            Assert.Equal("9195550142,6505550119,4694096861,3125550187,2147751365", result.Values[1]);
            Assert.Equal(
                new[] { "GET /flowdesigner/Lab/DynVars?page=1&limit=2", "GET /flowdesigner/Lab/DynVars?page=2&limit=2", "GET /flowdesigner/Lab/DynVars?page=3&limit=2",
                    "GET /flowdesigner/Lab/DynVars?sortBy=dn&order=desc" },
                lab.Requests("GET", "*/DynVars*"));
        }

        [Fact]
        public void ImportCsvShapedObjectsProvisionRecordsWithProgress()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run(
                "$rows = [pscustomobject]@{ dn = '2145550001'; outboundcallbackep = 'ep-a'; tacnumber = '14085550001' }, " +
                "[pscustomobject]@{ dn = '2145550002'; outboundcallbackep = 'ep-b'; tacnumber = '14085550002' }; " +
                "$made = $rows | New-DynVars -Property @{ site = 'dallas' }; $made.Id -join ','; $made[1].site; " +
                "(Get-DynVars 2145550002 -Exact).OutboundCallbackEp").AssertNoErrors();
            Assert.Equal(new object?[] { "6,7", "dallas", "ep-b" }, result.Values);
            Assert.Contains(result.Progress, p => p.StatusDescription.Contains("2145550002: 2 done, 0 failed"));
            Assert.Contains(result.Progress, p => p.RecordType == ProgressRecordType.Completed);
            string body = lab.Shell.Run(EmulatorScope.Helpers + "(Journal 'POST' '*/DynVars')[0].Body").Values.Single() as string ?? "";
            Assert.Equal("{\"dn\":\"2145550001\",\"outboundcallbackep\":\"ep-a\",\"tacnumber\":\"14085550001\",\"site\":\"dallas\"}", body);
        }

        [Fact]
        public void TheRecordCapFailsThatRecordClearlyWhileTheOthersContinue()
        {
            using var lab = new EmulatorScope("-RecordLimit 6");
            var result = lab.Run(
                "'3000000001', '3000000002', '3000000003' | ForEach-Object { [pscustomobject]@{ dn = $_; outboundcallbackep = 'ep'; tacnumber = '1' } } | " +
                "New-DynVars | ForEach-Object Dn");
            Assert.Equal(new object?[] { "3000000001" }, result.Values);
            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.Equal("MockApiRecordLimitReached,CallbackLab.Commands.NewDynVarsCommand", e.FullyQualifiedErrorId));
            Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.LimitsExceeded, e.CategoryInfo.Category));
            Assert.Contains("dn '3000000002'", result.Errors[0].ErrorDetails.Message);
            Assert.Contains("dn '3000000003'", result.Errors[1].ErrorDetails.Message);
            Assert.Contains(result.Progress, p => p.StatusDescription.Contains("1 done, 2 failed"));
        }

        [Fact]
        public void WhatIfChangesNothing()
        {
            using var lab = new EmulatorScope();
            const string Snapshot = "$r = Get-DynVars -Id 1; $r.Id + '|' + $r.Dn + '|' + $r.OutboundCallbackEp + '|' + $r.TacNumber; @(Get-DynVars -All).Count";
            var before = lab.Run(Snapshot).AssertNoErrors();
            Assert.Equal(new object?[] { "1|4694096861|3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58|14085267209", 5 }, before.Values); // the record exists

            var whatIf = lab.Run(
                "New-DynVars 1 ep 2 -WhatIf; Get-DynVars -Id 1 | Set-DynVars -TacNumber 9 -PassThru -WhatIf; Get-DynVars -Id 1 | Remove-DynVars -PassThru -WhatIf")
                .AssertNoErrors();
            Assert.Empty(whatIf.Output);

            var after = lab.Run(Snapshot).AssertNoErrors();
            Assert.Equal(before.Values, after.Values); // still there, unchanged, and no record was added
            Assert.Equal(4, lab.Requests("GET", "*/DynVars/1").Count); // both snapshots and both -WhatIf pipelines read the record
            Assert.Empty(lab.Requests("POST", "*"));
            Assert.Empty(lab.Requests("PUT", "*"));
            Assert.Empty(lab.Requests("DELETE", "*"));
        }

        [Fact]
        public void GetPipesIntoSetAndRemoveByPropertyName()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run(
                "(Get-DynVars -Id 1 | Set-DynVars -TacNumber 19995550000 -PassThru).TacNumber; (Get-DynVars -Id 1).TacNumber; " +
                "(Get-DynVars -Dn 469 | Remove-DynVars -PassThru).Id; @(Get-DynVars -Dn 469).Count").AssertNoErrors();
            Assert.Equal(new object?[] { "19995550000", "19995550000", "1", 0 }, result.Values);
            Assert.Equal(new[] { "PUT /flowdesigner/Lab/DynVars/1" }, lab.Requests("PUT", "*"));
            Assert.Equal(new[] { "DELETE /flowdesigner/Lab/DynVars/1" }, lab.Requests("DELETE", "*"));
        }

        [Fact]
        public void SetWithNothingToChangeIsAnInvalidArgument()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run("Set-DynVars -Id 1");
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal("NoFieldsToSet,CallbackLab.Commands.SetDynVarsCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal("1", error.TargetObject);
        }

        [Fact]
        public void AnExplicitMockApiUriWinsOverTheSessionDefault()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run(
                "$b = Start-CallbackLabEmulator -NoDefault; New-DynVars 7775550000 ep 1 -MockApiUri $b.MockApiUri | Out-Null; " +
                "@(Get-DynVars 7775550000).Count; @(Get-DynVars 7775550000 -MockApiUri $b.MockApiUri).Count").AssertNoErrors();
            Assert.Equal(new object?[] { 0, 1 }, result.Values);
        }

        [Fact]
        public void APropertyNamedIdIsRefusedBeforeAnythingIsSent()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run("New-DynVars 1 ep 2 -Property @{ id = '42' }");
            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.Equal("InvalidPropertyName,CallbackLab.Commands.NewDynVarsCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Empty(lab.Requests("POST", "*"));
        }

        [Fact]
        public void AnAddressThatIsNotAbsoluteHttpFailsAtBinding()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("Get-DynVars -MockApiUri flowdesigner/Lab; New-DynVars 1 ep 2 -MockApiUri ftp://example.com/Lab; Connect-Wxcc -Uri example.com -AccessToken $null");
            Assert.Equal(
                new[] { "ParameterArgumentValidationError,CallbackLab.Commands.GetDynVarsCommand", "ParameterArgumentValidationError,CallbackLab.Commands.NewDynVarsCommand",
                    "ParameterArgumentValidationError,CallbackLab.Commands.ConnectWxccCommand" },
                result.AllErrors.Select(e => e.FullyQualifiedErrorId).ToArray());
            Assert.Contains("'flowdesigner/Lab' is not an absolute http or https address.", result.AllErrors[0].Exception.Message);
        }
    }
}
