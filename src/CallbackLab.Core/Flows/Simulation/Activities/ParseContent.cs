using System;
using System.Collections.Generic;
using System.Globalization;
using System.Xml;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Turns the Parse activity's input into JSON, as Flow Designer normalises every content type: JSON as is, XML the way
    /// Newtonsoft maps elements (attributes as <c>@name</c>), and the block subset of YAML and the common subset of TOML
    /// (tables, arrays of tables, strings, numbers, booleans, inline arrays) that flows carry. Bad input throws <see cref="FormatException"/>.
    /// </summary>
    internal static class ParseContent
    {
        internal static JToken ToJson(string text, string contentType)
        {
            switch (contentType.Trim().ToUpperInvariant())
            {
                case "XML":
                    return FromXml(text);
                case "YAML":
                case "YML":
                    return FromYaml(text);
                case "TOML":
                    return FromToml(text);
                default:
                    try
                    {
                        return JToken.Parse(text);
                    }
                    catch (JsonReaderException ex)
                    {
                        throw new FormatException("the input is not JSON: " + ex.Message, ex);
                    }
            }
        }

        private static JToken FromXml(string text)
        {
            var document = new XmlDocument { XmlResolver = null };
            try
            {
                using (var reader = XmlReader.Create(new System.IO.StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
                {
                    document.Load(reader);
                }
            }
            catch (XmlException ex)
            {
                throw new FormatException("the input is not XML: " + ex.Message, ex);
            }

            return JToken.Parse(JsonConvert.SerializeXmlNode(document));
        }

        private static JToken FromYaml(string text)
        {
            var lines = new List<(int Indent, string Text)>();
            foreach (string raw in text.Replace("\r", string.Empty).Split('\n'))
            {
                string line = StripComment(raw);
                if (line.Trim().Length == 0 || line.Trim() == "---")
                {
                    continue;
                }

                if (line.IndexOf('\t') >= 0 && line.TrimStart().Length != line.TrimStart('\t').Length)
                {
                    throw new FormatException("YAML indentation must use spaces, not tabs.");
                }

                lines.Add((line.Length - line.TrimStart(' ').Length, line.Trim()));
            }

            int index = 0;
            return lines.Count == 0 ? JValue.CreateNull() : YamlBlock(lines, ref index, lines[0].Indent);
        }

        private static JToken YamlBlock(List<(int Indent, string Text)> lines, ref int index, int indent)
        {
            bool sequence = lines[index].Text.StartsWith("- ", StringComparison.Ordinal) || lines[index].Text == "-";
            if (sequence)
            {
                var array = new JArray();
                while (index < lines.Count && lines[index].Indent == indent && (lines[index].Text.StartsWith("- ", StringComparison.Ordinal) || lines[index].Text == "-"))
                {
                    string rest = lines[index].Text.Substring(1).Trim();
                    if (rest.Length == 0)
                    {
                        index++;
                        array.Add(index < lines.Count && lines[index].Indent > indent ? YamlBlock(lines, ref index, lines[index].Indent) : JValue.CreateNull());
                    }
                    else if (KeyOf(rest, out _, out _))
                    {
                        // "- key: value" starts a mapping whose other keys sit under the key.
                        lines[index] = (indent + 2, rest);
                        array.Add(YamlBlock(lines, ref index, indent + 2));
                    }
                    else
                    {
                        array.Add(YamlScalar(rest));
                        index++;
                    }
                }

                return array;
            }

            var map = new JObject();
            while (index < lines.Count && lines[index].Indent == indent)
            {
                if (!KeyOf(lines[index].Text, out string key, out string value))
                {
                    throw new FormatException("YAML line '" + lines[index].Text + "' is neither 'key: value' nor '- item'.");
                }

                index++;
                if (value.Length > 0)
                {
                    map[key] = YamlScalar(value);
                }
                else if (index < lines.Count && (lines[index].Indent > indent || (lines[index].Indent == indent && lines[index].Text.StartsWith("-", StringComparison.Ordinal))))
                {
                    map[key] = YamlBlock(lines, ref index, lines[index].Indent);
                }
                else
                {
                    map[key] = JValue.CreateNull();
                }
            }

            if (index < lines.Count && lines[index].Indent > indent)
            {
                throw new FormatException("YAML line '" + lines[index].Text + "' is indented deeper than its block.");
            }

            return map;
        }

        private static bool KeyOf(string text, out string key, out string value)
        {
            int colon = text.StartsWith("\"", StringComparison.Ordinal) ? text.IndexOf("\":", 1, StringComparison.Ordinal) + 1 : text.IndexOf(':');
            while (colon > 0 && colon + 1 < text.Length && text[colon + 1] != ' ')
            {
                colon = text.IndexOf(':', colon + 1);
            }

            if (colon <= 0 || text.StartsWith("[", StringComparison.Ordinal) || text.StartsWith("{", StringComparison.Ordinal))
            {
                key = value = string.Empty;
                return false;
            }

            key = Unquote(text.Substring(0, colon).Trim());
            value = text.Substring(colon + 1).Trim();
            return true;
        }

        private static JToken YamlScalar(string text)
        {
            if (text.StartsWith("[", StringComparison.Ordinal) || text.StartsWith("{", StringComparison.Ordinal))
            {
                try
                {
                    return JToken.Parse(text);
                }
                catch (JsonReaderException ex)
                {
                    throw new FormatException("YAML flow value '" + text + "' is not in the supported (JSON-like) form.", ex);
                }
            }

            if (text.StartsWith("\"", StringComparison.Ordinal) || text.StartsWith("'", StringComparison.Ordinal))
            {
                return new JValue(Unquote(text));
            }

            switch (text)
            {
                case "true":
                case "True":
                    return new JValue(true);
                case "false":
                case "False":
                    return new JValue(false);
                case "null":
                case "~":
                    return JValue.CreateNull();
            }

            return Number(text) ?? new JValue(text);
        }

        private static JToken FromToml(string text)
        {
            var root = new JObject();
            JObject table = root;
            int lineNumber = 0;
            foreach (string raw in text.Replace("\r", string.Empty).Split('\n'))
            {
                lineNumber++;
                string line = StripComment(raw).Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                if (line.StartsWith("[[", StringComparison.Ordinal) && line.EndsWith("]]", StringComparison.Ordinal))
                {
                    string[] path = line.Substring(2, line.Length - 4).Split('.');
                    JObject parent = Table(root, path, path.Length - 1);
                    string last = path[path.Length - 1].Trim();
                    if (!(parent[last] is JArray array))
                    {
                        parent[last] = array = new JArray();
                    }

                    table = new JObject();
                    array.Add(table);
                }
                else if (line.StartsWith("[", StringComparison.Ordinal) && line.EndsWith("]", StringComparison.Ordinal))
                {
                    string[] path = line.Substring(1, line.Length - 2).Split('.');
                    table = Table(root, path, path.Length);
                }
                else
                {
                    int equals = line.IndexOf('=');
                    if (equals <= 0)
                    {
                        throw new FormatException("TOML line " + lineNumber + " ('" + line + "') is not 'key = value'.");
                    }

                    table[Unquote(line.Substring(0, equals).Trim())] = TomlValue(line.Substring(equals + 1).Trim(), lineNumber);
                }
            }

            return root;
        }

        private static JObject Table(JObject root, string[] path, int count)
        {
            JObject current = root;
            for (int i = 0; i < count; i++)
            {
                string key = Unquote(path[i].Trim());
                if (current[key] is JArray tables && tables.Count > 0 && tables[tables.Count - 1] is JObject lastTable)
                {
                    current = lastTable;
                }
                else if (current[key] is JObject existing)
                {
                    current = existing;
                }
                else
                {
                    var created = new JObject();
                    current[key] = created;
                    current = created;
                }
            }

            return current;
        }

        private static JToken TomlValue(string text, int lineNumber)
        {
            if (text.StartsWith("'", StringComparison.Ordinal) && text.EndsWith("'", StringComparison.Ordinal) && text.Length >= 2)
            {
                return new JValue(text.Substring(1, text.Length - 2));
            }

            if (text == "true" || text == "false")
            {
                return new JValue(text == "true");
            }

            if (Number(text.Replace("_", string.Empty)) is JValue number)
            {
                return number;
            }

            try
            {
                // Basic strings and inline arrays of them read as JSON.
                return JToken.Parse(text);
            }
            catch (JsonReaderException ex)
            {
                throw new FormatException("TOML line " + lineNumber + " has a value ('" + text + "') of a form the simulator does not read.", ex);
            }
        }

        private static JValue? Number(string text)
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
            {
                return new JValue(integer);
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double real) && text.IndexOfAny(new[] { '.', 'e', 'E' }) >= 0
                ? new JValue(real)
                : null;
        }

        private static string StripComment(string line)
        {
            bool quoted = false;
            char quote = '\0';
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (quoted)
                {
                    quoted = c != quote;
                }
                else if (c == '"' || c == '\'')
                {
                    quoted = true;
                    quote = c;
                }
                else if (c == '#' && (i == 0 || line[i - 1] == ' '))
                {
                    return line.Substring(0, i);
                }
            }

            return line;
        }

        private static string Unquote(string text) =>
            text.Length >= 2 && (text[0] == '"' || text[0] == '\'') && text[text.Length - 1] == text[0] ? text.Substring(1, text.Length - 2) : text;
    }
}
