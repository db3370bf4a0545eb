using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Subflows;
using CallbackLab.Core.Flows.Validation;

namespace CallbackLab.Core.Tests.Flows
{
    /// <summary>Test-WxccFlow's checks of issue 11: required properties, property shapes, ports a type has, subflow references.</summary>
    public sealed class FlowValidatorShapeAndSubflowTests
    {
        private static List<FlowFinding> Findings(WxccFlow flow, SubflowLibrary? library = null, string? code = null) =>
            FlowValidator.Validate(flow, library).Where(f => code == null || f.Code == code).ToList();

        [Fact]
        public void AMissingRequiredPropertyAndAWrongShapeAreErrorsNamingThePropertyAndItsPath()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Activity("Check", "condition-activity")
                .Activity("Call", "http-request-v2", new { httpRequestUrl = "https://x.example", httpRequestHeaders = "Authorization: x" })
                .Activity("Menu", "ivr-menu", new { menuLinks = new object[] { "1", new[] { "2" } } })
                .Link("NewPhoneContact", "out", "Check").Link("Check", "true", "Call").Link("Call", "default", "Menu")
                .Build();

            FlowFinding missing = Assert.Single(Findings(flow, code: FindingCodes.MissingProperty));
            Assert.Equal("Check", missing.ActivityName);
            Assert.Equal("'Check' (condition-activity) has no 'expression', which it needs to run.", missing.Message);
            List<FlowFinding> shapes = Findings(flow, code: FindingCodes.WrongPropertyType);
            Assert.Equal(new[] { "Call", "Menu" }, shapes.Select(f => f.ActivityName));
            Assert.Equal("'Call' (http-request-v2): 'process.activities.Call.properties.httpRequestHeaders' must be an object, not string.", shapes[0].Message);
            Assert.Contains("'process.activities.Menu.properties.menuLinks[1]' must be text, not array.", shapes[1].Message, System.StringComparison.Ordinal);
            Assert.All(shapes, f => Assert.Equal(FindingSeverity.Error, f.Severity));
        }

        [Theory]
        [InlineData("screen-pop", "screenPopUrl")]
        [InlineData("percent-allocation", "allocations")]
        [InlineData("scheduled-callback", "scheduleDate")]
        [InlineData("send-digits", "transferoutdigits")]
        [InlineData("SetCallerID", "callerId")]
        [InlineData("hand-off", "handOffFlow")]
        [InlineData("cryptographic-hash", "input")]
        [InlineData("verify-otp", "pin")]
        [InlineData("upload-audio", "audioFileData")]
        public void TheNewActivityTypesNameThePropertyTheyCannotRunWithout(string type, string property)
        {
            // Each hand-made flow of the type, with the property taken out.
            WxccFlow complete = Activities.ActivityFlows.Load(type);
            FlowActivity activity = complete.Activities.First(a => a.Type == type);
            Assert.Empty(Findings(complete, code: FindingCodes.MissingProperty));
            var root = Newtonsoft.Json.Linq.JObject.Parse(System.IO.File.ReadAllText(System.IO.Path.Combine(Activities.ActivityFlows.Folder, type + ".json")));
            var properties = (Newtonsoft.Json.Linq.JObject)root["process"]!["activities"]![activity.Id]!["properties"]!;
            Assert.True(properties.Remove(property), type + " has no " + property + " to take out");

            FlowFinding missing = Assert.Single(Findings(WxccFlowReader.Parse(root.ToString()), code: FindingCodes.MissingProperty));

            Assert.Equal("'" + activity.Name + "' (" + type + ") has no '" + property + "', which it needs to run.", missing.Message);
        }

        [Fact]
        public void NoSampleExportOrHandMadeActivityFlowMissesARequiredProperty()
        {
            var flows = new List<WxccFlow>();
            foreach (string name in new[] { "BusinessHours_Template", "CJDS02_Voice", "CL_1_readout", "CL_1_start", "Cars_Export_voice", "Generic_AI_Agent_Flow",
                "Zendesk_HTTP_Connector", "flow_template", "webex_api_mainflow", "webex_api_refresh_token_subflow" })
            {
                flows.Add(SampleFlows.Load(name));
            }

            flows.AddRange(Activities.ActivityFlows.Names.Select(Activities.ActivityFlows.Load));
            foreach (WxccFlow flow in flows)
            {
                Assert.Empty(Findings(flow).Where(f => f.Code == FindingCodes.MissingProperty || f.Code == FindingCodes.WrongPropertyType).Select(f => flow.Name + ": " + f.Message));
            }
        }

