using System;
using System.IO;
using System.Linq;
using CallbackLab.Core.Stubs;
using Newtonsoft.Json.Linq;
using static CallbackLab.Core.Tests.Stubs.StubTestData;

namespace CallbackLab.Core.Tests.Stubs
{
    /// <summary>WireMock mapping import, response bodies and templating.</summary>
    public sealed class StubReaderTests
    {
        /// <summary>A mappings file as WireMock's admin API exports it (<c>GET /__admin/mappings</c>), two stubs.</summary>
        private const string WireMockExport = """
            {
              "mappings": [
                {
                  "id": "8c5db8b0-2db4-4ad7-a99f-38c9b00da3f7",
                  "name": "Get customer",
                  "request": { "urlPathPattern": "/api/customers/[0-9]+", "method": "GET", "queryParameters": { "expand": { "equalTo": "orders" } } },
                  "response": { "status": 200, "jsonBody": { "id": 42, "name": "Ada" }, "headers": { "X-Source": "wiremock" } },
                  "uuid": "8c5db8b0-2db4-4ad7-a99f-38c9b00da3f7",
                  "persistent": true,
                  "priority": 3,
                  "metadata": { "team": "crm" }
                },
                {
                  "request": { "url": "/api/health", "method": "GET" },
                  "response": { "status": 503, "body": "down", "fixedDelayMilliseconds": 2500 }
                }
              ],
              "meta": { "total": 2 }
            }
            """;

        [Fact]
        public void AWireMockExportImportsWithIdsPrioritiesAndResponses()
        {
            var stubs = StubReader.Read(WireMockExport);
            Assert.Equal(2, stubs.Count);
            Stub customer = stubs[0];
            Assert.Equal(Guid.Parse("8c5db8b0-2db4-4ad7-a99f-38c9b00da3f7"), customer.Id);
            Assert.Equal("Get customer", customer.Name);
            Assert.Equal(3, customer.Priority);
            Assert.Equal(Stub.DefaultPriority, stubs[1].Priority);
            var engine = new StubEngine();
            engine.Add(stubs);
            StubAnswer answer = engine.Match(Request("GET", "https://crm.example/api/customers/42?expand=orders")).Answer!;
            Assert.Equal(200, answer.Status);
            Assert.Equal("""{"id":42,"name":"Ada"}""", answer.Body);
            Assert.Equal("application/json", answer.HeaderDictionary()["content-type"]);
            Assert.Equal("wiremock", answer.HeaderDictionary()["X-Source"]);
            StubAnswer health = engine.Match(Request("GET", "https://crm.example/api/health")).Answer!;
            Assert.Equal(TimeSpan.FromMilliseconds(2500), health.Delay);
            Assert.Equal("down", health.Body);
        }

        [Fact]
        public void AMappingWrittenOutReadsBackTheSame()
        {
            var stubs = StubReader.Read(WireMockExport);
            var again = StubReader.Read(StubWriter.ToJson(stubs));
            Assert.Equal(stubs.Select(s => s.Id), again.Select(s => s.Id));
            Assert.Equal(stubs.Select(s => s.Request.ToString()), again.Select(s => s.Request.ToString()));
            Assert.True(JToken.DeepEquals(StubWriter.ToDocument(stubs), StubWriter.ToDocument(again)));
        }

        [Fact]
        public void ASingleMappingAndAnArrayOfMappingsAreStubFilesToo()
        {
            Assert.Single(StubReader.Read("""{"request":{"urlPath":"/a"},"response":{"status":204}}"""));
            Assert.Equal(2, StubReader.Read("""[{"response":{"status":204}},{"response":{"status":205}}]""").Count);
        }

