using System;
using System.Collections.Generic;
using System.Globalization;
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
                return document.SelectTokens(NegativeIndexesAsSlices(normalized), errorWhenNoMatch: false).ToList();
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

        /// <summary>
        /// Jayway reads <c>[-2]</c> as the second element from the end (none when the array is shorter); Newtonsoft's parser
        /// rejects a negative index but slices count from the end, so <c>[-N]</c> becomes the one-element slice
        /// <c>[-N:-N+1]</c>. Callers decide definiteness on the path before this rewrite, so <c>[-1]</c> still gives one value.
        /// </summary>
        internal static string NegativeIndexesAsSlices(string path)
        {
            if (path.IndexOf('-') < 0) return path;
            var sb = new StringBuilder(path.Length + 8);
            char quote = '\0';
            for (int i = 0; i < path.Length; i++)
            {
                char c = path[i];
                sb.Append(c);
                if (quote != '\0')
                {
                    if (c == '\\' && i + 1 < path.Length) sb.Append(path[++i]);
                    else if (c == quote) quote = '\0';
                    continue;
                }

                if (c == '\'' || c == '"')
                {
                    quote = c;
                }
                else if (c == '[' && TryReadNegativeIndex(path, i + 1, out int fromEnd, out int close))
                {
                    sb.Append(fromEnd == 0 ? "0" : fromEnd == 1 ? "-1:" : "-" + fromEnd.ToString(CultureInfo.InvariantCulture) + ":-"
                        + (fromEnd - 1).ToString(CultureInfo.InvariantCulture));
                    sb.Append(']');
                    i = close;
                }
            }

            return sb.ToString();
        }

        /// <summary>Reads <c> -digits ]</c> from <paramref name="start"/>: the count from the end and where the <c>]</c> is.</summary>
        private static bool TryReadNegativeIndex(string path, int start, out int fromEnd, out int close)
        {
            fromEnd = 0;
            close = start;
            int i = start;
            while (i < path.Length && path[i] == ' ') i++;
            if (i >= path.Length || path[i] != '-') return false;
            int digits = ++i;
            while (i < path.Length && path[i] >= '0' && path[i] <= '9') i++;
            if (i == digits || !int.TryParse(path.Substring(digits, i - digits), NumberStyles.None, CultureInfo.InvariantCulture, out fromEnd))
            {
                return false;
            }

            while (i < path.Length && path[i] == ' ') i++;
            if (i >= path.Length || path[i] != ']') return false;
            close = i;
            return true;
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
