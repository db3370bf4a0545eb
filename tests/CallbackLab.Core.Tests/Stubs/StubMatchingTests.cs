using System;
using System.Linq;
using CallbackLab.Core.Stubs;
using static CallbackLab.Core.Tests.Stubs.StubTestData;

namespace CallbackLab.Core.Tests.Stubs
{
    /// <summary>Each match kind of the stub engine, and how it picks among several matching stubs.</summary>
    public sealed class StubMatchingTests
    {
        [Fact]
        public void MethodMustMatchUnlessAny()
        {
            StubEngine engine = Engine("""[{"name":"post","request":{"method":"POST","urlPath":"/a"},"response":{"status":201}},{"name":"any","request":{"method":"ANY","urlPath":"/b"},"response":{"status":202}}]""");
            Assert.Equal(201, StatusFor(engine, Request("POST", "https://h.example/a")));
            Assert.Equal(404, StatusFor(engine, Request("GET", "https://h.example/a")));
            Assert.Equal(202, StatusFor(engine, Request("DELETE", "https://h.example/b")));
        }

        [Fact]
        public void UrlMatchesPathAndQueryExactly()
        {
            StubEngine engine = Engine("""{"request":{"url":"/a?x=1"},"response":{"status":200}}""");
            Assert.Equal(200, StatusFor(engine, Request("GET", "https://h.example/a?x=1")));
            Assert.Equal(404, StatusFor(engine, Request("GET", "https://h.example/a?x=2")));
            Assert.Equal(404, StatusFor(engine, Request("GET", "https://h.example/a")));
        }

        [Fact]
        public void UrlPathIgnoresTheQuery()
        {
            StubEngine engine = Engine("""{"request":{"urlPath":"/a"},"response":{"status":200}}""");
            Assert.Equal(200, StatusFor(engine, Request("GET", "https://h.example/a?x=2")));
            Assert.Equal(404, StatusFor(engine, Request("GET", "https://h.example/a/b")));
        }

        [Fact]
        public void AnAbsoluteUrlPathAlsoConstrainsSchemeHostAndPort()
        {
            StubEngine engine = Engine("""{"request":{"urlPath":"https://webhook.site/token-1"},"response":{"status":200}}""");
            Assert.Equal(200, StatusFor(engine, Request("POST", "https://webhook.site/token-1?x=1")));
            Assert.Equal(200, StatusFor(engine, Request("POST", "https://WEBHOOK.site:443/token-1")));
            Assert.Equal(404, StatusFor(engine, Request("POST", "http://webhook.site/token-1")));
            Assert.Equal(404, StatusFor(engine, Request("POST", "https://other.site/token-1")));
            Assert.Equal(404, StatusFor(engine, Request("POST", "https://webhook.site:8443/token-1")));
        }

        [Fact]
        public void UrlPatternIsAWholeMatchRegexOnPathAndQueryOrOnTheAbsoluteUrl()
        {
            StubEngine engine = Engine("""[{"name":"path","request":{"urlPathPattern":"/v1/users/[0-9]+"},"response":{"status":200}},{"name":"abs","request":{"urlPattern":"https://[a-z0-9-]+\\.cloudfunctions\\.net/.*\\?id=7"},"response":{"status":201}}]""");
            Assert.Equal("path", NameFor(engine, Request("GET", "https://h.example/v1/users/42?any=1")));
            Assert.Null(NameFor(engine, Request("GET", "https://h.example/v1/users/42/x")));
            Assert.Equal("abs", NameFor(engine, Request("GET", "https://us-central1-p.cloudfunctions.net/fn?id=7")));
            Assert.Null(NameFor(engine, Request("GET", "https://us-central1-p.cloudfunctions.net/fn?id=8")));
        }

        [Fact]
        public void UrlGlobStarStaysInASegmentAndDoubleStarCrossesSlashes()
        {
            StubEngine engine = Engine("""[{"name":"one","request":{"urlGlob":"https://*.mock.pstmn.io/api/*"},"response":{"status":200}},{"name":"deep","request":{"urlGlob":"/deep/**"},"response":{"status":200}}]""");
            Assert.Equal("one", NameFor(engine, Request("GET", "https://abc-123.mock.pstmn.io/api/customers")));
            Assert.Null(NameFor(engine, Request("GET", "https://abc-123.mock.pstmn.io/api/customers/1")));
            Assert.Equal("deep", NameFor(engine, Request("GET", "https://any.example/deep/a/b/c")));
        }

