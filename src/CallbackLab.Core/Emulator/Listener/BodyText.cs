using System;
using System.Text;

namespace CallbackLab.Core.Emulator.Listener
{
    /// <summary>
    /// A body's text in the charset its Content-Type declares: UTF-8 (the default; a BOM is dropped), UTF-16 and UTF-32 (LE/BE,
    /// a BOM decides when the name does not), US-ASCII and ISO-8859-1. Bytes that are not valid in it are 400 naming the byte
    /// offset; another charset is 415.
    /// </summary>
    internal static class BodyText
    {
        internal static string Decode(byte[] body, string? contentType)
        {
            if (body.Length == 0)
            {
                return string.Empty;
            }

            string charset = (Charset(contentType) ?? "utf-8").ToLowerInvariant();
            Encoding encoding;
            int skip = 0;
            switch (charset)
            {
                case "utf-8":
                case "utf8":
                    encoding = new UTF8Encoding(false, true);
                    skip = StartsWith(body, 0xEF, 0xBB, 0xBF) ? 3 : 0;
                    break;
                case "utf-16":
                    bool little = StartsWith(body, 0xFF, 0xFE);
                    skip = little || StartsWith(body, 0xFE, 0xFF) ? 2 : 0;
                    encoding = new UnicodeEncoding(bigEndian: !little, byteOrderMark: false, throwOnInvalidBytes: true);
                    break;
                case "utf-16le":
                    encoding = new UnicodeEncoding(false, false, true);
                    skip = StartsWith(body, 0xFF, 0xFE) ? 2 : 0;
                    break;
                case "utf-16be":
                    encoding = new UnicodeEncoding(true, false, true);
                    skip = StartsWith(body, 0xFE, 0xFF) ? 2 : 0;
                    break;
                case "utf-32":
                    bool little32 = StartsWith(body, 0xFF, 0xFE, 0x00, 0x00);
                    skip = little32 || StartsWith(body, 0x00, 0x00, 0xFE, 0xFF) ? 4 : 0;
                    encoding = new UTF32Encoding(bigEndian: !little32, byteOrderMark: false, throwOnInvalidCharacters: true);
                    break;
                case "utf-32le":
                    encoding = new UTF32Encoding(false, false, true);
                    skip = StartsWith(body, 0xFF, 0xFE, 0x00, 0x00) ? 4 : 0;
                    break;
                case "utf-32be":
                    encoding = new UTF32Encoding(true, false, true);
                    skip = StartsWith(body, 0x00, 0x00, 0xFE, 0xFF) ? 4 : 0;
                    break;
                case "us-ascii":
                case "ascii":
                    encoding = Encoding.GetEncoding("us-ascii", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
                    break;
                case "iso-8859-1":
                case "latin1":
                    encoding = Encoding.GetEncoding("iso-8859-1");
                    break;
                default:
                    throw new HttpFramingException(415, $"The charset '{charset}' is not supported; send UTF-8, UTF-16 or UTF-32.");
            }

            try
            {
                return encoding.GetString(body, skip, body.Length - skip);
            }
            catch (DecoderFallbackException ex)
            {
                throw new HttpFramingException(400, $"The body is not valid {charset.ToUpperInvariant()}: the bytes at offset {skip + InvalidOffset(body, skip, ex)} are not a character.");
            }
        }

        /// <summary>The <c>charset</c> parameter of a Content-Type, unquoted; null when there is none.</summary>
        internal static string? Charset(string? contentType)
        {
            if (contentType == null)
            {
                return null;
            }

            foreach (string parameter in contentType.Split(';'))
            {
                int equals = parameter.IndexOf('=');
                if (equals > 0 && parameter.Substring(0, equals).Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
                {
                    return parameter.Substring(equals + 1).Trim().Trim('"');
                }
            }

            return null;
        }

        /// <summary>Where decoding failed, relative to <paramref name="skip"/> (the decoder reports it for the bytes it was handed).</summary>
        private static int InvalidOffset(byte[] body, int skip, DecoderFallbackException ex) =>
            ex.Index >= 0 && ex.Index < body.Length - skip ? ex.Index : 0;

        private static bool StartsWith(byte[] body, params byte[] prefix)
        {
            if (body.Length < prefix.Length)
            {
                return false;
            }

            for (int i = 0; i < prefix.Length; i++)
            {
                if (body[i] != prefix[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
