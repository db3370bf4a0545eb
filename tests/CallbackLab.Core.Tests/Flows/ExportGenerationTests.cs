using System;
using System.Linq;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.Flows
{
    /// <summary>Both export generations: old and new starts and event triggers, settings, flowOutcome, multi-assignment Set Variable, GraphQL bodies, globals.</summary>
    public sealed class ExportGenerationTests
    {
        [Fact]
        public void ANewContactExportReadsItsStartEventTriggersSettingsAndOutcome()
        {
            WxccFlow flow = SampleFlows.Load("Generic_AI_Agent_Flow");

            Assert.Equal(FlowKind.Flow, flow.Kind);
            Assert.Equal("6a27fbf07612bd69e973320b", flow.FlowId);
            Assert.Equal("NewPhoneContact", flow.StartActivity!.Name);
            Assert.Equal(ActivityTypes.NewContact, flow.StartActivity.Type);
            Assert.Null(flow.FlowOutcome);
            Assert.Equal(new[] { "showActivityWait=false", "audioFile=", "delayTime=2000" }, flow.Settings.Select(s => s.Name + "=" + s.Value));
            Assert.All(flow.Settings, s => Assert.Equal("activityWait", s.Group));
            // New-style triggers (activityName "Event") match on their display name and on their specification name.
            FlowActivity trigger = flow.EventFlows.FindTrigger("OnGlobalError")!;
            Assert.Same(trigger, flow.EventFlows.FindTrigger("GlobalErrorHandling"));
            Assert.Equal(ActivityTypes.Event, trigger.Type);
            Assert.Equal("AgentContactAssigned", flow.EventFlows.FindTrigger("AgentAnswered")!.EventSpecificationName);
            Assert.Equal(10, flow.EventFlows.Events.Count);
        }

        [Fact]
        public void AnOldExportHasNoSettingsAndIsAMainFlowWithoutAFlowType()
        {
            WxccFlow flow = SampleFlows.Load("Cars_Export_voice");

            Assert.Equal(FlowKind.Flow, flow.Kind);
            Assert.Empty(flow.Settings);
            Assert.Equal(ActivityTypes.NewPhoneContact, flow.StartActivity!.Type);
            Assert.Equal("ContactEnded", flow.EventFlows.FindTrigger("PhoneContactEnded")!.Name);
            Assert.Equal(new[] { "Global_FeedbackSurveyOptIn", "Global_Language", "Global_VoiceName", "z_GV_Notes" },
                flow.Variables.Where(v => v.Source == FlowVariableSource.Global).Select(v => v.Name));
        }

        [Fact]
        public void ASubflowExportIsASubflowWithItsOutputsAndAFlowOutcomeIsKeptAsJson()
        {
            WxccFlow subflow = SampleFlows.Load("webex_api_refresh_token_subflow");
            Assert.Equal(FlowKind.Subflow, subflow.Kind);
            Assert.Equal("StartSubflow", subflow.StartActivity!.Name);
            Assert.Equal(new[] { "access_token" }, subflow.SubflowOutputs.Select(v => v.Name));
            Assert.Empty(subflow.SubflowInputs);

            string json = new JObject
            {
                ["flowOutcome"] = new JObject { ["status"] = "ok" },
                ["process"] = new JObject { ["activities"] = new JObject() },
            }.ToString();
            Assert.Equal("{\"status\":\"ok\"}", WxccFlowReader.Parse(json).FlowOutcome);
        }

        [Fact]
        public async Task GlobalVariablesTakeGivenValuesElseTheirDefaultsAndVariableWins()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Variable("Global_Language", "STRING", "en-US", "GLOBAL")
                .Variable("Global_Retries", "INTEGER", "3", "GLOBAL")
                .Variable("Global_Vip", "BOOLEAN", "false", "GLOBAL")
                .Activity("Bye", "disconnect-contact")
                .Link("NewPhoneContact", "out", "Bye")
                .Build();
            var options = new IvrSimulationOptions
            {
                GlobalVariables = { ["global_retries"] = "7", ["Global_Vip"] = true },
                Variables = { ["Global_Vip"] = "false" },
            };

            IvrSimulationResult result = await new IvrSimulator().RunAsync(flow, options);

            Assert.Equal("en-US", result.Variables["Global_Language"]);
            Assert.Equal(7L, result.Variables["Global_Retries"]);
            Assert.Equal(false, result.Variables["Global_Vip"]);
        }

        [Fact]
        public async Task OneSetVariableRunsEverySetVariablesArrayAssignmentInOrder()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Variable("first", "INTEGER", "0")
                .Variable("second", "STRING", null)
                .Activity("Both", "set-variable", new
                {
                    srcVariable = "first",
                    setVariablesArray = new object[]
                    {
                        new { srcVariable = "first", srcVariableType = "INTEGER", setTo = "set-to-literal", expr = "{{ 20 + 1 }}" },
                        new { srcVariable = "second", srcVariableType = "STRING", setTo = "set-to-literal", expr = "first is {{ first * 2 }}" },
                    },
                })
                .Activity("Bye", "disconnect-contact")
                .Link("NewPhoneContact", "out", "Both").Link("Both", "out", "Bye")
                .Build();

            IvrSimulationResult result = await new IvrSimulator().RunAsync(flow);

            Assert.Equal(21L, result.Variables["first"]);
            Assert.Equal("first is 42", result.Variables["second"]);
            Assert.Equal(new[] { "first", "second" }, result.FindStep("Both")!.ModifiedVariables.Keys.OrderBy(k => k, StringComparer.Ordinal));
        }

        [Fact]
        public async Task AGraphQlRequestSendsItsRenderedQueryAndVariablesAsJson()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Variable("caller", "STRING", "+14085550100")
                .Activity("Lookup", "http-request-v2", new
                {
                    httpRequestMethod = "POST",
                    httpRequestUrl = "https://graph.example/graphql",
                    httpContentType = "GraphQL",
                    httpRequestBody = (string?)null,
                    httpRequestBodyGQL = new { query = "query { contact(ani: \"{{ caller }}\") { id } }", variables = "{\"ani\": \"{{ caller }}\"}" },
                })
                .Link("NewPhoneContact", "out", "Lookup")
                .Build();
            var transport = new ScriptedTransport((_, _) => ScriptedTransport.Json(200, "{}"));

            await new IvrSimulator(transport).RunAsync(flow);

            Assert.True(transport.Sent.TryDequeue(out var sent));
            JObject body = JObject.Parse(sent.Request.Body!);
            Assert.Equal("query { contact(ani: \"+14085550100\") { id } }", (string?)body["query"]);
            Assert.Equal("+14085550100", (string?)body.SelectToken("variables.ani"));
        }
    }
}
