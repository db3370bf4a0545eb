using System;
using System.IO;
using System.Linq;
using CallbackLab.Core.JsonPath;
using CallbackLab.Core.Stubs;
using Newtonsoft.Json.Linq;
using static CallbackLab.Core.Tests.Stubs.StubTestData;

namespace CallbackLab.Core.Tests.Stubs
{
    /// <summary>The stub files for the sample exports (tests/TestData/Stubs) answer the requests those exports send.</summary>
    public sealed class SampleStubsTests
    {
        private static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "Stubs", name + ".json");

        private static StubEngine Load(params string[] names)
        {
            var engine = new StubEngine();
            foreach (string name in names)
            {
                engine.Add(StubReader.ReadFile(PathOf(name)));
            }

            return engine;
        }

        /// <summary>The value the activity's output JSONPath would take from the answer's body.</summary>
        private static string? Output(StubAnswer answer, string path) =>
            NewtonsoftJsonPathEngine.Instance.SelectForVariable(JToken.Parse(answer.Body), path)?.ToString();

        [Fact]
        public void EveryFileLoadsAndNoTwoStubsShareAnId()
        {
            string[] files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "Stubs"), "*.json");
            Assert.True(files.Length >= 8, "the stub files were not copied next to the tests");
            var ids = files.SelectMany(StubReader.ReadFile).Select(s => s.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }

        [Fact]
        public void WebexPeopleAndTokenRefreshAnswerWhatTheMainFlowAndSubflowParse()
        {
            StubEngine engine = Load("webex_api");
            StubAnswer people = engine.Match(Request("GET", "https://webexapis.com/v1/people?email=supervisor%40valkyrie2.wbx.ai&callingData=true", null, ("Authorization", "Bearer abc"))).Answer!;
            Assert.Equal(200, people.Status);
            Assert.Equal("Valkyrie Supervisor", Output(people, "$.items[0].displayName"));
            Assert.Equal("active", Output(people, "$.items[0].status"));
            Assert.Equal("supervisor@valkyrie2.wbx.ai", Output(people, "$.items[0].emails[0]"));

            StubAnswer token = engine.Match(Request("POST", "https://webexapis.com/v1/access_token", """{"grant_type":"refresh_token","client_id":"c","client_secret":"s","refresh_token":"r"}""")).Answer!;
            Assert.Equal("STUB_REFRESHED_ACCESS_TOKEN", Output(token, "$.access_token"));

            StubAnswer cad = engine.Match(Request("PUT", "http://127.0.0.1:5080/organization/org-1/cad-variable/gv-9", """{"name":"webex_api_token","defaultValue":"tok"}""")).Answer!;
            Assert.Equal("gv-9", Output(cad, "$.id"));
            Assert.Equal("tok", Output(cad, "$.defaultValue"));
        }

        [Fact]
        public void TheTokenExpiredAndRateLimitedVariantsWinOnceThenAnswer200()
        {
            StubEngine expired = Load("webex_api", "webex_api.token-expired");
            StubRequest people = Request("GET", "https://webexapis.com/v1/people?email=a%40b.c&callingData=true", null, ("Authorization", "Bearer abc"));
            Assert.Equal(401, expired.Match(people).Answer!.Status);
            Assert.Equal(200, expired.Match(people).Answer!.Status);

            StubEngine limited = Load("webex_api", "webex_api.rate-limited");
            StubAnswer first = limited.Match(people).Answer!;
            Assert.Equal(429, first.Status);
            Assert.Equal("30", first.HeaderDictionary()["Retry-After"]);
            Assert.Equal(200, limited.Match(people).Answer!.Status);
        }

        [Fact]
        public void JourneyDataLookupsAnswerWhatCjds02Parses()
        {
            StubEngine engine = Load("CJDS02_Voice");
            const string Jds = "https://api-jds.prod-useast1.ciscowxdap.com";
            StubAnswer identity = engine.Match(Request("GET", Jds + "/admin/v1/api/person/workspace-id/647f84fc1973c17c2e1bff18/aliases/+14085550100", null, ("Authorization", "Bearer eyJ"))).Answer!;
            Assert.Equal("stub-person-0001", Output(identity, "$.data[0].id"));
            Assert.Equal("+14085550100", Output(identity, "$.data[0].phone[0]"));
            Assert.Equal(202, engine.Match(Request("POST", Jds + "/publish/v1/api/event?workspaceId=647f84fc1973c17c2e1bff18", """{"id":"i-1","identity":"+14085550100"}""")).Answer!.Status);
            StubAnswer count = engine.Match(Request("GET", Jds + "/v1/api/progressive-profile-view/workspace-id/647f84fc1973c17c2e1bff18/person-id/stub-person-0001/template-id/RepeatCaller")).Answer!;
            Assert.Equal("1", Output(count, "$.data[0].attributes[0].result"));
            Assert.Equal("Payment Queue", Output(count, "$.data[0].attributes[0].queryTemplate.rules.value"));

            StubEngine unknown = Load("CJDS02_Voice", "CJDS02_Voice.unknown-caller");
            Assert.Equal(404, unknown.Match(Request("GET", Jds + "/admin/v1/api/person/workspace-id/w/aliases/+1999")).Answer!.Status);
        }

        [Fact]
        public void CarsHostsAnswerTheCustomerLookupWebhooksAndTranscript()
        {
            StubEngine engine = Load("Cars_Export_voice");
            StubAnswer customer = engine.Match(Request("GET", "https://INSERTYOURMOCKAPI.io/YOURRESOURCE?phone=4085550100")).Answer!;
            Assert.Equal("Ada Lovelace", Output(customer, "$.[0].name"));
            Assert.Equal("4085550100", Output(customer, "$.[0].phone"));
            Assert.Equal(201, engine.Match(Request("POST", "https://insertyourmockapi.io/YOURRESOURCE", "{}")).Answer!.Status);
            Assert.Equal(200, engine.Match(Request("DELETE", "https://insertyourmockapi.io/YOURRESOURCE/7")).Answer!.Status);
            Assert.Equal(200, engine.Match(Request("POST", "https://webhook.site/40ed6894-8d80-4911-a62e-61ae24a817be", "{}")).Answer!.Status);
            Assert.Equal("success", Output(engine.Match(Request("POST", "https://hooks.imiconnect.com.au/events/YOURCONNECTEVENT", "{}")).Answer!, "$.status"));
            Assert.Equal("success", Output(engine.Match(Request("POST", "https://hooks.au.webexconnect.io/events/YOURCONNECTEVENT", "{}")).Answer!, "$.status"));
            StubAnswer transcript = engine.Match(Request("GET", "https://transcript.example/conversations/c-1")).Answer!;
            // The export's own path: the second turn from the end of the transcript (Jayway's negative index).
            Assert.Equal("BookService", Output(transcript, "$.conversation[-2].bot.intentName"));
            Assert.Equal("Sydney", Output(transcript, "$.conversation[-2].bot.parameters.Location"));
        }

        [Fact]
        public void ZendeskConnectorPathsAnswerOnAnyBase()
        {
            StubEngine engine = Load("Zendesk_HTTP_Connector");
            StubAnswer user = engine.Match(Request("GET", "http://127.0.0.1:5080/api/v2/users/search.json?query=type%3Auser%20%2B14085550100")).Answer!;
            Assert.Equal("9001", Output(user, "$.users[0].id"));
            StubAnswer ticket = engine.Match(Request("GET", "http://127.0.0.1:5080/api/v2/search.json?query=type%3Aticket%20status%3Csolved%20requester%3A9001&sort_by=created_at&sort_order=desc")).Answer!;
            Assert.Equal("4711", Output(ticket, "$.results[0].id"));
            Assert.Equal(200, engine.Match(Request("PUT", "http://127.0.0.1:5080/api/v2/tickets/4711.json", """{"ticket":{"comment":{"body":"x"}}}""")).Answer!.Status);
        }

        [Fact]
        public void TheCatchAllsAnswerCloudFunctionsAndPostmanMocksButNothingElse()
        {
            StubEngine engine = Load("other-hosts");
            Assert.Equal(200, StatusFor(engine, Request("POST", "https://us-central1-acme.cloudfunctions.net/crm/lookup", "{}")));
            Assert.Equal(200, StatusFor(engine, Request("GET", "https://4f1c-team.mock.pstmn.io/customers?id=1")));
            Assert.Equal(404, StatusFor(engine, Request("GET", "https://webhook.site/x")));
        }
    }
}
