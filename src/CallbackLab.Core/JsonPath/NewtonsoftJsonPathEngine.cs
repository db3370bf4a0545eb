using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.JsonPath
{
    /// <summary>
    /// JSONPath on Newtonsoft.Json's <see cref="JToken.SelectTokens(string)"/>, with the Jayway-style
    /// conventions Flow Designer exports rely on.
    /// </summary>
    public sealed class NewtonsoftJsonPathEngine : IJsonPathEngine
    {
        /// <summary>The shared instance (the engine is stateless).</summary>
        public static NewtonsoftJsonPathEngine Instance { get; } = new NewtonsoftJsonPathEngine();

        /// <inheritdoc />
        public IReadOnlyList<JToken> SelectAll(JToken document, string path)
        {
            if (document is null) throw new ArgumentNullException(nameof(document));
            string normalized = Normalize(path);
            try
            {
                return document.SelectTokens(normalized, errorWhenNoMatch: false).ToList();
            }
            catch (Exception ex) when (ex is JsonException || ex is ArgumentException || ex is IndexOutOfRangeException
                || ex is FormatException || ex is InvalidOperationException)
            {
                // Newtonsoft reports some malformed paths as IndexOutOfRange: every parse failure becomes one clear error.
                throw new JsonPathException(path, $"The JSONPath expression '{path}' is not valid: {ex.Message}", ex);
            }
        }

        /// <inheritdoc />
        public JToken? SelectForVariable(JToken document, string path)
        {
            IReadOnlyList<JToken> matches = SelectAll(document, path);
            if (IsIndefinite(Normalize(path)))
            {
                // Jayway returns a list for filters, wildcards, deep scans and unions, even with one match.
                return new JArray(matches.Select(m => m.DeepClone()));
            }

            return matches.Count == 0 ? null : matches[0];
        }

        /// <summary>
        /// Reads a path without a leading <c>$</c> (real exports write <c>[0].ticketID</c>) as <c>$</c> + path,
        /// as Jayway's PathCompiler does.
        /// </summary>
        internal static string Normalize(string path)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            string trimmed = path.Trim();
            if (trimmed.Length == 0)
            {
                throw new JsonPathException(path, "The JSONPath expression is empty.");
            }

            trimmed = SingleQuoteStrings(trimmed);
            if (trimmed[0] == '$' || trimmed[0] == '@')
            {
                return trimmed;
            }

            return trimmed[0] == '[' || trimmed[0] == '.' ? "$" + trimmed : "$." + trimmed;
        }

        /// <summary>
        /// Jayway accepts double-quoted strings (<c>[?(@.dn == "4694096861")]</c>, <c>["name"]</c>) and flows use them;
        /// Newtonsoft's path parser only reads single quotes, so double-quoted strings are rewritten as single-quoted ones.
        /// </summary>
        internal static string SingleQuoteStrings(string path)
        {
            if (path.IndexOf('"') < 0) return path;
            var sb = new StringBuilder(path.Length + 4);
            for (int i = 0; i < path.Length; i++)
            {
                char c = path[i];
                if (c == '\'')
                {
                    // Copy a single-quoted string as it is, escapes included.
                    int start = i++;
                    while (i < path.Length && path[i] != '\'')
                    {
                        if (path[i] == '\\') i++;
                        i++;
                    }

                    sb.Append(path, start, Math.Min(i + 1, path.Length) - start);
                    continue;
                }

                if (c != '"')
                {
                    sb.Append(c);
                    continue;
                }

                sb.Append('\'');
                for (i++; i < path.Length && path[i] != '"'; i++)
                {
                    char d = path[i];
                    if (d == '\\' && i + 1 < path.Length && path[i + 1] == '"')
                    {
                        sb.Append('"');
                        i++;
                    }
                    else if (d == '\'')
                    {
                        sb.Append("\\'");
                    }
                    else
                    {
                        sb.Append(d);
                    }
                }

                sb.Append('\'');
            }

            return sb.ToString();
        }

        /// <summary>True when the path can match several nodes: filters, wildcards, deep scans, unions and slices.</summary>
        internal static bool IsIndefinite(string normalizedPath)
        {
            char quote = '\0';
            int bracketDepth = 0;
            for (int i = 0; i < normalizedPath.Length; i++)
            {
                char c = normalizedPath[i];
                if (quote != '\0')
                {
                    if (c == '\\') i++;
                    else if (c == quote) quote = '\0';
                    continue;
                }

                switch (c)
                {
                    case '\'':
                    case '"':
                        quote = c;
                        break;
                    case '[':
                        bracketDepth++;
                        break;
                    case ']':
                        bracketDepth--;
                        break;
                    case '*':
                        return true;
                    case '?':
                    case ',':
                    case ':':
                        if (bracketDepth > 0) return true;
                        break;
                    case '.':
                        if (bracketDepth == 0 && i + 1 < normalizedPath.Length && normalizedPath[i + 1] == '.') return true;
                        break;
                }
            }

            return false;
        }
    }
}
