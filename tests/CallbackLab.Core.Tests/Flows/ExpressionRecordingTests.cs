using System;
using System.Linq;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Tests.Reports;

namespace CallbackLab.Core.Tests.Flows
{
    /// <summary>Each step carries the expressions its activity evaluated, with the values the simulator got for them.</summary>
    public sealed class ExpressionRecordingTests
    {
        [Fact]
        public async Task TheLabRunRecordsTheRenderedUrlTheConditionsValueAndTheFailingExpression()
        {
            IvrSimulationResult lab = await ReportRuns.LabRunAsync();

            // GET_CBID rendered its URL template: the DNIS with its first two characters (+1) sliced off.
            FlowActivity getCbid = LabFlow.Flow.FindActivityByName("GET_CBID")!;
            string urlTemplate = getCbid.GetString("httpRequestUrl")!;
            SimulationStep get = lab.FindStep("GET_CBID")!;
            EvaluatedExpression url = Assert.Single(get.Expressions, e => e.Expression == urlTemplate);
            Assert.True(url.Rendered);
            Assert.False(url.Failed);
            string expectedUrl = string.Concat(urlTemplate.AsSpan(0, urlTemplate.IndexOf("{{", StringComparison.Ordinal)), lab.Dnis.AsSpan(2));
            Assert.Equal(expectedUrl, url.Value);
            Assert.StartsWith(expectedUrl.Substring(expectedUrl.IndexOf("/flowdesigner", StringComparison.Ordinal)), new Uri(get.Http!.Url).PathAndQuery);

            // The event flow's condition evaluated httpStatusCode == 201 to the boolean the port shows.
            FlowActivity condition = LabFlow.Flow.EventFlows.Activities.Single(a => a.GetString("expression") == "{{CallBackAPI_Request.httpStatusCode == 201}}");
            SimulationStep tested = lab.Steps.Single(s => s.ActivityId == condition.Id);
            EvaluatedExpression test = Assert.Single(tested.Expressions);
            Assert.False(test.Rendered);
            Assert.Equal(lab.FindStep("CallBackAPI_Request")!.ModifiedVariables["CallBackAPI_Request.httpStatusCode"]?.ToString() == "201", test.Value);
            Assert.Equal(tested.Port, test.Value is true ? "true" : "false");

            // SimulateGlobalError's template failed: the record keeps the reason the global error carries.
            SimulationStep failing = lab.FindStep("SimulateGlobalError")!;
            EvaluatedExpression failed = Assert.Single(failing.Expressions, e => e.Failed);
            Assert.Null(failed.Value);
            Assert.Contains(failed.Error!, lab.GlobalError!.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task PlainTextIsNotAnExpressionAndStepsWithoutExpressionsRecordNone()
        {
            IvrSimulationResult lab = await ReportRuns.LabRunAsync();
            Assert.All(lab.Steps.SelectMany(s => s.Expressions), e => Assert.Contains("{{", e.Expression, StringComparison.Ordinal));
            // The start activity evaluates nothing.
            Assert.Empty(lab.Steps[0].Expressions);
            // Every recorded template is one its activity holds: nothing leaks from one step into the next.
            foreach (SimulationStep step in lab.Steps)
            {
                FlowActivity activity = LabFlow.Flow.FindActivity(step.ActivityId)!;
                var texts = activity.Json.Descendants().OfType<Newtonsoft.Json.Linq.JValue>().Where(v => v.Type == Newtonsoft.Json.Linq.JTokenType.String)
                    .Select(v => (string)v!).ToList();
                Assert.All(step.Expressions, e => Assert.Contains(texts, t => t.Contains(e.Expression, StringComparison.Ordinal)));
            }
        }
    }
}
