using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Stubs;
using CallbackLab.Core.Tests.Flows;
using Newtonsoft.Json.Linq;
using static CallbackLab.Core.Tests.Flows.TestFlowBuilder;

namespace CallbackLab.Core.Tests.Stubs
{
    /// <summary>The simulator's routing: stubs answer, unmatched requests are never sent, the network only when allowed.</summary>
    public sealed class StubRoutingTests
    {
        private const string LookupUrl = "https://us-central1-demo.cloudfunctions.net/lookup";

        /// <summary>NewPhoneContact → HTTP GET (parses $.tier into tier) → end; the global error goes to an event-flow end.</summary>
        private static WxccFlow LookupFlow(string url = LookupUrl, int timeoutMs = 2000, int retries = 1) => new TestFlowBuilder()
            .Variable("tier", "STRING", "none")
            .Activity("Lookup", "http-request-v2", Props(
                ("authenticated", false), ("httpRequestUrl", url), ("httpRequestMethod", "GET"),
                ("httpQueryParameters", Props(("ani", "{{NewPhoneContact.ANI}}"))), ("httpRequestHeaders", Props(("Authorization", "Bearer flow-secret-token"))),
                ("httpResponseTimeout", timeoutMs), ("retryAttempts", retries),
                ("outputVariableArray", new[] { Props(("outputVariable", "tier"), ("jsonPathExp", "$.tier")) })))
            .Activity("Done", "end-flow")
            .Activity("Failed", "end-flow", inEventFlow: true)
            .Link("NewPhoneContact", "out", "Lookup").Link("Lookup", "default", "Done")
            .On("OnGlobalError", "Failed")
            .Build();

        /// <summary>A transport that would really send, through a proxy at <paramref name="proxyPort"/> (so any attempt is counted there).</summary>
        private static HttpClientFlowTransport NetworkThroughProxy(int proxyPort, out HttpClient client)
        {
            client = new HttpClient(new HttpClientHandler { Proxy = new WebProxy("http://127.0.0.1:" + proxyPort), UseProxy = true });
            return new HttpClientFlowTransport(client);
        }

        private static Task<IvrSimulationResult> Simulate(WxccFlow flow, IFlowHttpTransport transport) =>
            new IvrSimulator(transport).RunAsync(flow, new IvrSimulationOptions { Ani = "+14085550123", StartTime = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero) });

        private static async Task<int> WaitForAccepts(CountingSocket socket, int atLeast)
        {
            for (int i = 0; i < 100 && socket.Accepted < atLeast; i++)
            {
                await Task.Delay(20);
            }

            return socket.Accepted;
        }

        [Fact]
        public async Task WithNoStubAndNoAllowNetworkNothingIsSentAndTheRunEndsNaturally()
        {
            using var proxy = new CountingSocket();
            HttpClientFlowTransport network = NetworkThroughProxy(proxy.Port, out HttpClient client);
            using (client)
            {
                // The control: this transport does reach the counting socket when it sends, so a zero below means "not sent".
                await Assert.ThrowsAsync<FlowHttpTransportException>(() =>
                    network.SendAsync(new FlowHttpRequest("GET", new Uri(LookupUrl), Array.Empty<KeyValuePair<string, string>>(), null, null), TimeSpan.FromMilliseconds(300), CancellationToken.None));
                await WaitForAccepts(proxy, 1);
                await Task.Delay(300); // let the count settle
                int controlAccepts = proxy.Accepted;
                Assert.True(controlAccepts >= 1, "the control request did not reach the counting proxy, so the test could not see a leak");

                var stubs = new StubEngine();
                var routing = new StubRoutingTransport(stubs, network, Array.Empty<Uri>());
                IvrSimulationResult result = await Simulate(LookupFlow(), routing);
                await Task.Delay(200); // give a stray connection time to arrive

                Assert.Equal(controlAccepts, proxy.Accepted);
                Assert.Equal(SimulationOutcome.Ended, result.Outcome);
                Assert.Equal(new[] { "NewPhoneContact", "Lookup", "Done" }, result.Path);
                Assert.Equal(404, result.HttpStatusCode);
                UnmatchedRequest unmatched = Assert.Single(result.UnmatchedRequests);
                Assert.Equal("GET", unmatched.Method);
                Assert.Equal(LookupUrl + "?ani=%2B14085550123", unmatched.Url);
                Assert.EndsWith("no stub matches it and the network is off.", unmatched.Reason, StringComparison.Ordinal);
                Assert.Same(unmatched, Assert.Single(stubs.Unmatched));
                JObject body = JObject.Parse(result.FindStep("Lookup")!.Http!.ResponseBody!);
                Assert.Equal("UnmatchedRequest", (string?)body["error"]);
                Assert.Equal(JTokenType.Null, body["closestStub"]!.Type);
                Assert.Equal("none", result.Variables["tier"]);
            }
        }

