using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Reports;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.Reports
{
    public sealed class HtmlReportWriterTests
    {
        private const string QuerySecret = "QUERYSECRET-7f3a9";
        private const string BodySecret = "BODYSECRET-19c2e";

        [Fact]
        public async Task ThePageLoadsNothingFromOutside()
        {
            string page = HtmlReportWriter.Write(SimulationReport.Create(new[] { await ReportRuns.LabRunAsync() }), "Lab", false, ReportRuns.Start);

            Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
            Assert.Contains("content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\"", page);
            Assert.DoesNotMatch(new Regex("<(link|img|iframe|object|embed)\\b", RegexOptions.IgnoreCase), page);
            Assert.DoesNotMatch(new Regex("\\s(src|href)\\s*=", RegexOptions.IgnoreCase), page);
            Assert.DoesNotMatch(new Regex("@import|url\\(", RegexOptions.IgnoreCase), page);
            Assert.DoesNotMatch(new Regex("fetch\\(|XMLHttpRequest|import\\(", RegexOptions.IgnoreCase), page);
            Assert.Equal(2, Regex.Count(page, "<script\\b"));
        }

        [Fact]
        public void SecretsAreMaskedWhereverTheyTurnUp()
        {
            var http = new HttpExchange("POST", "https://api.example.test/token?access_token=" + QuerySecret + "&region=eu", authenticated: false,
                "{\"client_secret\":\"" + QuerySecret + "\",\"grant\":\"refresh\"}", 200,
                "{\"access_token\":\"" + BodySecret + "\",\"expires_in\":3600}",
                new Dictionary<string, string> { ["Content-Type"] = "application/json", ["Set-Cookie"] = "s=" + BodySecret }, 1, null);
            var steps = new[]
            {
                Step(0, "GetToken", http, new Dictionary<string, object?> { ["GetToken.httpResponseBody"] = "{\"access_token\":\"" + BodySecret + "\"}" }, null),
                Step(1, "KeepToken", null, new Dictionary<string, object?> { ["accessToken"] = BodySecret, ["header"] = "Bearer " + BodySecret }, "set to Bearer " + BodySecret),
            };
            IvrSimulationResult result = Result("Secrets", steps);

            string page = HtmlReportWriter.Write(SimulationReport.Create(new[] { result }), "Secrets", false, ReportRuns.Start);

            Assert.DoesNotContain(QuerySecret, page);
            Assert.DoesNotContain(BodySecret, page);
            JObject data = Data(page);
            JToken first = data["runs"]![0]!["steps"]![0]!;
            Assert.Equal("https://api.example.test/token?access_token=***&region=eu", (string?)first["http"]!["url"]);
            Assert.Contains("\"access_token\":\"***\"", (string?)first["http"]!["response"]);
            Assert.Equal("***", (string?)data["runs"]![0]!["steps"]![1]!["vars"]![0]![1]);
            Assert.Equal("Bearer ***", (string?)data["runs"]![0]!["steps"]![1]!["vars"]![1]![1]);
        }

        [Fact]
        public void TextFromTheFlowCannotCloseTheScriptOrAddMarkup()
        {
            const string hostile = "</script><script>alert(1)</script><img src=x onerror=alert(2)>";
            IvrSimulationResult result = Result(hostile, new[] { Step(0, hostile, null, new Dictionary<string, object?>(), hostile) });

            string page = HtmlReportWriter.Write(SimulationReport.Create(new[] { result }), hostile, false, ReportRuns.Start);

            Assert.Equal(2, Regex.Count(page, "</script>"));
            Assert.DoesNotContain("<img", page);
            Assert.Equal(hostile, (string?)Data(page)["runs"]![0]!["steps"]![0]!["name"]);
        }

        [Fact]
        public async Task SeveralResultsMakeOnePageWithEveryRun()
        {
            IvrSimulationResult lab = await ReportRuns.LabRunAsync();
            IvrSimulationResult other = Result("Hand", new[] { Step(0, "Only", null, new Dictionary<string, object?>(), null) });
            JObject data = Data(HtmlReportWriter.Write(SimulationReport.Create(new[] { lab, other }), "Two", true, ReportRuns.Start));

            Assert.Equal(new[] { lab.FlowName, "Hand" }, data["runs"]!.Select(r => (string?)r["flow"]));
            Assert.Equal(new[] { "Hand" }, data["missingFlows"]!.Select(t => (string?)t));
            Assert.True((bool)data["coverageMode"]!);
            // The lab flow's canvases come from the embedded export; the hand-made run's from its steps.
            Assert.Contains(data["canvases"]!, c => (string?)c["key"] == "main:" + lab.FlowName && (string?)c["kind"] == "Main");
            Assert.Contains(data["canvases"]!, c => (string?)c["kind"] == "FromSteps" && c["nodes"]!.Count() == 1);
            Assert.Equal(lab.Steps.Count, data["runs"]![0]!["steps"]!.Count());
        }

        [Fact]
        public async Task StepsCarryTheirExpressionsWithValues()
        {
            IvrSimulationResult lab = await ReportRuns.LabRunAsync();
            JObject data = Data(HtmlReportWriter.Write(SimulationReport.Create(new[] { lab }), "Lab", false, ReportRuns.Start));
            JToken failing = data["runs"]![0]!["steps"]!.Single(s => (string?)s["name"] == "SimulateGlobalError");
            // The lab's broken expression, with Pebble's own message as its value (the same message the global error has).
            Assert.Contains(failing["expr"]!, e => ((string?)e[1])!.Contains(lab.GlobalError!.Message, StringComparison.Ordinal));
            // GET_CBID's URL template, rendered with the caller's DNIS as the request was: the same query the request carried.
            JToken lookup = data["runs"]![0]!["steps"]!.Single(s => (string?)s["name"] == "GET_CBID");
            string sentQuery = new Uri(lab.FindStep("GET_CBID")!.Http!.Url).Query;
            Assert.Contains(lookup["expr"]!, e => ((string?)e[0])!.Contains("{{", StringComparison.Ordinal) && ((string?)e[1])!.EndsWith(sentQuery, StringComparison.Ordinal));
        }

        [Fact]
        public void RecordedExpressionValuesAreMaskedLikeTheJournal()
        {
            var expressions = new[]
            {
                new EvaluatedExpression("Bearer {{auth}}", "Bearer abc-credential-123", rendered: true, error: null),
                new EvaluatedExpression("https://api.example.test/x?access_token={{t}}&q={{q}}", "https://api.example.test/x?access_token=qq-secret-9&q=cars", rendered: true, error: null),
                new EvaluatedExpression("{\"client_secret\":\"{{s}}\",\"name\":\"{{n}}\"}", "{\"client_secret\":\"cs-shh-77\",\"name\":\"Ada\"}", rendered: true, error: null),
            };
            var step = new SimulationStep(0, "Main", "id-0", "Call", "http-request-v2", "default", true, TimeSpan.Zero,
                new Dictionary<string, object?>(), null, null, expressions);
            JToken expr = Data(HtmlReportWriter.Write(SimulationReport.Create(new[] { Result("Masking", new[] { step }) }), "M", false, ReportRuns.Start))["runs"]![0]!["steps"]![0]!["expr"]!;

            Assert.Equal(expressions.Select(e => e.Expression), expr.Select(e => (string?)e[0]));
            string values = string.Join("\n", expr.Select(e => (string?)e[1]));
            Assert.DoesNotContain("abc-credential-123", values, StringComparison.Ordinal);
            Assert.DoesNotContain("qq-secret-9", values, StringComparison.Ordinal);
            Assert.DoesNotContain("cs-shh-77", values, StringComparison.Ordinal);
            Assert.StartsWith("Bearer ", (string?)expr[0]![1], StringComparison.Ordinal);
            Assert.Contains("q=cars", (string?)expr[1]![1], StringComparison.Ordinal); // what is not secret stays readable
            Assert.Contains("Ada", (string?)expr[2]![1], StringComparison.Ordinal);
        }

        [Fact]
        public async Task TheAssumedWorldOfARunIsInItsSummary()
        {
            var flow = CallbackLab.Core.Tests.Flows.SampleFlows.Load("BusinessHours_Template");
            IvrSimulationResult run = await ReportRuns.SampleRunAsync(flow, new[] { "1" });
            Assert.NotEmpty(run.AssumedWorld); // business hours were asked about and nobody said: the run assumed them
            JToken world = Data(HtmlReportWriter.Write(SimulationReport.Create(new[] { run }, new[] { flow }), "BH", false, ReportRuns.Start))["runs"]![0]!["world"]!;
            Assert.Equal(run.AssumedWorld.Select(e => e.Setting + "=" + e.Value + "@" + e.ActivityName),
                world.Select(e => (string?)e[0] + "=" + (string?)e[1] + "@" + (string?)e[2]));
        }

        private static JObject Data(string page)
        {
            Match m = Regex.Match(page, "<script id=\"report-data\" type=\"application/json\">(?<json>.*?)</script>", RegexOptions.Singleline);
            Assert.True(m.Success);
            return JObject.Parse(m.Groups["json"].Value);
        }

        private static SimulationStep Step(int index, string name, HttpExchange? http, IReadOnlyDictionary<string, object?> variables, string? message) =>
            new SimulationStep(index, "Main", "id-" + index, name, http != null ? "http-request-v2" : "set-variable", "default", true,
                TimeSpan.FromSeconds(index), variables, http, message);

        private static IvrSimulationResult Result(string flowName, IReadOnlyList<SimulationStep> steps) =>
            new IvrSimulationResult(flowName, "+14085550100", "+14694096861", Array.Empty<string>(), SimulationOutcome.Ended, steps,
                new Dictionary<string, object?>(), new Dictionary<string, object?>(), Array.Empty<SimulationEvent>(), null, null,
                Array.Empty<CallbackRequest>(), null, TimeSpan.FromSeconds(steps.Count));
    }
}
