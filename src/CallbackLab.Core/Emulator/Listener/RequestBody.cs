using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;

namespace CallbackLab.Core.Emulator.Listener
{
    /// <summary>
    /// Reads a request body framed by Content-Length or chunked transfer coding (RFC 9112 6 and 7.1). Malformed framing is 400,
    /// a body over the limit 413, a transfer coding other than chunked 501; Content-Length and Transfer-Encoding together are 400.
    /// </summary>
    internal static class RequestBody
    {
        /// <summary>The declared framing, checked before anything of the body is read: the length (or -1 for chunked).</summary>
        internal static long DeclaredLength(RequestHead head, long maxBodyBytes)
        {
            string? encoding = head.Headers["Transfer-Encoding"];
            string? length = head.Headers["Content-Length"];
            if (encoding != null)
            {
                if (length != null)
                {
                    throw new HttpFramingException(400, "A request must not have both Content-Length and Transfer-Encoding.");
                }

                if (!string.Equals(encoding.Trim(), "chunked", StringComparison.OrdinalIgnoreCase))
                {
                    throw new HttpFramingException(501, "Only the chunked transfer coding is supported.");
                }

                return -1;
            }

            if (length == null)
            {
                return 0;
            }

            // Repeated Content-Length fields arrive comma-joined; equal values are one length (RFC 9112 6.3).
            long declared = -1;
            foreach (string part in length.Split(','))
            {
                if (!long.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long value) || (declared >= 0 && value != declared))
                {
                    throw new HttpFramingException(400, "Content-Length must be one whole number of bytes.");
                }

                declared = value;
            }

            if (declared > maxBodyBytes)
            {
                throw new HttpFramingException(413, $"The request body is larger than {maxBodyBytes} bytes.");
            }

            return declared;
        }

        internal static async Task<byte[]> ReadAsync(ConnectionInput input, long declaredLength, long maxBodyBytes, int maxHeaderBytes)
        {
            using var body = new MemoryStream();
            if (declaredLength >= 0)
            {
                if (!await input.ReadExactAsync(body, declaredLength).ConfigureAwait(false))
                {
                    throw new HttpFramingException(400, $"The body ended after {body.Length} of the {declaredLength} bytes Content-Length announced.");
                }

                return body.ToArray();
            }

            while (true)
            {
                byte[] sizeLine = await input.ReadLineAsync(1024, () => new HttpFramingException(400, "A chunk size line is longer than 1024 bytes.")).ConfigureAwait(false)
                                  ?? throw new HttpFramingException(400, "The chunked body ended before its last chunk.");
                long size = ChunkSize(sizeLine);
                if (body.Length + size > maxBodyBytes)
                {
                    throw new HttpFramingException(413, $"The request body is larger than {maxBodyBytes} bytes.");
                }

                if (size == 0)
                {
                    await RequestHead.ReadFieldsAsync(input, maxHeaderBytes).ConfigureAwait(false); // the trailer, ignored
                    return body.ToArray();
                }

                if (!await input.ReadExactAsync(body, size).ConfigureAwait(false))
                {
                    throw new HttpFramingException(400, "The chunked body ended inside a chunk.");
                }

                byte[] end = await input.ReadLineAsync(0, () => new HttpFramingException(400, "A chunk is not followed by CRLF.")).ConfigureAwait(false)
                             ?? throw new HttpFramingException(400, "The chunked body ended after a chunk.");
                if (end.Length != 0)
                {
                    throw new HttpFramingException(400, "A chunk is not followed by CRLF.");
                }
            }
        }

        private static long ChunkSize(byte[] line)
        {
            int end = Array.IndexOf(line, (byte)';');
            string hex = System.Text.Encoding.ASCII.GetString(line, 0, end < 0 ? line.Length : end).Trim(' ', '\t');
            if (hex.Length == 0 || hex.Length > 15 || !long.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long size))
            {
                throw new HttpFramingException(400, "A chunk size is not a hexadecimal number.");
            }

            return size;
        }
    }
}
