using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CallbackLab.Core.Expressions.Runtime.Filters
{
    /// <summary>Pebble's encoding filters: base64decode, base64encode, escape, sha256, urlencode.</summary>
    internal static class EncodingFilters
    {
        public static FilterCatalog WithEncodingFilters(this FilterCatalog catalog) => catalog
            .Add("base64decode", null, Base64Decode)
            .Add("base64encode", null, (object? input, in ArgValues a, EvaluationContext c) =>
                input is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(PebbleValues.ToJavaString(input))))
            .Add("escape", new[] { "strategy" }, Escape)
            .Add("sha256", null, Sha256)
            .Add("urlencode", null, (object? input, in ArgValues a, EvaluationContext c) => input is null ? null : JavaStrings.UrlEncode(FilterInputs.AsString(input)));

        /// <summary>Java's basic Base64 decoder: the standard alphabet only (no whitespace), padding optional, then UTF-8.</summary>
        private static object? Base64Decode(object? input, in ArgValues args, EvaluationContext context)
        {
            if (input is null) return null;
            if (!(input is string text)) throw new ExpressionRuntimeError("This filter applies to String\n");
            const string invalid = "Please provide a correctly Base64 encoded string containing an UTF-8 string\n";
            string body = text;
            int padding = 0;
            while (body.EndsWith("=", StringComparison.Ordinal) && padding < 2)
            {
                body = body.Substring(0, body.Length - 1);
                padding++;
            }

            foreach (char c in body)
            {
                bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
                if (!ok) throw new ExpressionRuntimeError(invalid);
            }

            if (body.Length % 4 == 1 || (padding > 0 && (body.Length + padding) % 4 != 0)) throw new ExpressionRuntimeError(invalid);
            string padded = body.PadRight(body.Length + ((4 - (body.Length % 4)) % 4), '=');
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            }
            catch (FormatException ex)
            {
                throw new ExpressionRuntimeError(invalid, ex);
            }
        }

        private static object? Sha256(object? input, in ArgValues args, EvaluationContext context)
        {
            if (input is null) return null;
            if (!(input is string text)) throw new ExpressionRuntimeError("Need a string to hash\n");
            using (SHA256 sha = SHA256.Create())
            {
                byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
                var sb = new StringBuilder(64);
                foreach (byte b in hash) sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
                return sb.ToString();
            }
        }

        /// <summary>Pebble's EscapeFilter (unbescape's escapers); an escaped value is a safe string and is not escaped again.</summary>
        private static object? Escape(object? input, in ArgValues args, EvaluationContext context)
        {
            if (input is null) return null;
            if (input is SafeString) return input;
            string value = PebbleValues.ToJavaString(input);
            string strategy = args.A0 is null ? "html" : PebbleValues.ToJavaString(args.A0);
            return new SafeString(Escaping.Apply(value, strategy));
        }
    }
}