        [Fact]
        public void ALinkThroughAPortTheActivityDoesNotHaveIsAWarning()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Activity("Check", "condition-activity", new { expression = "{{ true }}" })
                .Activity("Bye", "disconnect-contact")
                .Link("NewPhoneContact", "out", "Check").Link("Check", "maybe", "Bye").Link("Check", "true", "Bye")
                .Build();

            FlowFinding port = Assert.Single(Findings(flow, code: FindingCodes.UnknownPort));
            Assert.Equal(FindingSeverity.Warning, port.Severity);
            Assert.StartsWith("A link leaves 'Check' (condition-activity) through port 'maybe', which that activity does not have (it has error, false, true)",
                port.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void SubflowReferencesAreCheckedAgainstTheLibraryByIdThenNameWithTheirMappings()
        {
            WxccFlow main = SampleFlows.Load("webex_api_mainflow");
            WxccFlow subflow = SampleFlows.Load("webex_api_refresh_token_subflow");

            Assert.Empty(Findings(main, new SubflowLibrary(new[] { subflow }), FindingCodes.SubflowNotFound));
            Assert.Empty(Findings(main, new SubflowLibrary(new[] { subflow }), FindingCodes.UnknownSubflowVariable));
            Assert.Empty(Findings(main, null, FindingCodes.SubflowNotFound)); // without a library nothing is claimed
            FlowFinding notFound = Assert.Single(Findings(main, new SubflowLibrary(new[] { SampleFlows.Load("flow_template") }), FindingCodes.SubflowNotFound));
            Assert.Equal("Subflow 'RefreshTheToken': No subflow matches name 'webex_api_refresh_token' (id 687fab57eee2ed7313dcc33c, version 69e1527fb8cb31d1b678ac9a): "
                + "the subflow library holds 'flow_template' (id 63f7ab457fd2791318c23a39).", notFound.Message);

            WxccFlow caller = new TestFlowBuilder()
                .Variable("token", "STRING", null)
                .Activity("Refresh", "subflow-handoff", new
                {
                    subflowName = "webex_api_refresh_token",
                    subflowOutputVariables = new[] { new { src = "token", target = "acces_token", type = "STRING" }, new { src = "tokn", target = "access_token", type = "STRING" } },
                })
                .Link("NewPhoneContact", "out", "Refresh")
                .Build();
            List<FlowFinding> mappings = Findings(caller, new SubflowLibrary(new[] { subflow }), FindingCodes.UnknownSubflowVariable);
            Assert.Equal(2, mappings.Count);
            Assert.Equal("Subflow 'Refresh' maps output 'acces_token', which subflow 'webex_api_refresh_token' does not declare.", mappings[0].Message);
            Assert.StartsWith("Subflow 'Refresh' maps output 'tokn' of the calling flow: the flow has no variable and no activity named 'tokn'.", mappings[1].Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void RealExportsCallMetadataEventOutputsAndPlaceholderRowsAreNotReportedButARealSlipIs()
        {
            Assert.DoesNotContain(FlowValidator.Validate(SampleFlows.Load("webex_api_refresh_token_subflow")), f => f.Severity == FindingSeverity.Error);
            Assert.DoesNotContain(FlowValidator.Validate(SampleFlows.Load("Zendesk_HTTP_Connector")), f => f.Severity == FindingSeverity.Error);
            FlowFinding slip = Assert.Single(FlowValidator.Validate(SampleFlows.Load("Cars_Export_voice")), f => f.Severity == FindingSeverity.Error);
            Assert.Equal(FindingCodes.UnknownReference, slip.Code);
            Assert.Contains("refers to 'callType'", slip.Message, System.StringComparison.Ordinal);
        }
    }
}
