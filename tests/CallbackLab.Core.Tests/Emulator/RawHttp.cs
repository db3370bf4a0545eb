using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace CallbackLab.Core.Tests.Emulator
{
    /// <summary>Sends raw bytes to the emulator on loopback and reads what comes back until the server closes or a bounded wait ends.</summary>
    internal static class RawHttp
    {
        /// <summary>The whole answer as text (Latin-1, byte for byte); empty when the server closed without a word.</summary>
        internal static async Task<string> ExchangeAsync(int port, byte[] request, bool halfClose = false, int waitMilliseconds = 5000)
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            NetworkStream stream = client.GetStream();
            try
            {
                await stream.WriteAsync(request);
            }
            catch (IOException)
            {
                // The server may answer and close before it read everything (413, 414, 431): its answer is still there.
            }

            if (halfClose)
            {
                client.Client.Shutdown(SocketShutdown.Send);
            }

            return await ReadUntilClosedAsync(stream, waitMilliseconds);
        }

        internal static Task<string> ExchangeAsync(int port, string request, bool halfClose = false, int waitMilliseconds = 5000) =>
            ExchangeAsync(port, Encoding.Latin1.GetBytes(request), halfClose, waitMilliseconds);

        internal static async Task<string> ReadUntilClosedAsync(NetworkStream stream, int waitMilliseconds)
        {
            var answer = new MemoryStream();
            var buffer = new byte[16384];
            var clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < waitMilliseconds)
            {
                Task<int> read = stream.ReadAsync(buffer, 0, buffer.Length);
                if (await Task.WhenAny(read, Task.Delay(Math.Max(1, waitMilliseconds - (int)clock.ElapsedMilliseconds))) != read)
                {
                    break;
                }

                int count;
                try
                {
                    count = await read;
                }
                catch (IOException)
                {
                    break; // reset by the server
                }

                if (count == 0)
                {
                    break;
                }

                answer.Write(buffer, 0, count);
            }

            return Encoding.Latin1.GetString(answer.ToArray());
        }

        /// <summary>The status of the first answer in <paramref name="answer"/> that is not 100 Continue; 0 when there is none.</summary>
        internal static int Status(string answer)
        {
            foreach (string line in answer.Split("\r\n"))
            {
                if (line.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && !line.StartsWith("HTTP/1.1 100 ", StringComparison.Ordinal))
                {
                    return int.Parse(line.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            return 0;
        }

        /// <summary>How many answers (status lines other than 100 Continue) <paramref name="answer"/> holds; a body runs straight into the next status line.</summary>
        internal static int AnswerCount(string answer) =>
            System.Text.RegularExpressions.Regex.Count(answer, "HTTP/1\\.1 (?!100 )[0-9]{3} ");
    }
}
