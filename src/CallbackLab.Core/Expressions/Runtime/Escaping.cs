using System.Globalization;
using System.Text;

namespace CallbackLab.Core.Expressions.Runtime
{
    /// <summary>
    /// The <c>escape</c> filter's strategies (html, js, css, url_param, json). Auto-escaping is off, as flows build JSON
    /// bodies and URLs from variables; <c>raw</c> therefore returns its input unchanged.
    /// </summary>
    internal static class Escaping
    {
        public static object? Escape(object? input, in ArgValues args, EvaluationContext context)
        {
            if (input is null) return null;
            string value = PebbleValues.ToJavaString(input);
            string strategy = args.A0 is null ? "html" : PebbleValues.ToJavaString(args.A0);
            switch (strategy)
            {
                case "html": return Html(value);
                case "js": return Js(value);
                case "css": return Css(value);
                case "url_param": return UrlParam(value);
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

        private static string Js(string value)
        {
            var sb = new StringBuilder(value.Length + 16);
            foreach (char c in value)
            {
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ',' || c == '.' || c == '_' || c == ' ')
                {
                    sb.Append(c);
                }
                else if (c < 0x100)
                {
                    sb.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                }
                else
                {
                    sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
            }

            return sb.ToString();
        }

        private static string Css(string value)
        {
            var sb = new StringBuilder(value.Length + 16);
            foreach (char c in value)
            {
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) sb.Append(c);
                else sb.Append('\\').Append(((int)c).ToString("X", CultureInfo.InvariantCulture)).Append(' ');
            }

            return sb.ToString();
        }

        private static string UrlParam(string value)
        {
            var sb = new StringBuilder(value.Length + 16);
            foreach (byte b in Encoding.UTF8.GetBytes(value))
            {
                char c = (char)b;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') sb.Append(c);
                else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }

            return sb.ToString();
        }

        private static string Json(string value)
        {
            string quoted = Newtonsoft.Json.JsonConvert.ToString(value);
            return quoted.Substring(1, quoted.Length - 2);
        }
    }
}
