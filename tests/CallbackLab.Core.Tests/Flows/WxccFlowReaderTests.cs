using System.Linq;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Tests.Flows
{
    public sealed class WxccFlowReaderTests
    {
        [Fact]
        public void ReadsTheTemplateExport()
        {
            WxccFlow flow = SampleFlows.Load("flow_template");
            Assert.Equal("flow_template", flow.Name);
            Assert.Empty(flow.Variables);
            Assert.Equal(new[] { "NewPhoneContact", "play-message", "queue-contact", "play-music" }, flow.Activities.Select(a => a.Type));
            Assert.Equal("NewPhoneContact", flow.StartActivity!.Name);
            Assert.Equal(4, flow.Links.Count);
            Assert.Equal(new[] { "PhoneContactEnded", "AgentDisconnected", "OnGlobalError", "AgentAnswered" }, flow.EventFlows.Events);
            Assert.Equal("GlobalErrorHandling", flow.EventFlows.FindTrigger("OnGlobalError")!.Name);
            Assert.Same(flow.EventFlows.FindTrigger("OnGlobalError"), flow.EventFlows.FindTrigger("GlobalErrorHandling"));
        }

        [Fact]
        public void ReadsVariablesWithTypesAndDefaults()
        {
            WxccFlow flow = SampleFlows.Load("CL_1_readout");
            Assert.Equal(new[] { "count:INTEGER:0", "callbackANI:STRING:", "rDigit:STRING:", "sPosition:INTEGER:0" },
                flow.Variables.Select(v => v.Name + ":" + v.Type + ":" + v.DefaultValue));
            Assert.Null(flow.FindVariable("callbackani")!.DefaultValue);
            FlowLink menuOne = flow.Links.Single(l => flow.FindActivity(l.SourceActivityId)!.Name == "opt_out" && l.Port == "1");
            Assert.Equal("SetVariable_07n", flow.FindActivity(menuOne.TargetActivityId)!.Name);
        }

        [Fact]
        public void TheShippedLabFlowHasTheLabsVariablesActivitiesAndEventFlow()
        {
            WxccFlow flow = LabFlow.Flow;
            Assert.Equal(new[] { "outdialcbid", "customANI", "getresult", "simulatederror" }, flow.Variables.Select(v => v.Name));
            Assert.All(flow.Variables, v => Assert.Equal("STRING", v.Type));
            Assert.All(flow.Variables, v => Assert.Null(v.DefaultValue));
            FlowActivity get = flow.FindActivityByName("GET_CBID")!;
            Assert.Equal("http-request-v2", get.Type);
            Assert.Equal(LabFlow.MockApiPrefix + "/DynVars?dn={{NewPhoneContact.DNIS | slice(2) }}", get.GetString("httpRequestUrl"));
            Assert.Equal("{{ ANI | 123}}", flow.FindActivityByName("SimulateGlobalError")!.GetString("expr"));
            FlowActivity request = flow.FindActivityByName("CallBackAPI_Request")!;
            Assert.True(request.InEventFlow);
            Assert.Equal("/v1/tasks", request.GetString("httpRequestPath"));
            Assert.Equal("WxCC_API", request.GetString("connectorId:name"));
            Assert.Equal("{{CallBackAPI_Request.httpStatusCode == 201}}", flow.FindActivityByName("HTTPStatusCode")!.GetString("expression"));
            Assert.Contains("All agents are busy. Please press 1 if you want to schedule a callback. Press 2 if you want to wait in queue. Press 3 to simulate global error.",
                flow.FindActivityByName("WantCallback")!.Json.ToString());
            FlowActivity trigger = flow.EventFlows.FindTrigger("OnGlobalError")!;
            Assert.Equal("CallBackAPI_Request", flow.FindActivity(flow.FindLink(trigger.Id, "out")!.TargetActivityId)!.Name);
        }

        [Theory]
        [InlineData("[1,2]", "must be a JSON object, not an array", 1)]
        [InlineData("{\"name\":\"x\"}", "'process' is missing", 1)]
        [InlineData("{\"process\":{\"activities\":[]}}", "'process.activities' must be an object, not an array", 1)]
        [InlineData("{\"process\":{\"activities\":{\"a\":{\"id\":\"a\",\"name\":\"A\",\"properties\":{}}}}}", "Activity 'A' (a) has no properties.activityName", 1)]
        [InlineData("{\"process\":{\"activities\":{},\n\"links\":[{\"sourceActivityId\":\"a\"}]}}", "'process.links[0].targetActivityId' must be a non-empty string", 2)]
        [InlineData("{\"process\": {", "is not valid JSON", 1)]
        public void AMalformedExportSaysWhatIsWrongAndWhere(string json, string expected, int line)
        {
            var error = Assert.Throws<FlowFormatException>(() => WxccFlowReader.Parse(json, "bad.json"));
            Assert.Contains(expected, error.Message);
            Assert.Contains("bad.json", error.Message);
            Assert.Equal("bad.json", error.FlowSource);
            Assert.Equal(line, error.LineNumber);
        }

        [Fact]
        public void UnknownPropertiesAreIgnored()
        {
            WxccFlow flow = WxccFlowReader.Parse("{\"future\":{\"x\":1},\"process\":{\"activities\":{\"s\":{\"id\":\"s\",\"name\":\"NewPhoneContact\",\"group\":\"start\",\"shiny\":true,\"properties\":{\"activityName\":\"NewPhoneContact\",\"new\":[1]}}},\"links\":[]}}");
            Assert.Equal("NewPhoneContact", flow.StartActivity!.Name);
        }
    }
}
