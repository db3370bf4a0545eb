using CallbackLab.Core.Stubs;
using static CallbackLab.Core.Tests.Stubs.StubTestData;

namespace CallbackLab.Core.Tests.Stubs
{
    /// <summary>Stubs made from plain values (Add-CallbackLabStub's parameters) are ordinary WireMock mappings.</summary>
    public sealed class StubMappingBuilderTests
    {
        private static StubEngine EngineOf(StubMappingBuilder builder)
        {
            var engine = new StubEngine();
            engine.Add(StubReader.ReadMapping(builder.Build()));
            return engine;
        }

        [Fact]
        public void AUrlWithAStarIsAGlobWithAQueryIsExactAndOtherwiseAPath()
        {
            Assert.Equal("urlGlob", Kind(new StubMappingBuilder { Url = "https://*.mock.pstmn.io/**" }));
            Assert.Equal("url", Kind(new StubMappingBuilder { Url = "/a?x=1" }));
            Assert.Equal("urlPath", Kind(new StubMappingBuilder { Url = "https://webhook.site/abc" }));
            Assert.Equal("urlPathPattern", Kind(new StubMappingBuilder { UrlPattern = "/v1/.*" }));

            static string Kind(StubMappingBuilder builder) => StubReader.ReadMapping(builder.Build()).Request.Url.Kind switch
            {
                UrlMatchKind.UrlGlob => "urlGlob",
                UrlMatchKind.Url => "url",
                UrlMatchKind.UrlPath => "urlPath",
                UrlMatchKind.UrlPathPattern => "urlPathPattern",
                _ => "other",
            };
        }

        [Fact]
        public void ConstraintsSequencesDelayAndTemplateCarryOver()
        {
            var builder = new StubMappingBuilder { Name = "crm", Method = "post", Url = "https://crm.example/c", Body = "{{request.query.id}}", Templated = true, DelayMilliseconds = 250, Priority = 2 };
            builder.Query["id"] = "7";
            builder.Headers["X-Key"] = "k";
            builder.BodyJsonPath["$.tier"] = "gold";
            builder.StatusCodes.Add(500);
            builder.StatusCodes.Add(200);
            builder.ResponseHeaders["Retry-After"] = "3";
            StubEngine engine = EngineOf(builder);
            Stub stub = engine.Stubs[0];
            Assert.Equal("crm", stub.Name);
            Assert.Equal(2, stub.Priority);
            Assert.Equal("500→200", stub.Status);

            StubRequest request = Request("POST", "https://crm.example/c?id=7", """{"tier":"gold"}""", ("X-Key", "k"));
            StubAnswer first = engine.Match(request).Answer!;
            Assert.Equal(500, first.Status);
            Assert.Equal("7", first.Body);
            Assert.Equal("3", first.HeaderDictionary()["Retry-After"]);
            Assert.Equal(System.TimeSpan.FromMilliseconds(250), first.Delay);
            Assert.Equal(200, engine.Match(request).Answer!.Status);
            Assert.False(engine.Match(Request("POST", "https://crm.example/c?id=7", """{"tier":"silver"}""", ("X-Key", "k"))).IsMatch);
            Assert.False(engine.Match(Request("GET", "https://crm.example/c?id=7", """{"tier":"gold"}""", ("X-Key", "k"))).IsMatch);
        }
    }
}
