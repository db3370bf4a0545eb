using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace CallbackLab.Core.Tests.Http
{
    /// <summary>
    /// Two loopback sockets: <see cref="Uri"/> answers one request with <c>302 Found</c> whose Location is <see cref="Elsewhere"/>,
    /// where nothing is ever accepted. A client that follows the redirect leaves a pending connection on <see cref="Elsewhere"/>.
    /// </summary>
    internal sealed class RedirectingServer : IDisposable
    {
        private readonly TcpListener _redirector = new TcpListener(IPAddress.Loopback, 0);
        private readonly TcpListener _elsewhere = new TcpListener(IPAddress.Loopback, 0);

        internal RedirectingServer()
        {
            _redirector.Start();
            _elsewhere.Start();
            Uri = new Uri($"http://127.0.0.1:{((IPEndPoint)_redirector.LocalEndpoint).Port}/v1/tasks");
            Elsewhere = new Uri($"http://127.0.0.1:{((IPEndPoint)_elsewhere.LocalEndpoint).Port}/stolen");
            Served = Task.Run(ServeAsync);
        }

        internal Uri Uri { get; }

        internal Uri Elsewhere { get; }

        /// <summary>The request head the redirector received.</summary>
        internal Task<string> Served { get; }

        /// <summary>True when a client connected to the Location (a followed redirect connects before the send completes).</summary>
        internal bool SomethingWentElsewhere => _elsewhere.Pending();

        public void Dispose()
        {
            _redirector.Stop();
            _elsewhere.Stop();
        }

        private async Task<string> ServeAsync()
        {
            using TcpClient peer = await _redirector.AcceptTcpClientAsync();
            NetworkStream stream = peer.GetStream();
            var buffer = new byte[8192];
            string head = string.Empty;
            while (!head.Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                int read = await stream.ReadAsync(buffer.AsMemory());
                if (read == 0)
                {
                    break;
                }

                head += Encoding.ASCII.GetString(buffer, 0, read);
            }

            byte[] answer = Encoding.ASCII.GetBytes(
                "HTTP/1.1 302 Found\r\nLocation: " + Elsewhere + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(answer.AsMemory());
            await stream.FlushAsync();
            return head;
        }
    }
}
