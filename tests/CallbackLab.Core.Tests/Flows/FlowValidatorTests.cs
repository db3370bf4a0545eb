using System.Linq;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Validation;

namespace CallbackLab.Core.Tests.Flows
{
    public sealed class FlowValidatorTests
    {
        [Fact]
        public void TheLabFlowHasOneWarningTheDeliberateParseErrorAndNoErrors()
        {
            FlowFinding finding = Assert.Single(FlowValidator.Validate(LabFlow.Flow));
            Assert.Equal(FindingSeverity.Warning, finding.Severity);
            Assert.Equal(FindingCodes.ExpressionDoesNotParse, finding.Code);
            Assert.Equal("SimulateGlobalError", finding.ActivityName);
            Assert.Contains("Unexpected token of value \"123\" and type NUMBER, expected token of type NAME", finding.Message);
            Assert.Contains("OnGlobalError", finding.Message);
        }

        [Fact]
        public void TheLabTextsCopyButtonSlipIsAnError()
        {
            WxccFlow slipped = WxccFlowReader.Parse(LabFlow.Json.Replace(
                "{{CallBackAPI_Request.httpStatusCode == 201}}", "{{HTTP_PUT.httpStatusCode == 201}}"));
            FlowFinding error = Assert.Single(FlowValidator.Validate(slipped), f => f.Severity == FindingSeverity.Error);
            Assert.Equal(FindingCodes.UnknownReference, error.Code);
            Assert.Equal("HTTPStatusCode", error.ActivityName);
            Assert.Contains("'HTTP_PUT.httpStatusCode'", error.Message);
            Assert.Contains("no variable and no activity named 'HTTP_PUT'", error.Message);
        }

        [Fact]
        public void TheTemplateExportIsClean()
        {
            Assert.Empty(FlowValidator.Validate(SampleFlows.Load("flow_template")));
        }

        [Theory]
        [InlineData("CL_1_start")]
        [InlineData("CL_1_readout")]
        public void TheCiscoLiveExportsOnlyLackTheMenusInvalidLink(string name)
        {
            FlowFinding finding = Assert.Single(FlowValidator.Validate(SampleFlows.Load(name)));
            Assert.Equal(FindingSeverity.Warning, finding.Severity);
            Assert.Equal(FindingCodes.UnwiredMenuPort, finding.Code);
            Assert.Equal("opt_out", finding.ActivityName);
            Assert.Contains("'invalid'", finding.Message);
        }

        [Fact]
        public void BrokenLinksUnreachableActivitiesUnknownTypesAndOutputsAreFound()
        {
            const string json = @"{""variables"":[{""name"":""v"",""type"":""STRING"",""value"":null}],
              ""process"":{""activities"":{
                ""s"":{""id"":""s"",""name"":""NewPhoneContact"",""group"":""start"",""properties"":{""activityName"":""NewPhoneContact""}},
                ""m"":{""id"":""m"",""name"":""Menu"",""group"":""enum-gateway"",""properties"":{""activityName"":""ivr-menu"",""menuLinks"":[""1"",""2""]}},
                ""x"":{""id"":""x"",""name"":""Teleport"",""group"":""action"",""properties"":{""activityName"":""teleport""}},
                ""p"":{""id"":""p"",""name"":""Say"",""group"":""action"",""properties"":{""activityName"":""play-message"",""promptsTts"":[{""value"":""{{Menu.DigitsEntered}} {{NewPhoneContact.ani}} {{v}}""}]}},
                ""w"":{""id"":""w"",""name"":""Write"",""group"":""set-variable"",""properties"":{""activityName"":""set-variable"",""srcVariable"":""nope"",""expr"":""x""}}},
              ""links"":[
                {""sourceActivityId"":""s"",""targetActivityId"":""m"",""conditionExpr"":""out""},
                {""sourceActivityId"":""m"",""targetActivityId"":""p"",""conditionExpr"":""1""},
                {""sourceActivityId"":""m"",""targetActivityId"":""gone"",""conditionExpr"":""timeout""}]}}";
            var findings = FlowValidator.Validate(WxccFlowReader.Parse(json));
            string[] summary = findings.Select(f => f.Severity + " " + f.Code + " " + f.ActivityName).ToArray();
            Assert.Equal(new[]
            {
                "Error BrokenLink Menu",
                "Error UnknownActivityType Teleport",
                "Error UnknownReference Say",
                "Error UndeclaredVariable Write",
                "Warning Unreachable Teleport",
                "Warning Unreachable Write",
                "Warning UnwiredMenuPort Menu",
                "Warning UnwiredMenuPort Menu",
            }, summary);
            Assert.Contains("has no output 'DigitsEntered'; it has OptionEntered", findings.Single(f => f.Code == FindingCodes.UnknownReference).Message);
        }
    }
}