        [Fact]
        public void UrlPathTemplateMatchesOneSegmentPerParameter()
        {
            StubEngine engine = Engine("""{"request":{"urlPathTemplate":"/contacts/{id}/notes"},"response":{"status":200}}""");
            Assert.Equal(200, StatusFor(engine, Request("GET", "https://h.example/contacts/9/notes")));
            Assert.Equal(404, StatusFor(engine, Request("GET", "https://h.example/contacts/9/10/notes")));
        }

        [Fact]
        public void HostSchemeAndPortConstrainSeparately()
        {
            StubEngine engine = Engine("""[{"name":"glob","request":{"host":"*.mock.pstmn.io","urlPath":"/x"},"response":{"status":200}},{"name":"exact","request":{"scheme":"http","host":{"equalTo":"api.example"},"port":8080},"response":{"status":200}}]""");
            Assert.Equal("glob", NameFor(engine, Request("GET", "https://Team.MOCK.pstmn.io/x")));
            Assert.Null(NameFor(engine, Request("GET", "https://mock.pstmn.io.evil.example/x")));
            Assert.Equal("exact", NameFor(engine, Request("GET", "http://api.example:8080/anything")));
            Assert.Null(NameFor(engine, Request("GET", "https://api.example:8080/anything")));
            Assert.Null(NameFor(engine, Request("GET", "http://api.example/anything")));
        }

        [Fact]
        public void QueryParametersUseEveryStringOperator()
        {
            StubEngine engine = Engine("""
                {"request":{"urlPath":"/q","queryParameters":{
                  "eq":{"equalTo":"A","caseInsensitive":true},"has":{"contains":"mid"},"re":{"matches":"[0-9]{3}"},
                  "not":{"doesNotMatch":"x.*"},"gone":{"absent":true},"short":"plain"}},"response":{"status":200}}
                """);
            Assert.Equal(200, StatusFor(engine, Request("GET", "https://h.example/q?eq=a&has=amidst&re=123&not=yes&short=plain")));
            Assert.Equal(404, StatusFor(engine, Request("GET", "https://h.example/q?eq=a&has=amidst&re=1234&not=yes&short=plain")));
            Assert.Equal(404, StatusFor(engine, Request("GET", "https://h.example/q?eq=a&has=amidst&re=123&not=xyz&short=plain")));
            Assert.Equal(404, StatusFor(engine, Request("GET", "https://h.example/q?eq=a&has=amidst&re=123&not=yes&short=plain&gone=1")));
            Assert.Equal(200, StatusFor(engine, Request("GET", "https://h.example/q?eq=A&has=mid&re=999&not=no&short=plain&re=x")));
        }

        [Fact]
        public void HeadersMatchInAnyCaseOfTheName()
        {
            StubEngine engine = Engine("""{"request":{"headers":{"Content-Type":{"contains":"json"},"X-Key":{"equalTo":"k1"}}},"response":{"status":200}}""");
            Assert.Equal(200, StatusFor(engine, Request("POST", "https://h.example/", null, ("content-type", "application/json"), ("x-key", "k1"))));
            Assert.Equal(404, StatusFor(engine, Request("POST", "https://h.example/", null, ("content-type", "application/json"), ("x-key", "K1"))));
            Assert.Equal(404, StatusFor(engine, Request("POST", "https://h.example/", null, ("x-key", "k1"))));
        }

        [Fact]
        public void BodyJsonPathEqualsContainsAndExists()
        {
            StubEngine engine = Engine("""
                [{"name":"eq","request":{"bodyPatterns":[{"matchesJsonPath":{"expression":"$.customer.tier","equalTo":"gold"}}]},"response":{"status":200}},
                 {"name":"contains","request":{"bodyPatterns":[{"matchesJsonPath":{"expression":"$.tags","contains":"vip"}}]},"response":{"status":200}},
                 {"name":"exists","request":{"bodyPatterns":[{"matchesJsonPath":"$.ticket"}]},"response":{"status":200}},
                 {"name":"filter","request":{"bodyPatterns":[{"matchesJsonPath":"$.items[?(@.qty > 2)]"}]},"response":{"status":200}}]
                """);
            Assert.Equal("eq", NameFor(engine, Request("POST", "https://h.example/", """{"customer":{"tier":"gold"}}""")));
            Assert.Null(NameFor(engine, Request("POST", "https://h.example/", """{"customer":{"tier":"silver"}}""")));
            Assert.Equal("contains", NameFor(engine, Request("POST", "https://h.example/", """{"tags":["new","vip"]}""")));
            Assert.Equal("exists", NameFor(engine, Request("POST", "https://h.example/", """{"ticket":7}""")));
            Assert.Null(NameFor(engine, Request("POST", "https://h.example/", """{"ticket":null}""")));
            Assert.Equal("filter", NameFor(engine, Request("POST", "https://h.example/", """{"items":[{"qty":1},{"qty":3}]}""")));
            Assert.Null(NameFor(engine, Request("POST", "https://h.example/", """{"items":[{"qty":1}]}""")));
            Assert.Null(NameFor(engine, Request("POST", "https://h.example/", "not json")));
        }

