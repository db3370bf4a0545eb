using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Http
{
    /// <summary>Masks the values of secret-named properties in JSON text, at any depth; text that does not parse is masked by pattern.</summary>
    internal static class JsonRedactor
    {
        // "name" : value, where value is a string (possibly cut off at the end of the text), a number or a literal.
        private static readonly Regex s_property = new Regex(
            "\"(?<name>(?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*(?<value>\"(?:[^\"\\\\]|\\\\.)*(?:\"|\\\\?$)|-?[0-9][0-9.eE+-]*|true|false|null)",
            RegexOptions.CultureInvariant);

        /// <summary>True when <paramref name="text"/> looks like JSON (an object or array), so it is redacted as JSON rather than as a form.</summary>
        internal static bool LooksLikeJson(string text)
        {
            foreach (char c in text)
            {
                if (!char.IsWhiteSpace(c) && c != '\uFEFF')
                {
                    return c == '{' || c == '[';
                }
            }

            return false;
        }

        /// <summary>The text with secret values masked; the very same string when it holds no secret, so formatting is kept.</summary>
        internal static string Redact(string json)
        {
            JToken? root = Parse(json);
            if (root == null)
            {
                return RedactByPattern(json);
            }

            return MaskSecrets(root) ? root.ToString(Formatting.None) : json;
        }

        private static JToken? Parse(string json)
        {
            try
            {
                using var reader = new JsonTextReader(new StringReader(json))
                {
                    DateParseHandling = DateParseHandling.None,
                    FloatParseHandling = FloatParseHandling.Decimal,
                    MaxDepth = 256,
                };
                JToken token = JToken.ReadFrom(reader);
                while (reader.Read())
                {
                    if (reader.TokenType != JsonToken.Comment)
                    {
                        return null; // more than one value: not one JSON document
                    }
                }

                return token;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static bool MaskSecrets(JToken token)
        {
            bool masked = false;
            if (token is JObject obj)
            {
                string[] siblings = obj.Properties().Select(p => p.Name).ToArray();
                foreach (JProperty property in obj.Properties().ToList())
                {
                    if (SecretNames.IsSecretIn(property.Name, siblings, apiKeyPlace: false) && !(property.Value.Type == JTokenType.Null))
                    {
                        property.Value = LogRedactor.Mask;
                        masked = true;
                    }
                    else
                    {
                        masked |= MaskSecrets(property.Value);
                    }
                }
            }
            else if (token is JArray array)
            {
                foreach (JToken item in array)
                {
                    masked |= MaskSecrets(item);
                }
            }

            return masked;
        }

        private static string RedactByPattern(string text)
        {
            // Text that does not parse has no objects to tell siblings by: every property name in it counts as one.
            string[] names = s_property.Matches(text).Cast<Match>().Select(m => Unescaped(m.Groups["name"].Value)).ToArray();
            return s_property.Replace(text, match =>
            {
                string name = match.Groups["name"].Value;
                if (!SecretNames.IsSecretIn(Unescaped(name), names, apiKeyPlace: false) || match.Groups["value"].Value == "null")
                {
                    return match.Value;
                }

                return "\"" + name + "\":\"" + LogRedactor.Mask + "\"";
            });
        }

        private static string Unescaped(string name)
        {
            try
            {
                return Regex.Unescape(name);
            }
            catch (System.ArgumentException)
            {
                return name;
            }
        }
    }
}
