using System;
using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.JsonPath;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Stubs
{
    /// <summary>One entry of a stub's <c>bodyPatterns</c>; all entries must match.</summary>
    public sealed class BodyMatcher
    {
        private BodyMatcher(BodyMatchKind kind, StringMatcher? text, JToken? json, string? path, bool ignoreExtraElements, bool ignoreArrayOrder)
        {
            Kind = kind;
            Text = text;
            Json = json;
            Path = path;
            IgnoreExtraElements = ignoreExtraElements;
            IgnoreArrayOrder = ignoreArrayOrder;
        }

        /// <summary>The pattern kind.</summary>
        public BodyMatchKind Kind { get; }

        /// <summary>The string operator: on the whole body (<see cref="BodyMatchKind.Text"/>) or on the JSONPath result; null for none.</summary>
        public StringMatcher? Text { get; }

        /// <summary>The expected JSON of <c>equalToJson</c>.</summary>
        public JToken? Json { get; }

        /// <summary>The JSONPath expression of <c>matchesJsonPath</c>.</summary>
        public string? Path { get; }

        /// <summary><c>equalToJson</c> with <c>ignoreExtraElements</c>: the body may have more properties.</summary>
        public bool IgnoreExtraElements { get; }

        /// <summary><c>equalToJson</c> with <c>ignoreArrayOrder</c>.</summary>
        public bool IgnoreArrayOrder { get; }

        /// <summary>A string operator on the whole body.</summary>
        public static BodyMatcher ForText(StringMatcher text) => new BodyMatcher(BodyMatchKind.Text, text ?? throw new ArgumentNullException(nameof(text)), null, null, false, false);

        /// <summary>The body must be this JSON.</summary>
        public static BodyMatcher ForJson(JToken expected, bool ignoreExtraElements = false, bool ignoreArrayOrder = false) =>
            new BodyMatcher(BodyMatchKind.EqualToJson, null, expected ?? throw new ArgumentNullException(nameof(expected)), null, ignoreExtraElements, ignoreArrayOrder);

        /// <summary>The body must be JSON in which <paramref name="path"/> selects a value (that satisfies <paramref name="value"/>, when given).</summary>
        /// <exception cref="JsonPathException">The path is not valid JSONPath.</exception>
        public static BodyMatcher ForJsonPath(string path, StringMatcher? value = null)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("The JSONPath expression is empty.", nameof(path));
            // Parse once now, so a bad expression fails when the stub is added and not at the first request.
            NewtonsoftJsonPathEngine.Instance.SelectAll(new JObject(), path);
            return new BodyMatcher(BodyMatchKind.JsonPath, value, null, path, false, false);
        }

        /// <summary>True when <paramref name="request"/>'s body satisfies the pattern.</summary>
        public bool IsMatch(StubRequest request)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            switch (Kind)
            {
                case BodyMatchKind.Text:
                    return Text!.IsMatch(request.Body);
                case BodyMatchKind.EqualToJson:
                    return request.Json is JToken actual && JsonEquals(Json!, actual);
                default:
                    return request.Json is JToken document && JsonPathMatches(document);
            }
        }

        /// <summary>The pattern as a reason reads it.</summary>
        public override string ToString()
        {
            switch (Kind)
            {
                case BodyMatchKind.Text:
                    return "body " + Text;
                case BodyMatchKind.EqualToJson:
                    return "body equalToJson " + Json!.ToString(Formatting.None);
                default:
                    return "body JSONPath " + Path + (Text == null ? " exists" : " " + Text);
            }
        }

        private bool JsonPathMatches(JToken document)
        {
            IReadOnlyList<JToken> selected;
            try
            {
                selected = NewtonsoftJsonPathEngine.Instance.SelectAll(document, Path!);
            }
            catch (JsonPathException)
            {
                return false;
            }

            if (Text == null)
            {
                return selected.Any(token => token.Type != JTokenType.Null);
            }

            if (Text.Kind == StringMatchKind.Absent)
            {
                return selected.Count == 0;
            }

            foreach (JToken token in selected)
            {
                // An array or object is compared as its JSON text, as WireMock does.
                if (Text.IsMatch(AsText(token)))
                {
                    return true;
                }
            }

            return false;
        }

        private static string AsText(JToken token) =>
            token is JValue value && value.Type != JTokenType.Null
                ? Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty
                : token.Type == JTokenType.Boolean ? ((bool)token ? "true" : "false") : token.ToString(Formatting.None);

        private bool JsonEquals(JToken expected, JToken actual)
        {
            if (expected is JObject expectedObject)
            {
                if (!(actual is JObject actualObject) || (!IgnoreExtraElements && actualObject.Count != expectedObject.Count))
                {
                    return false;
                }

                foreach (KeyValuePair<string, JToken?> property in expectedObject)
                {
                    if (!actualObject.TryGetValue(property.Key, StringComparison.Ordinal, out JToken? value) || !JsonEquals(property.Value!, value))
                    {
                        return false;
                    }
                }

                return true;
            }

            if (expected is JArray expectedArray)
            {
                if (!(actual is JArray actualArray) || actualArray.Count != expectedArray.Count)
                {
                    return false;
                }

                if (!IgnoreArrayOrder)
                {
                    for (int i = 0; i < expectedArray.Count; i++)
                    {
                        if (!JsonEquals(expectedArray[i], actualArray[i]))
                        {
                            return false;
                        }
                    }

                    return true;
                }

                var unused = actualArray.ToList();
                foreach (JToken item in expectedArray)
                {
                    int index = unused.FindIndex(candidate => JsonEquals(item, candidate));
                    if (index < 0)
                    {
                        return false;
                    }

                    unused.RemoveAt(index);
                }

                return true;
            }

            return JToken.DeepEquals(expected, actual) || (IsNumber(expected) && IsNumber(actual) && Convert.ToDecimal(((JValue)expected).Value, System.Globalization.CultureInfo.InvariantCulture) == Convert.ToDecimal(((JValue)actual).Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        private static bool IsNumber(JToken token) => token.Type == JTokenType.Integer || token.Type == JTokenType.Float;
    }
}
