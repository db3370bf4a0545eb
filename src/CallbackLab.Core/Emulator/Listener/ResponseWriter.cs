using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Net;
using System.Text;
using System.Threading.Tasks;

namespace CallbackLab.Core.Emulator.Listener
{
    /// <summary>Writes an <see cref="EmulatorResponse"/> as an HTTP/1.1 answer: status line, headers, Content-Length, body.</summary>
    internal static class ResponseWriter
    {
        private static readonly ConcurrentDictionary<int, string> s_reasons = new ConcurrentDictionary<int, string>();

        internal static byte[] Continue { get; } = Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n");

        internal static async Task WriteAsync(Stream stream, EmulatorResponse response, bool headOnly, bool keepAlive, bool http10)
        {
            byte[] body = response.Body == null ? System.Array.Empty<byte>() : new UTF8Encoding(false).GetBytes(response.Body);
            var head = new StringBuilder(256);
            head.Append("HTTP/1.1 ").Append(response.Status.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Reason(response.Status)).Append("\r\n");
            foreach (var header in response.Headers)
            {
                head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
            }

            bool noBody = response.Status == 204 || response.Status == 304 || response.Status < 200;
            if (!noBody)
            {
                if (response.Body != null)
                {
                    head.Append("Content-Type: ").Append(response.ContentType).Append("\r\n");
                }

                head.Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
            }

            if (!keepAlive)
            {
                head.Append("Connection: close\r\n");
            }
            else if (http10)
            {
                head.Append("Connection: keep-alive\r\n");
            }

            head.Append("\r\n");
            byte[] headBytes = Encoding.ASCII.GetBytes(head.ToString());
            if (headOnly || noBody || body.Length == 0)
            {
                await stream.WriteAsync(headBytes, 0, headBytes.Length).ConfigureAwait(false);
            }
            else
            {
                // One write for small answers keeps a request to one segment each way.
                var all = new byte[headBytes.Length + body.Length];
                System.Buffer.BlockCopy(headBytes, 0, all, 0, headBytes.Length);
                System.Buffer.BlockCopy(body, 0, all, headBytes.Length, body.Length);
                await stream.WriteAsync(all, 0, all.Length).ConfigureAwait(false);
            }

            await stream.FlushAsync().ConfigureAwait(false);
        }

        /// <summary>The reason phrase of a status, e.g. "Not Found".</summary>
        internal static string Reason(int status) =>
            s_reasons.GetOrAdd(status, code =>
            {
                using var message = new System.Net.Http.HttpResponseMessage((HttpStatusCode)code);
                return string.IsNullOrEmpty(message.ReasonPhrase) ? "Status " + code.ToString(CultureInfo.InvariantCulture) : message.ReasonPhrase;
            });
    }
}