        [Fact]
        public void BodyEqualToJsonIgnoresFormattingAndOptionallyExtraElementsAndArrayOrder()
        {
            StubEngine strict = Engine("""{"request":{"bodyPatterns":[{"equalToJson":{"a":1,"b":[1,2]}}]},"response":{"status":200}}""");
            Assert.Equal(200, StatusFor(strict, Request("POST", "https://h.example/", """{ "b": [1, 2], "a": 1.0 }""")));
            Assert.Equal(404, StatusFor(strict, Request("POST", "https://h.example/", """{"a":1,"b":[2,1]}""")));
            Assert.Equal(404, StatusFor(strict, Request("POST", "https://h.example/", """{"a":1,"b":[1,2],"c":0}""")));
            StubEngine lenient = Engine("""{"request":{"bodyPatterns":[{"equalToJson":"{\"a\":1,\"b\":[1,2]}","ignoreExtraElements":true,"ignoreArrayOrder":true}]},"response":{"status":200}}""");
            Assert.Equal(200, StatusFor(lenient, Request("POST", "https://h.example/", """{"a":1,"b":[2,1],"c":0}""")));
        }

        [Fact]
        public void BodyTextOperatorsApplyToTheWholeBody()
        {
            StubEngine engine = Engine("""{"request":{"bodyPatterns":[{"contains":"hello"},{"doesNotContain":"bye"}]},"response":{"status":200}}""");
            Assert.Equal(200, StatusFor(engine, Request("POST", "https://h.example/", "well hello there")));
            Assert.Equal(404, StatusFor(engine, Request("POST", "https://h.example/", "hello and bye")));
        }

        [Fact]
        public void TheHighestPriorityWinsWhateverItsSpecificity()
        {
            StubEngine engine = Engine("""
                [{"name":"specific","priority":5,"request":{"method":"GET","url":"/a?x=1"},"response":{"status":200}},
                 {"name":"catch-all","priority":1,"request":{"method":"ANY"},"response":{"status":503}}]
                """);
            Assert.Equal("catch-all", NameFor(engine, Request("GET", "https://h.example/a?x=1")));
        }

        [Fact]
        public void AtEqualPriorityTheMostSpecificWinsWhateverTheOrder()
        {
            const string Specific = """{"name":"specific","request":{"method":"GET","urlPath":"/a","headers":{"Accept":{"contains":"json"}}},"response":{"status":200}}""";
            const string Broad = """{"name":"broad","request":{"urlPathPattern":"/.*"},"response":{"status":500}}""";
            StubRequest request = Request("GET", "https://h.example/a", null, ("Accept", "application/json"));
            Assert.Equal("specific", NameFor(Engine("[" + Specific + "," + Broad + "]"), request));
            Assert.Equal("specific", NameFor(Engine("[" + Broad + "," + Specific + "]"), request));
            Assert.Equal("broad", NameFor(Engine("[" + Specific + "," + Broad + "]"), Request("GET", "https://h.example/a")));
        }

        [Fact]
        public void AtEqualPriorityAndSpecificityTheMostRecentlyAddedWins()
        {
            var engine = new StubEngine();
            engine.Add(StubReader.Read("""{"name":"first","request":{"urlPath":"/a"},"response":{"status":200}}"""));
            engine.Add(StubReader.Read("""{"name":"second","request":{"urlPath":"/a"},"response":{"status":201}}"""));
            Assert.Equal("second", NameFor(engine, Request("GET", "https://h.example/a")));
        }

