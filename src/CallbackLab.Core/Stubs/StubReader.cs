using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CallbackLab.Core.JsonPath;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Stubs
{
    /// <summary>
    /// Reads stubs from WireMock mapping JSON: one mapping (<c>{"request":…,"response":…}</c>), an array of mappings, or a
    /// mappings file (<c>{"mappings":[…]}</c>), with CallbackLab's extensions (<c>responses</c> sequences, <c>urlGlob</c>, glob
    /// hosts, string shorthands for header and query matchers). A feature that would answer differently from WireMock
    /// (XPath, cookies, proxying…) is refused with the JSON path that uses it, never silently ignored.
    /// </summary>
    public static class StubReader
    {
        private static readonly HashSet<string> s_mappingProperties = new HashSet<string>(StringComparer.Ordinal)
        {
            "id", "uuid", "name", "priority", "request", "response", "responses", "scenarioName", "requiredScenarioState",
            "newScenarioState", "persistent", "metadata", "insertionIndex", "comment", "postServeActions", "serveEventListeners",
        };

        private static readonly string[] s_urlProperties = { "url", "urlPath", "urlPattern", "urlPathPattern", "urlPathTemplate", "urlGlob" };

        private static readonly HashSet<string> s_requestProperties = new HashSet<string>(s_urlProperties, StringComparer.Ordinal)
        {
            "method", "scheme", "host", "port", "queryParameters", "headers", "bodyPatterns", "basicAuthCredentials",
        };

        private static readonly HashSet<string> s_responseProperties = new HashSet<string>(StringComparer.Ordinal)
        {
            "status", "statusMessage", "headers", "body", "jsonBody", "base64Body", "bodyFileName", "fixedDelayMilliseconds",
            "fault", "transformers", "transformerParameters",
        };

        /// <summary>Reads a stub file; <c>bodyFileName</c> is looked up in its folder's <c>__files</c>, then in its folder.</summary>
        /// <exception cref="StubFormatException">The file is not stub JSON.</exception>
        /// <exception cref="IOException">The file (or a body file) cannot be read.</exception>
        public static IReadOnlyList<Stub> ReadFile(string path)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            string full = Path.GetFullPath(path);
            return Read(File.ReadAllText(full), Path.GetDirectoryName(full), full);
        }

        /// <summary>Reads stub JSON text.</summary>
        /// <exception cref="StubFormatException">The text is not stub JSON.</exception>
        public static IReadOnlyList<Stub> Read(string json, string? baseDirectory = null, string? source = null)
        {
            if (json is null) throw new ArgumentNullException(nameof(json));
            JToken document;
            try
            {
                document = JToken.Parse(json);
            }
            catch (JsonReaderException ex)
            {
                throw new StubFormatException(string.Empty, "The stub file is not valid JSON: " + ex.Message, ex);
            }

            return Read(document, baseDirectory, source);
        }

        /// <summary>Reads parsed stub JSON.</summary>
        /// <exception cref="StubFormatException">The document is not stub JSON.</exception>
        public static IReadOnlyList<Stub> Read(JToken document, string? baseDirectory = null, string? source = null)
        {
            switch (document)
            {
                case JArray array:
                    return array.Select((item, i) => ReadMapping(item, baseDirectory, source, "[" + i + "]")).ToList();
                case JObject obj when obj["mappings"] is JArray mappings:
                    return mappings.Select((item, i) => ReadMapping(item, baseDirectory, source, "mappings[" + i + "]")).ToList();
                case JObject obj when obj["request"] != null || obj["response"] != null || obj["responses"] != null:
                    return new[] { ReadMapping(obj, baseDirectory, source, string.Empty) };
                default:
                    throw new StubFormatException(string.Empty, "Expected a WireMock mapping ({\"request\":…,\"response\":…}), an array of mappings or {\"mappings\":[…]}.");
            }
        }

        /// <summary>Reads one mapping.</summary>
        /// <exception cref="StubFormatException">The mapping is not valid.</exception>
        public static Stub ReadMapping(JToken token, string? baseDirectory = null, string? source = null, string jsonPath = "")
        {
            if (!(token is JObject original))
            {
                throw new StubFormatException(jsonPath, "A mapping must be a JSON object.");
            }

            var mapping = (JObject)original.DeepClone();
            RejectUnknown(mapping, s_mappingProperties, jsonPath);
            Guid id = ReadId(mapping, jsonPath);
            mapping.Remove("uuid");
            mapping["id"] = id.ToString();
            int priority = Stub.DefaultPriority;
            if (mapping["priority"] is JToken priorityToken)
            {
                if (priorityToken.Type != JTokenType.Integer || (long)priorityToken < 1 || (long)priorityToken > int.MaxValue)
                {
                    throw new StubFormatException(Join(jsonPath, "priority"), "The priority must be a whole number of 1 (the highest) or more.");
                }

                priority = (int)priorityToken;
            }

            StubRequestPattern request = ReadRequest(mapping["request"], Join(jsonPath, "request"));
            var responses = new List<StubResponse>();
            if (mapping["response"] != null && mapping["responses"] != null)
            {
                throw new StubFormatException(jsonPath, "Give either 'response' or 'responses' (a sequence), not both.");
            }

            if (mapping["responses"] is JToken sequence)
            {
                if (!(sequence is JArray items) || items.Count == 0)
                {
                    throw new StubFormatException(Join(jsonPath, "responses"), "'responses' must be a non-empty array of responses, answered in order (the last repeats).");
                }

                for (int i = 0; i < items.Count; i++)
                {
                    responses.Add(ReadResponse(items[i], baseDirectory, Join(jsonPath, "responses") + "[" + i + "]"));
                }
            }
            else
            {
                responses.Add(ReadResponse(mapping["response"] ?? new JObject(), baseDirectory, Join(jsonPath, "response")));
            }

            return new Stub(id, (string?)mapping["name"], priority, request, responses, (string?)mapping["scenarioName"],
                (string?)mapping["requiredScenarioState"], (string?)mapping["newScenarioState"], source, mapping);
        }

        private static Guid ReadId(JObject mapping, string jsonPath)
        {
            JToken? given = mapping["id"] ?? mapping["uuid"];
            if (given == null)
            {
                return Guid.NewGuid();
            }

            if (given.Type != JTokenType.String || !Guid.TryParse((string?)given, out Guid id))
            {
                throw new StubFormatException(Join(jsonPath, "id"), "The id must be a UUID, e.g. \"" + Guid.Empty + "\".");
            }

            return id;
        }

        private static StubRequestPattern ReadRequest(JToken? token, string jsonPath)
        {
            if (token == null)
            {
                return new StubRequestPattern(null, null);
            }

            if (!(token is JObject request))
            {
                throw new StubFormatException(jsonPath, "'request' must be an object.");
            }

            foreach (string unsupported in new[] { "cookies", "customMatcher", "formParameters", "multipartPatterns", "pathParameters", "clientIp" })
            {
                if (request[unsupported] != null)
                {
                    throw new StubFormatException(Join(jsonPath, unsupported), "'" + unsupported + "' is not supported by CallbackLab's stub engine.");
                }
            }

            RejectUnknown(request, s_requestProperties, jsonPath);
            string[] urls = s_urlProperties.Where(name => request[name] != null).ToArray();
            if (urls.Length > 1)
            {
                throw new StubFormatException(jsonPath, "Give one URL constraint, not " + string.Join(" and ", urls) + ".");
            }

            UrlMatcher? url = null;
            if (urls.Length == 1)
            {
                string name = urls[0];
                string? value = request[name]!.Type == JTokenType.String ? (string?)request[name] : null;
                if (value == null)
                {
                    throw new StubFormatException(Join(jsonPath, name), "'" + name + "' must be a string.");
                }

                var kind = (UrlMatchKind)Enum.Parse(typeof(UrlMatchKind), name, ignoreCase: true);
                url = Guard(Join(jsonPath, name), () => new UrlMatcher(kind, value));
            }

            string? method = ReadString(request, "method", jsonPath);
            string? scheme = ReadString(request, "scheme", jsonPath);
            StringMatcher? host = null;
            if (request["host"] is JToken hostToken)
            {
                host = hostToken.Type == JTokenType.String
                    ? HostShorthand((string)hostToken!)
                    : ReadStringMatcher(hostToken, Join(jsonPath, "host"), defaultCaseInsensitive: true);
            }

            int? port = null;
            if (request["port"] is JToken portToken)
            {
                if (portToken.Type != JTokenType.Integer || (long)portToken < 1 || (long)portToken > 65535)
                {
                    throw new StubFormatException(Join(jsonPath, "port"), "The port must be 1 to 65535.");
                }

                port = (int)portToken;
            }

            List<KeyValuePair<string, StringMatcher>> headers = ReadNamedMatchers(request["headers"], Join(jsonPath, "headers"));
            if (request["basicAuthCredentials"] is JObject basic)
            {
                string credentials = (string?)basic["username"] + ":" + (string?)basic["password"];
                string encoded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(credentials));
                headers.Add(new KeyValuePair<string, StringMatcher>("Authorization", new StringMatcher(StringMatchKind.EqualTo, "Basic " + encoded)));
            }

            List<KeyValuePair<string, StringMatcher>> query = ReadNamedMatchers(request["queryParameters"], Join(jsonPath, "queryParameters"));
            var bodies = new List<BodyMatcher>();
            if (request["bodyPatterns"] is JToken patterns)
            {
                if (!(patterns is JArray array))
                {
                    throw new StubFormatException(Join(jsonPath, "bodyPatterns"), "'bodyPatterns' must be an array.");
                }

                for (int i = 0; i < array.Count; i++)
                {
                    bodies.Add(ReadBodyPattern(array[i], Join(jsonPath, "bodyPatterns") + "[" + i + "]"));
                }
            }

            return new StubRequestPattern(method, url, scheme, host, port, query, headers, bodies);
        }

        private static StringMatcher HostShorthand(string host) =>
            host.IndexOf('*') >= 0 || host.IndexOf('?') >= 0
                ? new StringMatcher(StringMatchKind.Glob, host, caseInsensitive: true)
                : new StringMatcher(StringMatchKind.EqualTo, host, caseInsensitive: true);

        private static List<KeyValuePair<string, StringMatcher>> ReadNamedMatchers(JToken? token, string jsonPath)
        {
            var result = new List<KeyValuePair<string, StringMatcher>>();
            if (token == null)
            {
                return result;
            }

            if (!(token is JObject named))
            {
                throw new StubFormatException(jsonPath, "Expected an object of name → matcher.");
            }

            foreach (KeyValuePair<string, JToken?> entry in named)
            {
                string path = Join(jsonPath, entry.Key);
                StringMatcher matcher = entry.Value is JValue plain && plain.Type != JTokenType.Null
                    ? new StringMatcher(StringMatchKind.EqualTo, Text(plain))
                    : ReadStringMatcher(entry.Value, path, defaultCaseInsensitive: false);
                result.Add(new KeyValuePair<string, StringMatcher>(entry.Key, matcher));
            }

            return result;
        }

        private static StringMatcher ReadStringMatcher(JToken? token, string jsonPath, bool defaultCaseInsensitive)
        {
            if (!(token is JObject matcher))
            {
                throw new StubFormatException(jsonPath, "Expected a matcher such as {\"equalTo\": \"…\"}.");
            }

            bool caseInsensitive = matcher["caseInsensitive"] is JToken flag ? flag.Type == JTokenType.Boolean && (bool)flag : defaultCaseInsensitive;
            var operators = matcher.Properties().Where(p => p.Name != "caseInsensitive").ToList();
            if (operators.Count != 1)
            {
                throw new StubFormatException(jsonPath, "Expected exactly one operator (equalTo, contains, doesNotContain, matches, doesNotMatch, absent, glob), found "
                    + (operators.Count == 0 ? "none" : string.Join(", ", operators.Select(p => p.Name))) + ".");
            }

            JProperty op = operators[0];
            switch (op.Name)
            {
                case "absent":
                    if (op.Value.Type != JTokenType.Boolean || !(bool)op.Value)
                    {
                        throw new StubFormatException(Join(jsonPath, "absent"), "Only {\"absent\": true} is supported.");
                    }

                    return new StringMatcher(StringMatchKind.Absent, null);
                case "equalTo":
                case "contains":
                case "doesNotContain":
                case "matches":
                case "doesNotMatch":
                case "glob":
                    if (!(op.Value is JValue value) || value.Type == JTokenType.Null)
                    {
                        throw new StubFormatException(Join(jsonPath, op.Name), "'" + op.Name + "' needs a string.");
                    }

                    var kind = (StringMatchKind)Enum.Parse(typeof(StringMatchKind), op.Name, ignoreCase: true);
                    return Guard(Join(jsonPath, op.Name), () => new StringMatcher(kind, Text(value), caseInsensitive));
                default:
                    throw new StubFormatException(Join(jsonPath, op.Name), "The operator '" + op.Name + "' is not supported.");
            }
        }

        private static BodyMatcher ReadBodyPattern(JToken token, string jsonPath)
        {
            if (!(token is JObject pattern))
            {
                throw new StubFormatException(jsonPath, "A body pattern must be an object.");
            }

            if (pattern["equalToJson"] is JToken expected)
            {
                JToken json = expected;
                if (expected.Type == JTokenType.String)
                {
                    json = StubRequest.TryParseJson((string)expected!) ?? throw new StubFormatException(Join(jsonPath, "equalToJson"), "The expected JSON is not valid JSON.");
                }

                return BodyMatcher.ForJson(json, Flag(pattern, "ignoreExtraElements"), Flag(pattern, "ignoreArrayOrder"));
            }

            if (pattern["matchesJsonPath"] is JToken jsonPathToken)
            {
                string path = Join(jsonPath, "matchesJsonPath");
                if (jsonPathToken.Type == JTokenType.String)
                {
                    return Guard(path, () => BodyMatcher.ForJsonPath((string)jsonPathToken!));
                }

                if (!(jsonPathToken is JObject withValue) || withValue["expression"]?.Type != JTokenType.String)
                {
                    throw new StubFormatException(path, "'matchesJsonPath' must be an expression, or {\"expression\": \"$.x\", \"equalTo\": \"…\"}.");
                }

                var rest = (JObject)withValue.DeepClone();
                rest.Remove("expression");
                StringMatcher value = ReadStringMatcher(rest, path, defaultCaseInsensitive: false);
                return Guard(path, () => BodyMatcher.ForJsonPath((string)withValue["expression"]!, value));
            }

            foreach (string unsupported in new[] { "equalToXml", "matchesXPath", "binaryEqualTo", "and", "or", "not" })
            {
                if (pattern[unsupported] != null)
                {
                    throw new StubFormatException(Join(jsonPath, unsupported), "The body pattern '" + unsupported + "' is not supported by CallbackLab's stub engine.");
                }
            }

            return BodyMatcher.ForText(ReadStringMatcher(pattern, jsonPath, defaultCaseInsensitive: false));
        }

        private static StubResponse ReadResponse(JToken token, string? baseDirectory, string jsonPath)
        {
            if (!(token is JObject response))
            {
                throw new StubFormatException(jsonPath, "A response must be an object.");
            }

            foreach (string unsupported in new[] { "proxyBaseUrl", "delayDistribution", "chunkedDribbleDelay" })
            {
                if (response[unsupported] != null)
                {
                    throw new StubFormatException(Join(jsonPath, unsupported), "'" + unsupported + "' is not supported by CallbackLab's stub engine.");
                }
            }

            RejectUnknown(response, s_responseProperties, jsonPath);
            int status = 200;
            if (response["status"] is JToken statusToken)
            {
                if (statusToken.Type != JTokenType.Integer || (long)statusToken < 100 || (long)statusToken > 599)
                {
                    throw new StubFormatException(Join(jsonPath, "status"), "The status must be a whole number from 100 to 599.");
                }

                status = (int)statusToken;
            }

            var headers = new List<KeyValuePair<string, string>>();
            if (response["headers"] is JToken headerToken)
            {
                if (!(headerToken is JObject headerObject))
                {
                    throw new StubFormatException(Join(jsonPath, "headers"), "'headers' must be an object of name → value (or array of values).");
                }

                foreach (KeyValuePair<string, JToken?> header in headerObject)
                {
                    IEnumerable<JToken> values = header.Value is JArray many ? many : new[] { header.Value ?? JValue.CreateNull() };
                    headers.AddRange(values.Select(v => new KeyValuePair<string, string>(header.Key, Text(v))));
                }
            }

            string[] bodies = new[] { "body", "jsonBody", "base64Body", "bodyFileName" }.Where(name => response[name] != null).ToArray();
            if (bodies.Length > 1)
            {
                throw new StubFormatException(jsonPath, "Give one body, not " + string.Join(" and ", bodies) + ".");
            }

            string? body = null;
            string? bodyFileName = null;
            if (response["body"] is JToken literal)
            {
                body = Text(literal);
            }
            else if (response["jsonBody"] is JToken jsonBody)
            {
                body = jsonBody.ToString(Formatting.None);
                if (!headers.Any(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)))
                {
                    headers.Add(new KeyValuePair<string, string>("Content-Type", "application/json"));
                }
            }
            else if (response["base64Body"] is JToken base64)
            {
                body = Guard(Join(jsonPath, "base64Body"), () => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Text(base64))));
            }
            else if (response["bodyFileName"] is JToken fileToken)
            {
                bodyFileName = Text(fileToken);
                body = ReadBodyFile(bodyFileName, baseDirectory, Join(jsonPath, "bodyFileName"));
            }

            TimeSpan? delay = null;
            if (response["fixedDelayMilliseconds"] is JToken delayToken)
            {
                if (delayToken.Type != JTokenType.Integer || (long)delayToken < 0)
                {
                    throw new StubFormatException(Join(jsonPath, "fixedDelayMilliseconds"), "The delay must be a whole number of milliseconds, 0 or more.");
                }

                delay = TimeSpan.FromMilliseconds((long)delayToken);
            }

            StubFault fault = StubFault.None;
            if (response["fault"] is JToken faultToken)
            {
                string name = Text(faultToken).Replace("_", string.Empty);
                if (!Enum.TryParse(name, ignoreCase: true, out fault) || fault == StubFault.None)
                {
                    throw new StubFormatException(Join(jsonPath, "fault"), "The fault must be CONNECTION_RESET_BY_PEER, EMPTY_RESPONSE, MALFORMED_RESPONSE_CHUNK or RANDOM_DATA_THEN_CLOSE.");
                }
            }

            bool templated = false;
            if (response["transformers"] is JToken transformers)
            {
                var names = transformers is JArray list ? list.Select(Text).ToList() : new List<string> { Text(transformers) };
                string? other = names.FirstOrDefault(n => n != "response-template");
                if (other != null)
                {
                    throw new StubFormatException(Join(jsonPath, "transformers"), "The transformer '" + other + "' is not supported; 'response-template' is.");
                }

                templated = names.Count > 0;
            }

            string bodyText = body ?? string.Empty;
            return Guard(jsonPath, () => new StubResponse(status, headers, bodyText, templated, delay, fault, bodyFileName));
        }

        private static string ReadBodyFile(string name, string? baseDirectory, string jsonPath)
        {
            if (baseDirectory == null)
            {
                throw new StubFormatException(jsonPath, "'bodyFileName' needs the stubs to be read from a file (the body file is looked up next to it).");
            }

            string inFiles = Path.Combine(baseDirectory, "__files", name);
            string beside = Path.Combine(baseDirectory, name);
            string? found = File.Exists(inFiles) ? inFiles : File.Exists(beside) ? beside : null;
            if (found == null)
            {
                throw new StubFormatException(jsonPath, "The body file '" + name + "' was found neither in '" + Path.Combine(baseDirectory, "__files") + "' nor in '" + baseDirectory + "'.");
            }

            return File.ReadAllText(found);
        }

        private static T Guard<T>(string jsonPath, Func<T> create)
        {
            try
            {
                return create();
            }
            catch (Exception ex) when (ex is ArgumentException || ex is FormatException || ex is JsonPathException)
            {
                throw new StubFormatException(jsonPath, ex.Message, ex);
            }
        }

        private static void RejectUnknown(JObject obj, HashSet<string> known, string jsonPath)
        {
            JProperty? unknown = obj.Properties().FirstOrDefault(p => !known.Contains(p.Name));
            if (unknown != null)
            {
                throw new StubFormatException(Join(jsonPath, unknown.Name), "'" + unknown.Name + "' is not a property CallbackLab's stub engine knows (known: " + string.Join(", ", known.OrderBy(k => k, StringComparer.Ordinal)) + ").");
            }
        }

        private static string? ReadString(JObject obj, string name, string jsonPath)
        {
            JToken? token = obj[name];
            if (token == null || token.Type == JTokenType.Null)
            {
                return null;
            }

            if (token.Type != JTokenType.String)
            {
                throw new StubFormatException(Join(jsonPath, name), "'" + name + "' must be a string.");
            }

            return (string?)token;
        }

        private static bool Flag(JObject obj, string name) => obj[name] is JToken token && token.Type == JTokenType.Boolean && (bool)token;

        private static string Text(JToken token) =>
            token is JValue value
                ? value.Type == JTokenType.Null ? string.Empty
                    : value.Type == JTokenType.Boolean ? ((bool)value ? "true" : "false")
                    : Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty
                : token.ToString(Formatting.None);

        private static string Join(string jsonPath, string name) => jsonPath.Length == 0 ? name : jsonPath + "." + name;
    }
}
