using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CallbackLab.Core.JsonPath;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Stubs
{
    /// <summary>
    /// The part of WireMock's response templating (Handlebars) that answers with request values: <c>{{request.url}}</c>,
    /// <c>{{request.path}}</c>, <c>{{request.path.[1]}}</c>, <c>{{request.query.name}}</c>, <c>{{request.headers.X-Name}}</c>,
    /// <c>{{request.method}}</c>, <c>{{request.host}}</c>, <c>{{request.scheme}}</c>, <c>{{request.port}}</c>,
    /// <c>{{request.baseUrl}}</c>, <c>{{request.body}}</c> and <c>{{jsonPath request.body '$.x'}}</c>. Values are inserted as
    /// they are (no HTML escaping); an expression outside this list fails when the stub is read, not at the first request.
    /// </summary>
    internal sealed class StubTemplate
    {
        private readonly List<Func<StubRequest, string>> _parts;

        private StubTemplate(List<Func<StubRequest, string>> parts)
        {
            _parts = parts;
        }

        /// <exception cref="FormatException">An expression is not supported or a tag is not closed.</exception>
        internal static StubTemplate Parse(string template)
        {
            var parts = new List<Func<StubRequest, string>>();
            int i = 0;
            while (i < template.Length)
            {
                int open = template.IndexOf("{{", i, StringComparison.Ordinal);
                if (open < 0)
                {
                    string tail = template.Substring(i);
                    parts.Add(_ => tail);
                    break;
                }

                if (open > i)
                {
                    string literal = template.Substring(i, open - i);
                    parts.Add(_ => literal);
                }

                bool triple = open + 2 < template.Length && template[open + 2] == '{';
                int start = open + (triple ? 3 : 2);
                string closing = triple ? "}}}" : "}}";
                int close = template.IndexOf(closing, start, StringComparison.Ordinal);
                if (close < 0)
                {
                    throw new FormatException("The template tag at character " + open + " is not closed.");
                }

                parts.Add(Compile(template.Substring(start, close - start).Trim()));
                i = close + closing.Length;
            }

            return new StubTemplate(parts);
        }

        internal string Render(StubRequest request)
        {
            if (_parts.Count == 1)
            {
                return _parts[0](request);
            }

            var text = new StringBuilder();
            foreach (Func<StubRequest, string> part in _parts)
            {
                text.Append(part(request));
            }

            return text.ToString();
        }

        private static Func<StubRequest, string> Compile(string expression)
        {
            if (expression.StartsWith("jsonPath ", StringComparison.Ordinal))
            {
                return CompileJsonPath(expression);
            }

            string[] path = expression.Split('.');
            if (path.Length < 2 || path[0] != "request")
            {
                throw Unsupported(expression);
            }

            string property = path[1];
            string? argument = path.Length > 2 ? Unbracket(string.Join(".", path, 2, path.Length - 2)) : null;
            switch (property)
            {
                case "url" when argument == null:
                    return r => r.PathAndQuery;
                case "path" when argument == null:
                    return r => r.Path;
                case "path":
                case "pathSegments":
                    if (argument == null || !int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out int segment))
                    {
                        throw Unsupported(expression);
                    }

                    return r => Segment(r.Path, segment);
                case "method" when argument == null:
                    return r => r.Method;
                case "host" when argument == null:
                    return r => r.Uri.Host;
                case "scheme" when argument == null:
                    return r => r.Uri.Scheme;
                case "port" when argument == null:
                    return r => r.Uri.Port.ToString(CultureInfo.InvariantCulture);
                case "baseUrl" when argument == null:
                    return r => r.Uri.GetLeftPart(UriPartial.Authority);
                case "body" when argument == null:
                    return r => r.Body;
                case "query" when argument != null:
                    return Indexed(argument, (r, name) => r.QueryValues(name));
                case "headers" when argument != null:
                    return Indexed(argument, (r, name) => r.HeaderValues(name));
                default:
                    throw Unsupported(expression);
            }
        }

        /// <summary><c>name</c> gives the first value, <c>name.[1]</c> the second.</summary>
        private static Func<StubRequest, string> Indexed(string argument, Func<StubRequest, string, IReadOnlyList<string>> values)
        {
            int index = 0;
            string name = argument;
            int dot = argument.LastIndexOf(".", StringComparison.Ordinal);
            if (dot > 0 && int.TryParse(Unbracket(argument.Substring(dot + 1)), NumberStyles.None, CultureInfo.InvariantCulture, out int parsed))
            {
                index = parsed;
                name = Unbracket(argument.Substring(0, dot));
            }

            return r =>
            {
                IReadOnlyList<string> found = values(r, name);
                return index < found.Count ? found[index] : string.Empty;
            };
        }

        private static Func<StubRequest, string> CompileJsonPath(string expression)
        {
            string rest = expression.Substring("jsonPath ".Length).Trim();
            if (!rest.StartsWith("request.body ", StringComparison.Ordinal))
            {
                throw Unsupported(expression);
            }

            string quoted = rest.Substring("request.body ".Length).Trim();
            if (quoted.Length < 2 || (quoted[0] != '\'' && quoted[0] != '"') || quoted[quoted.Length - 1] != quoted[0])
            {
                throw Unsupported(expression);
            }

            string path = quoted.Substring(1, quoted.Length - 2);
            NewtonsoftJsonPathEngine.Instance.SelectAll(new JObject(), path);
            return r =>
            {
                if (!(r.Json is JToken document))
                {
                    return string.Empty;
                }

                JToken? value;
                try
                {
                    value = NewtonsoftJsonPathEngine.Instance.SelectForVariable(document, path);
                }
                catch (JsonPathException)
                {
                    return string.Empty;
                }

                return value switch
                {
                    null => string.Empty,
                    JValue { Type: JTokenType.Null } => string.Empty,
                    JValue { Type: JTokenType.Boolean } flag => (bool)flag ? "true" : "false",
                    JValue plain => Convert.ToString(plain.Value, CultureInfo.InvariantCulture) ?? string.Empty,
                    _ => value.ToString(Formatting.None),
                };
            };
        }

        private static string Segment(string path, int index)
        {
            string[] segments = path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            return index < segments.Length ? Uri.UnescapeDataString(segments[index]) : string.Empty;
        }

        private static string Unbracket(string text) =>
            text.Length >= 2 && text[0] == '[' && text[text.Length - 1] == ']' ? text.Substring(1, text.Length - 2) : text;

        private static FormatException Unsupported(string expression) =>
            new FormatException("The template expression '{{" + expression + "}}' is not supported (see docs/stubs.md for the request values a template can use).");
    }
}
