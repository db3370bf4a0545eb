using System;
using System.Text;

namespace CallbackLab.Core.Http
{
    /// <summary>
    /// Redacts a <c>multipart/form-data</c> body part by part (a Flow Store import's <c>file</c> is JSON that may hold secrets),
    /// keeping the delimiters and part headers as they were.
    /// </summary>
    internal static class MultipartRedactor
    {
        /// <summary>The <c>boundary</c> of a multipart/form-data Content-Type; null when it is not one or has none.</summary>
        internal static string? Boundary(string? contentType)
        {
            if (contentType == null || !contentType.TrimStart().StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            foreach (string parameter in contentType.Split(';'))
            {
                string trimmed = parameter.Trim();
                if (trimmed.StartsWith("boundary=", StringComparison.OrdinalIgnoreCase))
                {
                    string value = trimmed.Substring("boundary=".Length).Trim().Trim('"');
                    return value.Length == 0 ? null : value;
                }
            }

            return null;
        }

        internal static string Redact(string body, string boundary)
        {
            string delimiter = "--" + boundary;
            string[] pieces = body.Split(new[] { delimiter }, StringSplitOptions.None);
            var result = new StringBuilder(body.Length);
            result.Append(pieces[0]); // the preamble
            for (int i = 1; i < pieces.Length; i++)
            {
                result.Append(delimiter).Append(i == pieces.Length - 1 || pieces[i].StartsWith("--", StringComparison.Ordinal) ? pieces[i] : RedactPart(pieces[i]));
            }

            return result.ToString();
        }

        private static string RedactPart(string part)
        {
            int headerEnd = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            int separator = 4;
            if (headerEnd < 0)
            {
                headerEnd = part.IndexOf("\n\n", StringComparison.Ordinal);
                separator = 2;
            }

            if (headerEnd < 0)
            {
                return part;
            }

            int start = headerEnd + separator;
            string content = part.Substring(start);
            string ending = content.EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : content.EndsWith("\n", StringComparison.Ordinal) ? "\n" : string.Empty;
            string redacted = LogRedactor.RedactBody(content.Substring(0, content.Length - ending.Length), null);
            return part.Substring(0, start) + redacted + ending;
        }
    }
}