        [Fact]
        public async Task TheDefaultSimulatorAlsoAnswersOtherHostsAsUnmatched()
        {
            IvrSimulationResult result = await new IvrSimulator().RunAsync(LookupFlow(), new IvrSimulationOptions());
            Assert.Equal(SimulationOutcome.Ended, result.Outcome);
            Assert.Equal(404, result.HttpStatusCode);
            Assert.Equal("us-central1-demo.cloudfunctions.net", Assert.Single(result.UnmatchedRequests).Host);
        }

        [Fact]
        public async Task AMatchingStubAnswersTheActivityAndItsOutputsAreParsed()
        {
            StubEngine stubs = StubTestData.Engine("""
                {"name":"lookup","request":{"method":"GET","urlPath":"https://us-central1-demo.cloudfunctions.net/lookup","queryParameters":{"ani":{"equalTo":"+14085550123"}},
                 "headers":{"Authorization":{"matches":"Bearer .+"}}},"response":{"status":200,"jsonBody":{"tier":"gold"}}}
                """);
            var network = new ScriptedTransport((_, _) => throw new InvalidOperationException("the network must not be used"));
            IvrSimulationResult result = await Simulate(LookupFlow(), new StubRoutingTransport(stubs, network, Array.Empty<Uri>()));
            Assert.Equal("gold", result.Variables["tier"]);
            Assert.Equal(200, result.HttpStatusCode);
            Assert.Empty(result.UnmatchedRequests);
            Assert.Empty(network.Sent);
            Assert.Equal(1, stubs.Stubs[0].CallCount);
        }

        [Fact]
        public async Task ANearMissAnswers404NamingTheClosestStubAndWhy()
        {
            StubEngine stubs = StubTestData.Engine("""{"name":"lookup by POST","request":{"method":"POST","urlPath":"https://us-central1-demo.cloudfunctions.net/lookup"},"response":{"status":200}}""");
            IvrSimulationResult result = await Simulate(LookupFlow(), new StubRoutingTransport(stubs, new ScriptedTransport((_, _) => null), Array.Empty<Uri>()));
            UnmatchedRequest unmatched = Assert.Single(result.UnmatchedRequests);
            Assert.Equal("lookup by POST", unmatched.ClosestStubName);
            Assert.Equal(new[] { "method: expected POST, got GET" }, unmatched.Mismatches);
            JObject body = JObject.Parse(result.FindStep("Lookup")!.Http!.ResponseBody!);
            Assert.Equal("lookup by POST", (string?)body["closestStub"]!["name"]);
            Assert.Equal("method: expected POST, got GET", (string?)body["closestStub"]!["mismatches"]![0]);
        }

        [Fact]
        public async Task ADelayUnderTheTimeoutIsVirtualTimeAndAtTheTimeoutItIsATimeoutThatRetries()
        {
            StubEngine quick = StubTestData.Engine("""{"request":{"urlPath":"/lookup"},"response":{"status":200,"jsonBody":{"tier":"gold"},"fixedDelayMilliseconds":1500}}""");
            var started = DateTimeOffset.UtcNow;
            IvrSimulationResult ok = await Simulate(LookupFlow(), new StubRoutingTransport(quick, new ScriptedTransport((_, _) => null), Array.Empty<Uri>()));
            Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(1.4), "a stub delay must not be waited for in real time");
            Assert.Equal("gold", ok.Variables["tier"]);
            Assert.Equal(TimeSpan.FromMilliseconds(1500), ok.Duration);

