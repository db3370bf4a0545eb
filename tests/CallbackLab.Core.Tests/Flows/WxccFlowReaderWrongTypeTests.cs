using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Flows.Validation;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.Flows
{
    /// <summary>
    /// Issue 13 item 1: every string field of a real export, turned into an array and into an object, either loads (the
    /// reader does not read it) or is InvalidFlowExport naming that field's JSON path, never a raw cast exception; and a
    /// flow that loads still validates and simulates without an exception escaping.
    /// </summary>
    public sealed class WxccFlowReaderWrongTypeTests
    {
        /// <summary>The fields the reader reads as text, as JSON paths (activity and variable keys replaced by *).</summary>
        private static readonly Regex[] s_readFields =
        {
            new Regex(@"^(name|id|description|flowId|flowType|orgId)$"),
            new Regex(@"^variables\[\d+\]\.(name|type|description|source|id)$"),
            new Regex(@"^settings\[\d+\]\.(name|value|type|group)$"),
            new Regex(@"^(eventFlows\.eventsMap\.[^.]+\.)?process\.activities\.[^.\[]+\.(id|name|group)$"),
            new Regex(@"^(eventFlows\.eventsMap\.[^.]+\.)?process\.activities\.[^.\[]+\.properties\.(name|activityName|event|displayName|eventSpecificationName)$"),
            new Regex(@"^(eventFlows\.eventsMap\.[^.]+\.)?process\.links\[\d+\]\.(id|sourceActivityId|targetActivityId|conditionExpr|properties\.value)$"),
        };

        public static IEnumerable<object[]> Exports() => new[]
        {
            new object[] { "flow_template" },
            new object[] { "webex_api_mainflow" },
            new object[] { "webex_api_refresh_token_subflow" },
        };

        [Theory]
        [MemberData(nameof(Exports))]
        public async System.Threading.Tasks.Task EveryScalarFieldAsAnArrayOrAnObjectIsInvalidFlowExportNamingItsPathOrLoads(string export)
        {
            string json = File.ReadAllText(SampleFlows.PathOf(export));
            JObject original = JObject.Parse(json);
            // Every string field, and every number and boolean too (a timeout of [] must not escape either); the diagram is layout only.
            List<string> paths = original.Descendants().OfType<JValue>()
                .Where(v => (v.Type == JTokenType.String || v.Type == JTokenType.Integer || v.Type == JTokenType.Float || v.Type == JTokenType.Boolean)
                    && !v.Path.StartsWith("diagram", StringComparison.Ordinal))
                .Select(v => v.Path).ToList();
            Assert.True(paths.Count > 100, "the export has string fields to mutate");

            int refused = 0;
            var simulator = new IvrSimulator(new ScriptedTransport((_, _) => ScriptedTransport.Json(404, "{}")));
            foreach (string path in paths)
            {
                foreach (JToken replacement in new JToken[] { new JArray(), new JObject() })
                {
                    JObject mutated = (JObject)original.DeepClone();
                    mutated.SelectToken(path)!.Replace(replacement);
                    bool read = IsReadField(Normalize(path));
                    WxccFlow? flow = null;
                    try
                    {
                        flow = WxccFlowReader.Parse(mutated.ToString(), export + ".json");
                    }
                    catch (FlowFormatException ex)
                    {
                        refused++;
                        Assert.True(read, "the reader refused a field it does not read: " + path + ": " + ex.Message);
                        Assert.Equal(path, ex.Location);
                        Assert.Contains("'" + path + "'", ex.Message, StringComparison.Ordinal);
                        Assert.True(ex.LineNumber > 0, path);
                        continue;
                    }
                    catch (Exception ex)
                    {
                        throw new Xunit.Sdk.XunitException(path + " as " + replacement.Type + " raised " + ex.GetType().Name + ": " + ex.Message);
                    }

                    Assert.False(read, "the reader took a field it reads as text even though it was " + replacement.Type + ": " + path);
                    FlowValidator.Validate(flow);
                    IvrSimulationResult result = await simulator.RunAsync(flow, new IvrSimulationOptions { MaxSteps = 60 });
                    Assert.NotEmpty(result.Steps);
                }
            }

            Assert.True(refused > 20, "some read fields were mutated (" + refused + ")");
        }

        [Fact]
        public void AVariableTypeIsParsedOnceAndAnUnknownOneNamesTheVariableAndItsPath()
        {
            WxccFlow flow = SampleFlows.Load("webex_api_mainflow");
            Assert.Equal(CallbackLab.Core.Expressions.FlowVariableType.Integer, flow.FindVariable("retry_delay")!.VariableType);
            Assert.Equal("INTEGER", flow.FindVariable("retry_delay")!.Type);
            Assert.Equal(FlowVariableSource.Global, flow.FindVariable("WEBEX_ACCESS_TOKEN")!.Source);

            string json = File.ReadAllText(SampleFlows.PathOf("webex_api_mainflow")).Replace("\"type\": \"INTEGER\"", "\"type\": \"NUMBER\"");
            FlowFormatException ex = Assert.Throws<FlowFormatException>(() => WxccFlowReader.Parse(json, "m.json"));
            Assert.Equal("variables[1].type", ex.Location);
            Assert.StartsWith("Variable 'retry_delay' has type NUMBER: 'NUMBER' is not a flow variable type", ex.Message, StringComparison.Ordinal);
        }

        private static bool IsReadField(string path) => s_readFields.Any(r => r.IsMatch(path));

        /// <summary>Bracketed keys (activity ids with dashes, <c>['x:name']</c>) become plain segments so the patterns stay simple.</summary>
        private static string Normalize(string path) => Regex.Replace(path, @"\['([^']*)'\]", m => "." + m.Groups[1].Value.Replace(".", "_")).TrimStart('.');
    }
}
