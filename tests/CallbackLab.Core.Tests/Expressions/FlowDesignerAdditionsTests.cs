using System;
using System.Collections.Generic;
using CallbackLab.Core.Expressions;

namespace CallbackLab.Core.Tests.Expressions
{
    /// <summary>
    /// Flow Designer's additions to Pebble (../shared/reference/flow-activities.md, "Expressions"): now(), the epoch filter,
    /// and date with existingFormat and timeZone. Kept apart from the Pebble golden suite, which runs with them off.
    /// The clock is fixed at 2025-02-06T21:09:02.712Z, the instant the reference shows for now().
    /// </summary>
    public sealed class FlowDesignerAdditionsTests
    {
        private static readonly DateTimeOffset s_now = new DateTimeOffset(2025, 2, 6, 21, 9, 2, 712, TimeSpan.Zero);

        private static string Render(string template, bool additions = true, params (string Name, object? Value)[] variables)
        {
            var values = new List<KeyValuePair<string, object?>>();
            foreach ((string name, object? value) in variables) values.Add(new KeyValuePair<string, object?>(name, value));
            var options = new ExpressionOptions { Clock = () => s_now, FlowDesignerAdditions = additions };
            return FlowTemplate.Parse(template).Render(new DictionaryVariableResolver(values), options);
        }

        [Fact]
        public void NowPrintsTheClockAsAZonedDateTime()
        {
            Assert.Equal("2025-02-06T21:09:02.712Z[UTC]", Render("{{ now() }}"));
        }

        [Theory]
        [InlineData("{{ now() | epoch }}", "1738876142")]
        [InlineData("{{ now() | epoch(inMillis=true) }}", "1738876142712")]
        [InlineData("{{ now() | epoch(inMillis=true) - 604800000 }}", "1738271342712")]
        [InlineData("{{ \"December 10, 2023 00:00\" | epoch(format=\"MMMM d, yyyy HH:mm\") }}", "1702166400")]
        public void EpochGivesSecondsOrMillisecondsSince1970(string template, string expected)
        {
            Assert.Equal(expected, Render(template));
        }

        [Fact]
        public void DateReadsWithExistingFormatAndWritesInTimeZone()
        {
            Assert.Equal("2025-02-06", Render("{{ d | date(\"yyyy-MM-dd\", existingFormat=\"yyyyMMdd\") }}", true, ("d", "20250206")));
            Assert.Equal("1609", Render("{{ now() | date(\"HHmm\", existingFormat=\"yyyy-MM-dd'T'HH:mm:ss\", timeZone=\"America/New_York\") }}"));
            Assert.Equal("2109", Render("{{ now() | date(\"HHmm\") }}"));
        }

        [Fact]
        public void JsonWritesARecordedFileInfoAsCompactJson()
        {
            var file = new Dictionary<string, object?>
            {
                ["type"] = "FileInfo",
                ["name"] = "a.wav",
                ["metaData"] = new Dictionary<string, object?> { ["bitrate"] = 128000L, ["durationSeconds"] = 10.5, ["stereo"] = false },
            };

            Assert.Equal("{\"type\":\"FileInfo\",\"name\":\"a.wav\",\"metaData\":{\"bitrate\":128000,\"durationSeconds\":10.5,\"stereo\":false}}",
                Render("{{ Record.audioFileData | json }}", true, ("Record.audioFileData", file)));
        }

        [Theory]
        [InlineData("{{ [1, \"two\", null, true] | json }}", "[1,\"two\",null,true]")]
        [InlineData("{{ {\"k\": [1.5, {\"n\": 2}]} | json }}", "{\"k\":[1.5,{\"n\":2}]}")]
        [InlineData("{{ 'say \"hi\"\\n' | json }}", "\"say \\\"hi\\\"\\\\n\"")]
        [InlineData("{{ 42 | json }}", "42")]
        [InlineData("{{ missing | json }}", "null")]
        public void JsonQuotesTextAndWritesListsMapsNumbersAndNull(string template, string expected)
        {
            Assert.Equal(expected, Render(template));
        }

        [Fact]
        public void JsonWritesAJsonVariableAsItsDocument()
        {
            var profile = Newtonsoft.Json.Linq.JToken.Parse("{\"customer\": {\"tier\": \"gold\", \"ids\": [1, 2]}}");
            Assert.Equal("{\"customer\":{\"tier\":\"gold\",\"ids\":[1,2]}}", Render("{{ profile | json }}", true, ("profile", profile)));
            Assert.Equal("{\"tier\":\"gold\",\"ids\":[1,2]}", Render("{{ profile.customer | json }}", true, ("profile", profile)));
        }

        [Fact]
        public void PlainPebbleDoesNotKnowTheAdditions()
        {
            // Pebble 4.1.2's own words for an unknown function and filter (pebble-golden.json holds the same cases).
            var now = Assert.Throws<FlowExpressionException>(() => Render("{{ now() }}", additions: false));
            Assert.Equal("Function or Macro [now] does not exist.", now.Message);
            var epoch = Assert.Throws<FlowExpressionException>(() => Render("{{ text | epoch }}", false, ("text", "x")));
            Assert.Equal("Filter [epoch] does not exist.", epoch.Message);
            var json = Assert.Throws<FlowExpressionException>(() => Render("{{ text | json }}", false, ("text", "x")));
            Assert.Equal("Filter [json] does not exist.", json.Message);
        }

        [Fact]
        public void ContactFieldsResolveCaseInsensitivelyOnlyWithTheAdditions()
        {
            var contact = new Dictionary<string, object?> { ["ANI"] = "+19725551234" };
            Assert.Equal("+19725551234", Render("{{ c.ani }}", true, ("c", contact)));
            Assert.Equal(string.Empty, Render("{{ c.ani }}", false, ("c", contact)));
        }
    }
}
