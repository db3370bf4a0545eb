using System;
using System.Collections.Specialized;

namespace CallbackLab.Core.Emulator.Listener
{
    /// <summary>Decodes a query like HttpListener did: UTF-8 percent-escapes and <c>+</c> as a space; repeated names keep every value; a part without <c>=</c> is a value under a null name.</summary>
    internal static class QueryString
    {
        internal static NameValueCollection Parse(string query)
        {
            var result = new NameValueCollection(StringComparer.OrdinalIgnoreCase);
            foreach (string part in query.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = part.IndexOf('=');
                if (equals < 0)
                {
                    result.Add(null, Decode(part));
                }
                else
                {
                    result.Add(Decode(part.Substring(0, equals)), Decode(part.Substring(equals + 1)));
                }
            }

            return result;
        }

        private static string Decode(string text)
        {
            try
            {
                return Uri.UnescapeDataString(text.Replace('+', ' '));
            }
            catch (UriFormatException)
            {
                return text;
            }
        }
    }
}
