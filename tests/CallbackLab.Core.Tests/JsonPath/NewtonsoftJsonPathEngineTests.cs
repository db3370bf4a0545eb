using System.Linq;
using CallbackLab.Core.JsonPath;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.JsonPath
{
    public sealed class NewtonsoftJsonPathEngineTests
    {
        private static readonly JToken s_lab = JToken.Parse(
            "[{\"dn\":\"4694096861\",\"outboundcallbackep\":\"ep-1\",\"tacnumber\":\"14085267209\",\"id\":\"1\"}," +
            "{\"dn\":\"4694096862\",\"outboundcallbackep\":\"ep-2\",\"tacnumber\":\"14085267209\",\"id\":\"2\"}]");

        private readonly IJsonPathEngine _engine = NewtonsoftJsonPathEngine.Instance;

        [Theory]
        [InlineData("$[0].tacnumber", "14085267209")]
        [InlineData("$[0].outboundcallbackep", "ep-1")]
        [InlineData("[1].outboundcallbackep", "ep-2")]
        [InlineData("$[1]['dn']", "4694096862")]
        public void SelectsTheLabFields(string path, string expected)
        {
            Assert.Equal(expected, (string?)_engine.SelectForVariable(s_lab, path));
        }

        [Fact]
        public void APathWithoutDollarOnAnObjectIsRooted()
        {
            var doc = JToken.Parse("{\"ticket\":{\"ticketID\":\"T-9\"}}");
            Assert.Equal("T-9", (string?)_engine.SelectForVariable(doc, "ticket.ticketID"));
        }

        [Theory]
        [InlineData("$[5].tacnumber")]
        [InlineData("$[0].missing")]
        [InlineData("$.nothing")]
        public void APathThatMatchesNothingGivesNull(string path)
        {
            Assert.Null(_engine.SelectForVariable(s_lab, path));
            Assert.Empty(_engine.SelectAll(s_lab, path));
        }

        [Theory]
        [InlineData("$[?(@.dn == '4694096862')].outboundcallbackep", new[] { "ep-2" })]
        [InlineData("$[*].id", new[] { "1", "2" })]
        [InlineData("$..dn", new[] { "4694096861", "4694096862" })]
        [InlineData("$[0,1].id", new[] { "1", "2" })]
        [InlineData("$[0:1].id", new[] { "1" })]
        public void FiltersWildcardsAndSlicesReturnArrays(string path, string[] expected)
        {
            var value = Assert.IsType<JArray>(_engine.SelectForVariable(s_lab, path));
            Assert.Equal(expected, value.Select(v => (string)v!).ToArray());
        }

        [Theory]
        [InlineData("$[?(@.dn == \"4694096862\")].outboundcallbackep", "[\"ep-2\"]")]
        [InlineData("[?(@.dn == \"4694096861\")].id", "[\"1\"]")]
        [InlineData("$[1][\"dn\"]", "\"4694096862\"")]
        [InlineData("$[?(@.dn == '4694096862')].id", "[\"2\"]")]
        public void DoubleQuotedStringsWorkAsInJayway(string path, string expectedJson)
        {
            JToken? value = _engine.SelectForVariable(s_lab, path);
            Assert.True(JToken.DeepEquals(JToken.Parse(expectedJson), value), value?.ToString());
        }

        [Theory]
        [InlineData("$[?(@.a == \"it's\")]", "$[?(@.a == 'it\\'s')]")]
        [InlineData("$[?(@.a == \"say \\\"hi\\\"\")]", "$[?(@.a == 'say \"hi\"')]")]
        [InlineData("$['a\"b']", "$['a\"b']")]
        public void RewritesDoubleQuotesAsSingleQuotes(string path, string expected)
        {
            Assert.Equal(expected, NewtonsoftJsonPathEngine.SingleQuoteStrings(path));
        }

        [Fact]
        public void AFilterMatchingNothingIsAnEmptyArray()
        {
            var value = Assert.IsType<JArray>(_engine.SelectForVariable(s_lab, "$[?(@.dn == 'x')].id"));
            Assert.Empty(value);
        }

        [Theory]
        [InlineData("$[?(@.dn ==")]
        [InlineData("$[")]
        [InlineData("   ")]
        public void AnInvalidPathNamesThePath(string path)
        {
            var ex = Assert.Throws<JsonPathException>(() => _engine.SelectAll(s_lab, path));
            Assert.Equal(path, ex.Path);
            if (path.Trim().Length > 0)
            {
                Assert.Contains(path, ex.Message);
            }
        }

        [Theory]
        [InlineData("$['a.b']", false)]
        [InlineData("$['a,b']", false)]
        [InlineData("$.a.b", false)]
        [InlineData("$..a", true)]
        [InlineData("$.a[*]", true)]
        [InlineData("$.a[1:3]", true)]
        public void KnowsWhichPathsAreIndefinite(string path, bool indefinite)
        {
            Assert.Equal(indefinite, NewtonsoftJsonPathEngine.IsIndefinite(path));
        }

        private static readonly JToken s_conversation = JToken.Parse(
            "{\"conversation\":[{\"text\":\"a\"},{\"text\":\"b\"},{\"text\":\"c\"}]}");

        [Theory]
        [InlineData("$.conversation[-1].text", "c")]
        [InlineData("$.conversation[-2].text", "b")]
        [InlineData("$.conversation[-3].text", "a")]
        [InlineData("conversation[ -2 ].text", "b")]
        [InlineData("$.conversation[-1]['text']", "c")]
        public void NegativeIndexesCountFromTheEndAsInJayway(string path, string expected)
        {
            Assert.Equal(expected, (string?)_engine.SelectForVariable(s_conversation, path));
        }

        [Fact]
        public void ANegativeIndexOnTheRootArrayIsItsLastElementAndStaysDefinite()
        {
            JToken? last = _engine.SelectForVariable(s_lab, "$[-1]");
            Assert.IsType<JObject>(last);
            Assert.Equal("2", (string?)last!["id"]);
        }

        [Theory]
        [InlineData("$.conversation[-4].text")]
        [InlineData("$.conversation[-10]")]
        [InlineData("$[-1]")]
        public void ANegativeIndexOutOfRangeMatchesNothing(string path)
        {
            JToken doc = path.StartsWith("$.", System.StringComparison.Ordinal) ? s_conversation : JToken.Parse("[]");
            Assert.Null(_engine.SelectForVariable(doc, path));
            Assert.Empty(_engine.SelectAll(doc, path));
        }

        [Theory]
        [InlineData("$.conversation[-2:].text", new[] { "b", "c" })]
        [InlineData("$.conversation[:-1].text", new[] { "a", "b" })]
        [InlineData("$.conversation[-5:].text", new[] { "a", "b", "c" })]
        public void NegativeSlicesCountFromTheEndAndReturnArrays(string path, string[] expected)
        {
            var value = Assert.IsType<JArray>(_engine.SelectForVariable(s_conversation, path));
            Assert.Equal(expected, value.Select(v => (string)v!).ToArray());
        }

        [Fact]
        public void AMinusInsideAQuotedNameOrFilterIsNotAnIndex()
        {
            var doc = JToken.Parse("{\"[-1]\":\"key\",\"items\":[{\"n\":-1,\"v\":\"x\"},{\"n\":2,\"v\":\"y\"}]}");
            Assert.Equal("key", (string?)_engine.SelectForVariable(doc, "$['[-1]']"));
            Assert.Equal(new[] { "x" }, ((JArray)_engine.SelectForVariable(doc, "$.items[?(@.n == -1)].v")!).Select(v => (string)v!).ToArray());
        }
    }
}
