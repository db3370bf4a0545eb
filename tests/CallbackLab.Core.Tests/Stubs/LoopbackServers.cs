using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CallbackLab.Core.Tests.Stubs
{
    /// <summary>A loopback socket that accepts connections and counts them: any request routed to it is a request that was tried.</summary>
    internal sealed class CountingSocket : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly System.Collections.Concurrent.ConcurrentBag<TcpClient> _held = new System.Collections.Concurrent.ConcurrentBag<TcpClient>();
        private int _accepted;

        internal CountingSocket()
        {
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = Task.Run(AcceptAsync);
        }

        internal int Port { get; }

        internal int Accepted => Volatile.Read(ref _accepted);

        public void Dispose()
        {
            _listener.Stop();
            foreach (TcpClient client in _held)
            {
                client.Dispose();
            }
        }

        private async Task AcceptAsync()
        {
            while (true)
            {
                try
                {
                    // Held open, never answered: the client times out instead of retrying on a closed connection.
                    TcpClient client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                    _held.Add(client);
                    Interlocked.Increment(ref _accepted);
                }
                catch (Exception ex) when (ex is SocketException || ex is ObjectDisposedException || ex is InvalidOperationException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>The "real" host for -AllowNetwork tests: a second local HTTP server that answers a counter in JSON.</summary>
    internal sealed class RealHost : IDisposable
    {
        private readonly HttpListener _listener = new HttpListener();
        private int _requests;

        internal RealHost()
        {
            for (int attempt = 0; ; attempt++)
            {
                var probe = new TcpListener(IPAddress.Loopback, 0);
                probe.Start();
                Port = ((IPEndPoint)probe.LocalEndpoint).Port;
                probe.Stop();
                _listener.Prefixes.Clear();
                _listener.Prefixes.Add("http://127.0.0.1:" + Port + "/");
                try
                {
                    _listener.Start();
                    break;
                }
                catch (HttpListenerException) when (attempt < 5)
                {
                }
            }

            _ = Task.Run(ServeAsync);
        }

        internal int Port { get; }

        internal Uri Uri => new Uri("http://127.0.0.1:" + Port + "/");

        internal int Requests => Volatile.Read(ref _requests);

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            while (true)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is HttpListenerException || ex is ObjectDisposedException || ex is InvalidOperationException)
                {
                    return;
                }

                int n = Interlocked.Increment(ref _requests);
                string body = "{\"call\":" + n + ",\"path\":\"" + context.Request.Url!.AbsolutePath + "\",\"access_token\":\"tok-" + n + "\",\"echo\":\"" + context.Request.Headers["Authorization"] + "\"}";
                byte[] bytes = Encoding.UTF8.GetBytes(body);
                context.Response.StatusCode = n == 1 ? 503 : 200;
                context.Response.ContentType = "application/json";
                context.Response.AddHeader("Set-Cookie", "session=abc");
                context.Response.AddHeader("X-Real", "yes");
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
                context.Response.Close();
            }
        }
    }
}