            StubEngine slow = StubTestData.Engine("""{"request":{"urlPath":"/lookup"},"response":{"status":200,"fixedDelayMilliseconds":2000}}""");
            IvrSimulationResult timedOut = await Simulate(LookupFlow(timeoutMs: 2000, retries: 2), new StubRoutingTransport(slow, new ScriptedTransport((_, _) => null), Array.Empty<Uri>()));
            Assert.Equal(SimulationOutcome.GlobalError, timedOut.Outcome);
            Assert.Equal(3, timedOut.FindStep("Lookup")!.Http!.Attempts);
            Assert.Equal(3, slow.Stubs[0].CallCount);
            Assert.Contains("within 2000 ms", timedOut.GlobalError!.Message, StringComparison.Ordinal);
            Assert.Equal(TimeSpan.FromMilliseconds(6000), timedOut.Duration);
        }

        [Fact]
        public async Task ASequenceFirst500Then200IsAnsweredAcrossTheActivitysRetries()
        {
            StubEngine stubs = StubTestData.Engine("""{"request":{"urlPath":"/lookup"},"responses":[{"status":500},{"status":200,"jsonBody":{"tier":"silver"}}]}""");
            IvrSimulationResult result = await Simulate(LookupFlow(retries: 1), new StubRoutingTransport(stubs, new ScriptedTransport((_, _) => null), Array.Empty<Uri>()));
            Assert.Equal(2, result.FindStep("Lookup")!.Http!.Attempts);
            Assert.Equal(200, result.HttpStatusCode);
            Assert.Equal("silver", result.Variables["tier"]);
        }

        [Fact]
        public async Task AFaultStubRaisesTheGlobalErrorLikeARefusedConnection()
        {
            StubEngine stubs = StubTestData.Engine("""{"request":{"urlPath":"/lookup"},"response":{"fault":"EMPTY_RESPONSE"}}""");
            IvrSimulationResult result = await Simulate(LookupFlow(retries: 0), new StubRoutingTransport(stubs, new ScriptedTransport((_, _) => null), Array.Empty<Uri>()));
            Assert.Equal(SimulationOutcome.GlobalError, result.Outcome);
            Assert.Contains("EmptyResponse", result.GlobalError!.Message, StringComparison.Ordinal);

            StubEngine slowFault = StubTestData.Engine("""{"request":{"urlPath":"/lookup"},"response":{"fault":"CONNECTION_RESET_BY_PEER","fixedDelayMilliseconds":700}}""");
            IvrSimulationResult late = await Simulate(LookupFlow(retries: 0), new StubRoutingTransport(slowFault, new ScriptedTransport((_, _) => null), Array.Empty<Uri>()));
            Assert.Equal(SimulationOutcome.GlobalError, late.Outcome);
            Assert.Equal(TimeSpan.FromMilliseconds(700), late.Duration);
        }

        [Fact]
        public async Task TheMockApiBaseAndTheConnectorPassThroughWithoutStubs()
        {
            var network = new ScriptedTransport((_, _) => ScriptedTransport.Json(200, "{\"tier\":\"from-mockapi\"}"));
            var options = new IvrSimulationOptions { MockApiUri = new Uri("http://127.0.0.1:5999/flowdesigner/Lab/") };
            StubRoutingTransport routing = StubRoutingTransport.ForSimulation(options, new StubEngine(), network);
            Assert.True(routing.PassesThrough(new Uri("http://127.0.0.1:5999/flowdesigner/Lab/DynVars?dn=1")));
            Assert.False(routing.PassesThrough(new Uri("http://127.0.0.1:5999/other")));
            Assert.False(routing.PassesThrough(new Uri(LookupUrl)));
            IvrSimulationResult result = await new IvrSimulator(routing).RunAsync(LookupFlow("http://127.0.0.1:5999/flowdesigner/Lab/DynVars"), options);
            Assert.Equal("from-mockapi", result.Variables["tier"]);
            Assert.Single(network.Sent);
        }

        [Fact]
        public async Task AllowNetworkSendsOnlyToListedHostsAndRecordsStubsThatReplayOffline()
        {
            using var real = new RealHost();
            string url = real.Uri + "crm/lookup";
            using var client = new HttpClient();
            var network = new HttpClientFlowTransport(client);

            // A host that is not listed stays offline even with the network allowed.
            var elsewhere = new StubRoutingTransport(new StubEngine(), network, Array.Empty<Uri>(), new NetworkAllowance(new[] { "webhook.site" }));
            IvrSimulationResult refused = await Simulate(LookupFlow(url), elsewhere);
            Assert.Equal(0, real.Requests);
            Assert.Contains("is not one of the allowed network hosts (webhook.site", Assert.Single(refused.UnmatchedRequests).Reason, StringComparison.Ordinal);

            var recorder = new StubRecorder();
            var allowed = new StubRoutingTransport(new StubEngine(), network, Array.Empty<Uri>(), new NetworkAllowance(new[] { "127.0.0.1:" + real.Port }), recorder);
            IvrSimulationResult live = await Simulate(LookupFlow(url), allowed);
            Assert.Equal(2, real.Requests); // 503, then the activity's retry got 200
            Assert.Equal(200, live.HttpStatusCode);
            Assert.Equal(2, recorder.ExchangeCount);

            string file = Path.Combine(Path.GetTempPath(), "cblab-recorded-" + Guid.NewGuid().ToString("N") + ".json");
            try
            {
                File.WriteAllText(file, StubWriter.ToJson(recorder.ToStubs()));
                string saved = File.ReadAllText(file);
                Assert.DoesNotContain("flow-secret-token", saved, StringComparison.Ordinal);
                Assert.DoesNotContain("tok-", saved, StringComparison.Ordinal);
                Assert.DoesNotContain("session=abc", saved, StringComparison.Ordinal);
                Assert.Contains("\"X-Real\": \"yes\"", saved, StringComparison.Ordinal);

                // Replay: the recorded file alone answers, in the recorded order, and the real host is not asked again.
                var replayStubs = new StubEngine();
                replayStubs.Add(StubReader.ReadFile(file));
                real.Dispose();
                IvrSimulationResult replayed = await Simulate(LookupFlow(url), new StubRoutingTransport(replayStubs, network, Array.Empty<Uri>()));
                Assert.Equal(live.Path, replayed.Path);
                Assert.Equal(live.HttpStatusCode, replayed.HttpStatusCode);
                Assert.Equal(2, replayed.FindStep("Lookup")!.Http!.Attempts);
                Assert.Empty(replayed.UnmatchedRequests);
                Assert.Equal(live.FindStep("Lookup")!.Http!.ResponseBody!.Replace("tok-2", "***").Replace("flow-secret-token", "***"), replayed.FindStep("Lookup")!.Http!.ResponseBody);
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public async Task EveryExchangeAnsweredFromStubsIsReported()
        {
            StubEngine stubs = StubTestData.Engine("""{"name":"lookup","request":{"urlPath":"/lookup"},"response":{"status":200}}""");
            var seen = new List<StubExchange>();
            stubs.Exchanged += (_, e) => seen.Add(e);
            var routing = new StubRoutingTransport(stubs, new ScriptedTransport((_, _) => null), Array.Empty<Uri>());
            await Simulate(LookupFlow(), routing);
            await Simulate(LookupFlow("https://webhook.site/other"), routing);
            Assert.Equal(new[] { 200, 404 }, seen.Select(e => e.Status));
            Assert.Equal("lookup", seen[0].Stub!.Name);
            Assert.NotNull(seen[1].Unmatched);
        }
    }
}
