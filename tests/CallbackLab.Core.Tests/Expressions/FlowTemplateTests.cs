using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CallbackLab.Core.Expressions;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.Expressions
{
    public sealed class FlowTemplateTests
    {
        private static DictionaryVariableResolver Vars(params (string Name, object? Value)[] values) =>
            new DictionaryVariableResolver(values.Select(v => new KeyValuePair<string, object?>(v.Name, v.Value)));

        [Fact]
        public void TheLabErrorIsAParseErrorAtTheNumberColumn()
        {
            var ex = Assert.Throws<FlowExpressionException>(() => FlowTemplate.Parse("{{ ANI | 123}}"));
            Assert.Equal(FlowExpressionErrorKind.Parse, ex.Kind);
            Assert.Equal("Unexpected token of value \"123\" and type NUMBER, expected token of type NAME", ex.Message);
            Assert.Equal(10, ex.Position);
            Assert.Equal("{{ ANI | 123}}", ex.Expression);
        }

        [Fact]
        public void AnUnknownFilterParsesAndFailsWhenRenderedAtTheFilterName()
        {
            FlowTemplate template = FlowTemplate.Parse("{{ ANI | foo }}");
            var ex = Assert.Throws<FlowExpressionException>(() => template.Render(Vars(("ANI", "+1"))));
            Assert.Equal(FlowExpressionErrorKind.Evaluation, ex.Kind);
            Assert.Equal("Filter [foo] does not exist.", ex.Message);
            Assert.Equal(10, ex.Position);
        }

        [Fact]
        public void ParseIsCachedByText()
        {
            string text = "{{ cached_" + Guid.NewGuid().ToString("N") + " }}";
            Assert.Same(FlowTemplate.Parse(text), FlowTemplate.Parse(text));
        }

        [Fact]
        public void TheCacheIsBounded()
        {
            for (int i = 0; i < FlowTemplate.CacheCapacity + 10; i++) FlowTemplate.Parse("{{ bounded" + i + " }}");
            Assert.InRange(FlowTemplate.CachedCount, 1, FlowTemplate.CacheCapacity);
        }

        [Theory]
        [InlineData("plain", true)]
        [InlineData("", true)]
        [InlineData("a { b } c", true)]
        [InlineData("{{ x }}", false)]
        [InlineData("{% set a = 1 %}", false)]
        [InlineData("{# c #}", false)]
        public void IsLiteralMeansNoDelimiters(string text, bool literal)
        {
            Assert.Equal(literal, FlowTemplate.Parse(text).IsLiteral);
        }

        [Fact]
        public void VariableReferencesAreTheDottedNamesAsWritten()
        {
            FlowTemplate template = FlowTemplate.Parse(
                "{{NewPhoneContact.ANI | slice(NewPhoneContact.ANI.length - 10, NewPhoneContact.ANI.length)}} {{ count is odd }} " +
                "{{ map['k'] }} {{ GET_CBID.httpResponseBody }} {{ now() }} {% set local = 1 %}{{ local }}{% for i in items %}{{ i.x }}{% endfor %}");
            Assert.Equal(
                new[] { "NewPhoneContact.ANI", "NewPhoneContact.ANI.length", "count", "map", "GET_CBID.httpResponseBody", "items" },
                template.VariableReferences);
        }

        [Fact]
        public void AMacroThatCallsItselfStopsAtTheDepthLimitInsteadOfOverflowingTheStack()
        {
            var ex = Assert.Throws<FlowExpressionException>(() =>
                FlowTemplate.Parse("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}").Render(DictionaryVariableResolver.Empty));
            Assert.Equal(FlowExpressionErrorKind.Evaluation, ex.Kind);
            Assert.Equal("Macros call each other more than 100 levels deep.", ex.Message);
        }

        [Fact]
        public void VariableReferencesAreFoundInsideEveryTagAndArgument()
        {
            FlowTemplate template = FlowTemplate.Parse(
                "{% filter upper %}{{ a.b }}{% endfilter %}{% autoescape %}{{ c ? d : e }}{% endautoescape %}" +
                "{% for x in items %}{{ x.y }}{{ f | default(g) }}{% else %}{{ [h, {'k': i}] }}{% endfor %}{% if j is defined %}{{ k.m(n) }}{% endif %}");
            Assert.Equal(new[] { "a.b", "c", "d", "e", "items", "f", "g", "h", "i", "j", "k", "n" }, template.VariableReferences);
        }

        [Fact]
        public void EvaluateReturnsTheRawValueOfASingleExpression()
        {
            DictionaryVariableResolver vars = Vars(("count", 3), ("ok", true), ("body", JObject.Parse("{\"a\":[1,2]}")));
            Assert.Equal(4L, FlowTemplate.Parse("{{ count + 1 }}").Evaluate(vars));
            Assert.Equal(true, FlowTemplate.Parse("{{ count is odd }}").Evaluate(vars));
            Assert.Equal(2.5, FlowTemplate.Parse("{{ 5 / 2.0 }}").Evaluate(vars));
            Assert.Null(FlowTemplate.Parse("{{ missing }}").Evaluate(vars));
            // JSON arrives as Java-shaped lists and maps (converted once, where the variable is read).
            Assert.Equal(new List<object?> { 1L, 2L }, FlowTemplate.Parse("{{ body.a }}").Evaluate(vars));
            Assert.Equal("n=3", FlowTemplate.Parse("n={{ count }}").Evaluate(vars));
            Assert.Equal("plain", FlowTemplate.Parse("plain").Evaluate(vars));
        }

        [Fact]
        public void FlatDottedNamesWinOverNestedOnes()
        {
            var vars = Vars(
                ("GET_CBID.httpResponseBody", "flat"),
                ("GET_CBID", new Dictionary<string, object?> { ["httpResponseBody"] = "nested", ["other"] = "nested-other" }));
            Assert.Equal("flat nested-other", FlowTemplate.Parse("{{ GET_CBID.httpResponseBody }} {{ GET_CBID.other }}").Render(vars));
        }

        [Fact]
        public void ContactNamesResolveCaseInsensitivelyByDefault()
        {
            Assert.Equal("5", FlowTemplate.Parse("{{ newphonecontact.dnis }}").Render(Vars(("NewPhoneContact.DNIS", "5"))));
            var exact = new DictionaryVariableResolver(new[] { new KeyValuePair<string, object?>("A", 1) }, ignoreCase: false);
            Assert.Equal(string.Empty, FlowTemplate.Parse("{{ a }}").Render(exact));
            var nested = Vars(("NewPhoneContact", new Dictionary<string, object?>(StringComparer.Ordinal) { ["ANI"] = "+1555", ["Ani"] = "exact" }));
            Assert.Equal("+1555|exact", FlowTemplate.Parse("{{NewPhoneContact.ani}}|{{NewPhoneContact.Ani}}").Render(nested));
        }

        [Fact]
        public void JsonTokensAreMapsListsAndPrimitives()
        {
            var vars = Vars(("body", JToken.Parse("[{\"tacnumber\":\"14085267209\",\"n\":2,\"ok\":true,\"none\":null}]")));
            Assert.Equal("14085267209|4|true|true", FlowTemplate.Parse("{{ body[0].tacnumber }}|{{ body[0].n * 2 }}|{{ body[0].ok }}|{{ body[0].none is null }}").Render(vars));
            Assert.Equal(true, FlowTemplate.Parse("{{ body[0].n == 2 }}").Evaluate(vars));
        }

        [Fact]
        public void StrictVariablesMakeMissingNamesErrors()
        {
            var options = new ExpressionOptions { StrictVariables = true };
            var ex = Assert.Throws<FlowExpressionException>(() => FlowTemplate.Parse("x {{ missing }}").Render(DictionaryVariableResolver.Empty, options));
            Assert.Equal(FlowExpressionErrorKind.Evaluation, ex.Kind);
            Assert.Equal(6, ex.Position);
        }

        [Fact]
        public void TheClockOptionDrivesNow()
        {
            var options = new ExpressionOptions { Clock = () => new DateTimeOffset(2024, 1, 2, 3, 4, 0, TimeSpan.Zero) };
            Assert.Equal("2024-01-02T03:04Z[UTC]", FlowTemplate.Parse("{{ now() }}").Render(DictionaryVariableResolver.Empty, options));
        }

        [Fact]
        public void OutputGrowthIsLimited()
        {
            var options = new ExpressionOptions { MaxStringLength = 50 };
            var ex = Assert.Throws<FlowExpressionException>(() =>
                FlowTemplate.Parse("{% for i in 1..100 %}{{ i }}{% endfor %}").Render(DictionaryVariableResolver.Empty, options));
            Assert.Equal("The rendered output would be longer than the limit of 50 characters.", ex.Message);
            ex = Assert.Throws<FlowExpressionException>(() =>
                FlowTemplate.Parse("{% set s = 'xxxxxxxxxx' %}{% for i in 1..10 %}{% set s = s ~ s %}{% endfor %}").Render(DictionaryVariableResolver.Empty, options));
            Assert.Equal("The result would be 80 characters long, more than the limit of 50.", ex.Message);
        }

        [Fact]
        public void ListGrowthIsLimited()
        {
            var options = new ExpressionOptions { MaxRangeSize = 100 };
            var ex = Assert.Throws<FlowExpressionException>(() =>
                FlowTemplate.Parse("{% set l = [1] %}{% for i in 1..10 %}{% set l = l + l %}{% endfor %}").Render(DictionaryVariableResolver.Empty, options));
            Assert.Equal("The list would have 128 elements, more than the limit of 100.", ex.Message);
            ex = Assert.Throws<FlowExpressionException>(() =>
                FlowTemplate.Parse("{% set l = [1] %}{% for i in 1..10 %}{% set l = l | merge(l) %}{% endfor %}").Render(DictionaryVariableResolver.Empty, options));
            Assert.Equal("The list would have 128 elements, more than the limit of 100.", ex.Message);
        }

        [Fact]
        public void AListOfLargeStringsCannotPrintWithoutBound()
        {
            var big = new string('x', 1_000_000);
            var list = new List<object?>();
            for (int i = 0; i < 20; i++) list.Add(big);
            var ex = Assert.Throws<FlowExpressionException>(() => FlowTemplate.Parse("{{ l }}").Render(Vars(("l", list))));
            Assert.Equal("The value prints to more than 16777216 characters.", ex.Message);
        }

        [Fact]
        public void LoopIterationsAreLimited()
        {
            var options = new ExpressionOptions { MaxLoopIterations = 10 };
            var ex = Assert.Throws<FlowExpressionException>(() =>
                FlowTemplate.Parse("{% for i in 1..5 %}{% for j in 1..5 %}{% endfor %}{% endfor %}").Render(DictionaryVariableResolver.Empty, options));
            Assert.Equal("The template ran more than 10 loop iterations.", ex.Message);
        }

        [Fact]
        public void CatastrophicRegexesTimeOut()
        {
            var options = new ExpressionOptions { RegexTimeout = TimeSpan.FromMilliseconds(50) };
            var vars = Vars(("s", new string('a', 30) + "!"));
            var ex = Assert.Throws<FlowExpressionException>(() => FlowTemplate.Parse("{{ s | split('(a+)+$') }}").Render(vars, options));
            Assert.Equal(FlowExpressionErrorKind.Evaluation, ex.Kind);
            Assert.StartsWith("The regular expression \"(a+)+$\" took longer than", ex.Message);
        }

        [Fact]
        public void DeepNestingIsRefusedInsteadOfOverflowingTheStack()
        {
            string deepIf = string.Concat(Enumerable.Repeat("{% if true %}", 200)) + string.Concat(Enumerable.Repeat("{% endif %}", 200));
            Assert.Equal(FlowExpressionErrorKind.Parse, Assert.Throws<FlowExpressionException>(() => FlowTemplate.Parse(deepIf)).Kind);
            string longChain = "{{ " + string.Join(" + ", Enumerable.Repeat("1", 5000)) + " }}";
            Assert.Equal(FlowExpressionErrorKind.Parse, Assert.Throws<FlowExpressionException>(() => FlowTemplate.Parse(longChain)).Kind);
            string unary = "{{ " + new string('-', 5000) + "1 }}";
            Assert.Equal(FlowExpressionErrorKind.Parse, Assert.Throws<FlowExpressionException>(() => FlowTemplate.Parse(unary)).Kind);
        }

        [Fact]
        public void ValuesThatContainThemselvesFailCleanly()
        {
            var cyclic = new List<object?> { 1 };
            cyclic.Add(cyclic);
            var vars = Vars(("c", cyclic));
            var ex = Assert.Throws<FlowExpressionException>(() => FlowTemplate.Parse("{{ c }}").Render(vars));
            Assert.Equal("The value is nested more than 100 levels deep (or contains itself).", ex.Message);
            Assert.Equal(FlowExpressionErrorKind.Evaluation, Assert.Throws<FlowExpressionException>(() => FlowTemplate.Parse("{{ c == c }}").Render(vars)).Kind);
            Assert.Equal("2", FlowTemplate.Parse("{{ c.size }}").Render(vars));
        }

        [Fact]
        public void ATemplateRendersTheSameFromManyThreads()
        {
            FlowTemplate template = FlowTemplate.Parse("{{NewPhoneContact.DNIS | slice(2)}}-{% for i in items %}{{ i }}{% endfor %}");
            string[] results = new string[64];
            Parallel.For(0, results.Length, i =>
            {
                var vars = Vars(("NewPhoneContact.DNIS", "+1" + i), ("items", new[] { i, i }));
                results[i] = template.Render(vars);
            });
            for (int i = 0; i < results.Length; i++) Assert.Equal($"{i}-{i}{i}", results[i]);
        }

        [Fact]
        public void PlainObjectsExposeTheirProperties()
        {
            var vars = Vars(("contact", new { Ani = "+15551234567", Count = 2 }));
            Assert.Equal("+15551234567/3", FlowTemplate.Parse("{{ contact.ani }}/{{ contact.count + 1 }}").Render(vars));
        }

        [Fact]
        public void NullArgumentsAreRejected()
        {
            Assert.Throws<ArgumentNullException>(() => FlowTemplate.Parse(null!));
            Assert.Throws<ArgumentNullException>(() => FlowTemplate.Parse("x").Render(null!));
        }
    }
}
