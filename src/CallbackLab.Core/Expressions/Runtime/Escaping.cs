using System.Globalization;
using System.Text;

namespace CallbackLab.Core.Expressions.Runtime
{
    /// <summary>
    /// The escaping strategies of Pebble's <c>escape</c> filter and <c>autoescape</c> tag, as unbescape (the library Pebble
    /// calls) writes them: html, js, css, url_param, json.
    /// </summary>
    internal static class Escaping
    {
        public static string Apply(string value, string strategy)
        {
            switch (strategy)
            {
                case "html": return Html(value);
                case "js": return JavaScript(value);
                case "css": return Css(value);
                case "url_param": return UrlParameter(value);
                case "json": return Json(value);
                default: throw new ExpressionRuntimeError($"Unknown escaping strategy [{strategy}]");
            }
        }

        private static string Html(string value)
        {
            var sb = new StringBuilder(value.Length + 16);
            foreach (char c in value)
            {
                switch (c)
                {
                    case '&': sb.Append("&amp;"); break;
                    case '<': sb.Append("&lt;"); break;
                    case '>': sb.Append("&gt;"); break;
                    case '"': sb.Append("&quot;"); break;
                    case '\'': sb.Append("&#39;"); break;
                    default: sb.Append(c); break;
                }
            }

            return sb.ToString();
        }

        /// <summary>unbescape's JavaScript level 2: single escape chars where they exist, <c>\xHH</c>/<c>\uHHHH</c> for '&amp;', controls and non-ASCII.</summary>
        private static string JavaScript(string value)
        {
            var sb = new StringBuilder(value.Length + 16);
            foreach (char c in value)
            {
                switch (c)
                {
                    case '\0': sb.Append("\\0"); continue;
                    case '\b': sb.Append("\\b"); continue;
                    case '\t': sb.Append("\\t"); continue;
                    case '\n': sb.Append("\\n"); continue;
                    case '\v': sb.Append("\\v"); continue;
                    case '\f': sb.Append("\\f"); continue;
                    case '\r': sb.Append("\\r"); continue;
                    case '"': sb.Append("\\\""); continue;
                    case '\'': sb.Append("\\'"); continue;
                    case '\\': sb.Append("\\\\"); continue;
                    case '/': sb.Append("\\/"); continue;
                }

                if (c == '&' || c < 0x20 || c >= 0x7F)
                {
                    if (c <= 0xFF) sb.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                    else sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
                else
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }

        /// <summary>unbescape's JSON level 2: <c>\"</c> <c>\\</c> <c>\/</c> and the control escapes, <c>\uHHHH</c> for '&amp;', controls and non-ASCII.</summary>
        private static string Json(string value)
        {
            var sb = new StringBuilder(value.Length + 16);
            foreach (char c in value)
            {
                switch (c)
                {
                    case '\b': sb.Append("\\b"); continue;
                    case '\t': sb.Append("\\t"); continue;
                    case '\n': sb.Append("\\n"); continue;
                    case '\f': sb.Append("\\f"); continue;
                    case '\r': sb.Append("\\r"); continue;
                    case '"': sb.Append("\\\""); continue;
                    case '\\': sb.Append("\\\\"); continue;
                    case '/': sb.Append("\\/"); continue;
                }

                if (c == '&' || c < 0x20 || c >= 0x7F) sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                else sb.Append(c);
            }

            return sb.ToString();
        }

        /// <summary>unbescape's CSS identifier level 2: a backslash before ASCII punctuation, compact hex for controls and non-ASCII.</summary>
        private static string Css(string value)
        {
            var sb = new StringBuilder(value.Length + 16);
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')
                {
                    sb.Append(c);
                }
                else if (c >= 0x20 && c < 0x7F)
                {
                    sb.Append('\\').Append(c);
                }
                else
                {
                    sb.Append('\\').Append(((int)c).ToString("X", CultureInfo.InvariantCulture));
                    char next = i + 1 < value.Length ? value[i + 1] : '\0';
                    if (System.Uri.IsHexDigit(next)) sb.Append(' ');
                }
            }

            return sb.ToString();
        }

        /// <summary>unbescape's URI query parameter escaping: unreserved chars and <c>!$'()*,;:@/?</c> stay, the rest is UTF-8 %HH.</summary>
        private static string UrlParameter(string value)
        {
            var sb = new StringBuilder(value.Length + 16);
            foreach (byte b in Encoding.UTF8.GetBytes(value))
            {
                char c = (char)b;
                bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~!$'()*,;:@/?".IndexOf(c) >= 0;
                if (keep && b < 0x80) sb.Append(c);
                else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }

            return sb.ToString();
        }
    }

    /// <summary>Pebble's SafeString: text already escaped, so escaping (a filter or autoescape) leaves it alone.</summary>
    internal sealed class SafeString
    {
        public SafeString(string text)
        {
            Text = text;
        }

        public string Text { get; }

        public override string ToString() => Text;
    }
}