        [Fact]
        public void ASequenceAnswersInOrderThenRepeatsItsLastAnswer()
        {
            StubEngine engine = Engine("""{"request":{"urlPath":"/flaky"},"responses":[{"status":500},{"status":503},{"status":200,"body":"ok"}]}""");
            StubRequest request = Request("GET", "https://h.example/flaky");
            int[] statuses = Enumerable.Range(0, 5).Select(_ => StatusFor(engine, request)).ToArray();
            Assert.Equal(new[] { 500, 503, 200, 200, 200 }, statuses);
            Assert.Equal(5, engine.Stubs[0].CallCount);
            engine.ResetSequences();
            Assert.Equal(500, StatusFor(engine, request));
        }

        [Fact]
        public void WireMockScenariosMoveFromStateToState()
        {
            StubEngine engine = Engine("""
                [{"scenarioName":"token","requiredScenarioState":"Started","newScenarioState":"issued","request":{"urlPath":"/t"},"response":{"status":401}},
                 {"scenarioName":"token","requiredScenarioState":"issued","request":{"urlPath":"/t"},"response":{"status":200}}]
                """);
            StubRequest request = Request("GET", "https://h.example/t");
            Assert.Equal(401, StatusFor(engine, request));
            Assert.Equal("issued", engine.ScenarioState("token"));
            Assert.Equal(200, StatusFor(engine, request));
            Assert.Equal(200, StatusFor(engine, request));
        }

        [Fact]
        public void AMissNamesTheClosestStubAndEachMismatch()
        {
            StubEngine engine = Engine("""
                [{"name":"other host","request":{"method":"POST","urlPath":"https://elsewhere.example/customers"},"response":{"status":200}},
                 {"name":"customers","request":{"method":"POST","urlPath":"https://crm.example/customers","headers":{"Content-Type":{"equalTo":"application/json"}}},"response":{"status":200}}]
                """);
            StubMatch match = engine.Match(Request("GET", "https://crm.example/customers"));
            Assert.False(match.IsMatch);
            Assert.Equal("customers", match.Miss!.Stub!.Name);
            Assert.Equal(new[] { "method: expected POST, got GET", "header 'Content-Type': expected equalTo 'application/json', got (absent)" }, match.Miss.Mismatches);
        }

        [Fact]
        public void AMissWithNoStubsHasNoClosestStub()
        {
            StubMatch match = new StubEngine().Match(Request("GET", "https://crm.example/customers"));
            Assert.Null(match.Miss!.Stub);
            UnmatchedRequest unmatched = match.Miss.ToUnmatched(Request("GET", "https://crm.example/customers?api_key=s3cr3t"), "network is off.");
            Assert.Equal("https://crm.example/customers?api_key=***", unmatched.Url);
            Assert.DoesNotContain("s3cr3t", unmatched.ToResponseBody(), StringComparison.Ordinal);
            Assert.Contains("No stub is loaded", unmatched.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void ASecretHeaderValueIsNeverRepeatedInAMismatch()
        {
            StubEngine engine = Engine("""{"request":{"headers":{"Authorization":{"equalTo":"Bearer right"}}},"response":{"status":200}}""");
            StubMatch match = engine.Match(Request("GET", "https://h.example/", null, ("Authorization", "Bearer wrong-token")));
            string reason = Assert.Single(match.Miss!.Mismatches);
            Assert.DoesNotContain("wrong-token", reason, StringComparison.Ordinal);
            Assert.DoesNotContain("right", reason, StringComparison.Ordinal);
        }

        [Fact]
        public void RemovingAndReplacingStubsById()
        {
            var engine = new StubEngine();
            Stub first = StubReader.ReadMapping(Newtonsoft.Json.Linq.JObject.Parse("""{"id":"0b7f7d7c-1111-4a4a-9c9c-000000000001","request":{"urlPath":"/a"},"response":{"status":200}}"""));
            engine.Add(first);
            engine.Add(StubReader.ReadMapping(Newtonsoft.Json.Linq.JObject.Parse("""{"id":"0b7f7d7c-1111-4a4a-9c9c-000000000001","request":{"urlPath":"/a"},"response":{"status":202}}""")));
            Assert.Equal(1, engine.Count);
            Assert.Equal(202, StatusFor(engine, Request("GET", "https://h.example/a")));
            Assert.True(engine.Remove(first.Id));
            Assert.False(engine.Remove(first.Id));
            Assert.Equal(0, engine.Count);
        }
    }
}
