using System;
using System.Collections.Generic;

namespace CallbackLab.Core.Emulator.FlowStore
{
    /// <summary>
    /// Reads a <c>multipart/form-data</c> body (RFC 7578) that is already text: its parts by field name. Enough for the Flow
    /// Store's import, whose one part is a JSON file; a body that is not well formed reads as no parts.
    /// </summary>
    internal static class MultipartForm
    {
        /// <summary>The <c>boundary</c> parameter of a multipart Content-Type; null when it is not multipart/form-data or has none.</summary>
        internal static string? Boundary(string? contentType) => Http.MultipartRedactor.Boundary(contentType);

        /// <summary>The parts' contents by their <c>name</c> (the first part of a name wins).</summary>
        internal static Dictionary<string, string> Parse(string body, string boundary)
        {
            var parts = new Dictionary<string, string>(StringComparer.Ordinal);
            string delimiter = "--" + boundary;
            int position = body.IndexOf(delimiter, StringComparison.Ordinal);
            while (position >= 0)
            {
                int start = position + delimiter.Length;
                if (string.CompareOrdinal(body, start, "--", 0, 2) == 0)
                {
                    break; // the close delimiter
                }

                int next = body.IndexOf("\n" + delimiter, start, StringComparison.Ordinal);
                if (next < 0)
                {
                    break;
                }

                int end = next > 0 && body[next - 1] == '\r' ? next - 1 : next;
                AddPart(body.Substring(start, end - start), parts);
                position = next + 1;
            }

            return parts;
        }

        private static void AddPart(string part, Dictionary<string, string> parts)
        {
            // The part starts with the rest of the delimiter line, then its headers, a blank line and the content.
            int headerEnd = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            int separator = 4;
            if (headerEnd < 0)
            {
                headerEnd = part.IndexOf("\n\n", StringComparison.Ordinal);
                separator = 2;
            }

            if (headerEnd < 0)
            {
                return;
            }

            string? name = null;
            foreach (string line in part.Substring(0, headerEnd).Split('\n'))
            {
                string header = line.TrimEnd('\r');
                if (header.StartsWith("Content-Disposition:", StringComparison.OrdinalIgnoreCase))
                {
                    name = NameOf(header);
                }
            }

            if (name != null && !parts.ContainsKey(name))
            {
                parts[name] = part.Substring(headerEnd + separator);
            }
        }

        private static string? NameOf(string disposition)
        {
            foreach (string parameter in disposition.Split(';'))
            {
                string trimmed = parameter.Trim();
                if (trimmed.StartsWith("name=", StringComparison.OrdinalIgnoreCase))
                {
                    return trimmed.Substring("name=".Length).Trim().Trim('"');
                }
            }

            return null;
        }
    }
}