        [Theory]
        [InlineData("""{"request":{"urlPath":"/a","cookies":{"s":{"equalTo":"1"}}},"response":{}}""", "request.cookies")]
        [InlineData("""{"request":{"bodyPatterns":[{"matchesXPath":"/a"}]},"response":{}}""", "request.bodyPatterns[0].matchesXPath")]
        [InlineData("""{"request":{"url":"/a","urlPath":"/a"},"response":{}}""", "request")]
        [InlineData("""{"request":{"urlPattern":"/a("},"response":{}}""", "request.urlPattern")]
        [InlineData("""{"request":{"bodyPatterns":[{"matchesJsonPath":"$.a[?("}]},"response":{}}""", "request.bodyPatterns[0].matchesJsonPath")]
        [InlineData("""{"request":{},"response":{"proxyBaseUrl":"https://real.example"}}""", "response.proxyBaseUrl")]
        [InlineData("""{"request":{},"response":{"status":700}}""", "response.status")]
        [InlineData("""{"request":{},"response":{"transformers":["response-template"],"body":"{{randomValue length=4}}"}}""", "response")]
        [InlineData("""{"request":{},"response":{"fault":"SOMETHING"}}""", "response.fault")]
        [InlineData("""{"request":{"metod":"GET"},"response":{}}""", "request.metod")]
        [InlineData("""{"mappings":[{"response":{}},{"id":"nope","response":{}}]}""", "mappings[1].id")]
        public void WhatWouldAnswerDifferentlyFromWireMockIsRefusedWithItsPath(string json, string path)
        {
            StubFormatException error = Assert.Throws<StubFormatException>(() => StubReader.Read(json));
            Assert.Equal(path, error.JsonPath);
        }

        [Fact]
        public void BodyFileNameIsReadFromFilesBesideTheStubFile()
        {
            string folder = Path.Combine(Path.GetTempPath(), "cblab-stubs-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(folder, "__files"));
            try
            {
                File.WriteAllText(Path.Combine(folder, "__files", "customer.json"), """{"tier":"gold"}""");
                string stubFile = Path.Combine(folder, "stubs.json");
                File.WriteAllText(stubFile, """{"request":{"urlPath":"/c"},"response":{"status":200,"bodyFileName":"customer.json"}}""");
                Stub stub = Assert.Single(StubReader.ReadFile(stubFile));
                Assert.Equal("""{"tier":"gold"}""", stub.Responses[0].Body);
                Assert.Equal(stubFile, stub.Source);
                File.WriteAllText(stubFile, """{"request":{},"response":{"bodyFileName":"missing.json"}}""");
                Assert.Contains("missing.json", Assert.Throws<StubFormatException>(() => StubReader.ReadFile(stubFile)).Message, StringComparison.Ordinal);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void ATemplatedResponseRendersRequestValues()
        {
            StubEngine engine = Engine("""
                {"request":{"urlPathPattern":"/orders/.*"},"response":{"status":200,"transformers":["response-template"],
                 "headers":{"X-Echo":"{{request.headers.X-Trace}}"},
                 "body":"{\"method\":\"{{request.method}}\",\"id\":\"{{request.path.[1]}}\",\"q\":\"{{request.query.lang}}\",\"second\":\"{{request.query.lang.[1]}}\",\"name\":\"{{jsonPath request.body '$.customer.name'}}\",\"host\":\"{{request.host}}\",\"url\":\"{{request.url}}\",\"none\":\"{{request.query.missing}}\"}"}}
                """);
            StubAnswer answer = engine.Match(Request("POST", "https://shop.example/orders/A-17?lang=fr&lang=de", """{"customer":{"name":"Grace"}}""", ("X-Trace", "t-1"))).Answer!;
            JObject body = JObject.Parse(answer.Body);
            Assert.Equal("POST", (string?)body["method"]);
            Assert.Equal("A-17", (string?)body["id"]);
            Assert.Equal("fr", (string?)body["q"]);
            Assert.Equal("de", (string?)body["second"]);
            Assert.Equal("Grace", (string?)body["name"]);
            Assert.Equal("shop.example", (string?)body["host"]);
            Assert.Equal("/orders/A-17?lang=fr&lang=de", (string?)body["url"]);
            Assert.Equal(string.Empty, (string?)body["none"]);
            Assert.Equal("t-1", answer.HeaderDictionary()["X-Echo"]);
        }

        [Fact]
        public void WithoutTheTemplateTransformerBracesAreLiteral()
        {
            StubEngine engine = Engine("""{"request":{},"response":{"body":"{{request.method}}"}}""");
            Assert.Equal("{{request.method}}", engine.Match(Request("GET", "https://h.example/")).Answer!.Body);
        }

        [Fact]
        public void AFaultAndBasicAuthCredentialsImport()
        {
            StubEngine engine = Engine("""{"request":{"basicAuthCredentials":{"username":"u","password":"p"}},"response":{"fault":"CONNECTION_RESET_BY_PEER"}}""");
            Assert.Null(engine.Match(Request("GET", "https://h.example/")).Answer);
            StubAnswer answer = engine.Match(Request("GET", "https://h.example/", null, ("Authorization", "Basic dTpw"))).Answer!;
            Assert.Equal(StubFault.ConnectionResetByPeer, answer.Fault);
        }
    }
}
