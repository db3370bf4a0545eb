using System;
using System.Text;

namespace CallbackLab.Core.FlowStore
{
    /// <summary>
    /// A <c>multipart/form-data</c> body with one file part, built as text: the Flow Store import takes a part named <c>file</c>
    /// holding the export JSON, and the shared HTTP layer sends text with a computed Content-Length.
    /// </summary>
    internal static class MultipartFormBody
    {
        /// <summary>The body and its Content-Type (with the boundary) for one file part.</summary>
        internal static (string Body, string ContentType) WithFile(string fieldName, string fileName, string fileContentType, string content, string boundary)
        {
            if (content.IndexOf("--" + boundary, StringComparison.Ordinal) >= 0)
            {
                throw new ArgumentException("The boundary occurs in the content.", nameof(boundary));
            }

            var body = new StringBuilder(content.Length + 256)
                .Append("--").Append(boundary).Append("\r\n")
                .Append("Content-Disposition: form-data; name=\"").Append(Quoted(fieldName)).Append("\"; filename=\"").Append(Quoted(fileName)).Append("\"\r\n")
                .Append("Content-Type: ").Append(fileContentType).Append("\r\n")
                .Append("\r\n")
                .Append(content).Append("\r\n")
                .Append("--").Append(boundary).Append("--\r\n");
            return (body.ToString(), "multipart/form-data; boundary=" + boundary);
        }

        /// <summary>A fresh boundary that no export JSON contains.</summary>
        internal static string NewBoundary() => "CallbackLab-" + Guid.NewGuid().ToString("N");

        // Quotes and line breaks would end the header value early; a file name needs neither.
        private static string Quoted(string value) => value.Replace("\"", "'").Replace("\r", string.Empty).Replace("\n", string.Empty);
    }
}
