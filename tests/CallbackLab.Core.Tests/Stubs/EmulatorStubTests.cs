using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Stubs;
using CallbackLab.Core.Tests.Emulator;
using CallbackLab.Core.Tests.Flows;

namespace CallbackLab.Core.Tests.Stubs
{
    /// <summary>The emulator serves its stubs over HTTP, keeps its built-in routes for the rest, and journals simulations' stub exchanges.</summary>
    public sealed class EmulatorStubTests
    {
        [Fact]
        public async Task AStubAnswersOverHttpAndOtherRequestsKeepTheBuiltInRoutes()
        {
            using var client = new EmulatorClient();
            client.Emulator.Stubs.Add(StubReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "TestData", "Stubs", "Zendesk_HTTP_Connector.json")));

            EmulatorClient.Answer user = await client.GetAsync("api/v2/users/search.json?query=type%3Auser%20%2B1408");
            Assert.Equal(200, user.Status);
            Assert.Equal(9001, (int)user.Json.SelectToken("users[0].id")!);

            EmulatorClient.Answer dynVars = await client.GetAsync("flowdesigner/Lab/DynVars");
            Assert.Equal(200, dynVars.Status);
            Assert.True(dynVars.Json.Any(), "the MockAPI route must still answer when no stub matches");

            JournalEntry journalled = client.Emulator.Journal.First(e => e.Path == "/api/v2/users/search.json");
            Assert.Equal(200, journalled.StatusCode);
        }

        [Fact]
        public async Task AStubWithAHostAnswersAClientThatNamesThatHost()
        {
            using var client = new EmulatorClient();
            client.Emulator.Stubs.Add(StubReader.Read("""{"request":{"host":"webhook.site","urlPath":"/abc"},"response":{"status":299,"body":"hooked"}}"""));
            using var named = new HttpRequestMessage(HttpMethod.Get, "abc");
            named.Headers.Host = "webhook.site";
            using HttpResponseMessage hooked = await client.Http.SendAsync(named);
            Assert.Equal(299, (int)hooked.StatusCode);
            Assert.Equal("hooked", await hooked.Content.ReadAsStringAsync());
            Assert.Equal(404, (await client.GetAsync("abc")).Status);
        }

        [Fact]
        public async Task AStubMayOverrideABuiltInRouteAndItsFaultDropsTheConnection()
        {
            using var client = new EmulatorClient();
            client.Emulator.Stubs.Add(StubReader.Read("""
                [{"request":{"method":"GET","urlPath":"/flowdesigner/Lab/DynVars"},"responses":[{"status":503,"body":"\"maintenance\""},{"status":200,"jsonBody":[]}]},
                 {"request":{"urlPath":"/broken"},"response":{"fault":"CONNECTION_RESET_BY_PEER"}}]
                """));
            Assert.Equal(503, (await client.GetAsync("flowdesigner/Lab/DynVars")).Status);
            Assert.Equal("[]", (await client.GetAsync("flowdesigner/Lab/DynVars")).Body);
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync("broken"));

            client.Emulator.Reset();
            Assert.Equal(2, client.Emulator.Stubs.Count);
            Assert.Equal(503, (await client.GetAsync("flowdesigner/Lab/DynVars")).Status);
        }

        [Fact]
        public async Task ASimulationsStubExchangesAndUnmatchedRequestsAreInTheEmulatorsJournal()
        {
            using var client = new EmulatorClient();
            LabEmulator emulator = client.Emulator;
            emulator.Stubs.Add(StubReader.Read("""{"name":"hook","request":{"method":"POST","host":"webhook.site"},"response":{"status":200}}"""));
            var flow = new TestFlowBuilder()
                .Activity("Hook", "http-request-v2", TestFlowBuilder.Props(("authenticated", false), ("httpRequestUrl", "https://webhook.site/abc?token=s3cr3t"), ("httpRequestMethod", "POST"),
                    ("httpContentType", "Application/JSON"), ("httpRequestBody", "{\"password\":\"hunter2\"}")))
                .Activity("Lookup", "http-request-v2", TestFlowBuilder.Props(("authenticated", false), ("httpRequestUrl", "https://crm.example/customers"), ("httpRequestMethod", "GET")))
                .Activity("Done", "end-flow")
                .Link("NewPhoneContact", "out", "Hook").Link("Hook", "default", "Lookup").Link("Lookup", "default", "Done")
                .Build();
            var options = new IvrSimulationOptions { MockApiUri = emulator.MockApiUri, Connector = emulator.Connection };
            IvrSimulationResult result = await new IvrSimulator(StubRoutingTransport.ForSimulation(options, emulator.Stubs, new ScriptedTransport((_, _) => null))).RunAsync(flow, options);

            Assert.Equal(SimulationOutcome.Ended, result.Outcome);
            Assert.Equal("https://crm.example/customers", Assert.Single(result.UnmatchedRequests).Url);
            JournalEntry hook = Assert.Single(emulator.Journal, e => e.Path == "https://webhook.site/abc");
            Assert.Equal(200, hook.StatusCode);
            Assert.Equal("token=***", hook.Query);
            Assert.DoesNotContain("hunter2", hook.Body, StringComparison.Ordinal);
            JournalEntry missed = Assert.Single(emulator.Journal, e => e.Path == "https://crm.example/customers");
            Assert.Equal(404, missed.StatusCode);
            Assert.Equal("hook", missed.Headers["X-CallbackLab-Unmatched"]);
            Assert.Single(emulator.Stubs.Unmatched);
        }
    }
}
