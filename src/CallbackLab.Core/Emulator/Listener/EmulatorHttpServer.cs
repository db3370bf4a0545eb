using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CallbackLab.Core.Emulator.Listener
{
    /// <summary>
    /// The emulator's own small HTTP/1.1 server over TCP sockets. HttpListener cannot enforce what the emulator must (request
    /// line and header limits with 414/431, header and idle timeouts, a connection cap, malformed framing journalled as 400,
    /// absolute-form targets), so the emulator reads HTTP itself. Every request goes to one handler, which chooses the route.
    /// </summary>
    internal sealed class EmulatorHttpServer : IDisposable
    {
        private static readonly byte[] s_busy = Encoding.ASCII.GetBytes(
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 56\r\nRetry-After: 1\r\nConnection: close\r\n\r\n" +
            "\"The emulator has too many open connections; try again.\"");

        private readonly TcpListener _listener;
        private readonly ListenerLimits _limits;
        private readonly Func<IncomingRequest, Task<EmulatorResponse>> _handler;
        private readonly ConcurrentDictionary<HttpConnection, byte> _connections = new ConcurrentDictionary<HttpConnection, byte>();
        private int _open;
        private int _stopped;

        private EmulatorHttpServer(TcpListener listener, ListenerLimits limits, Func<IncomingRequest, Task<EmulatorResponse>> handler)
        {
            _listener = listener;
            _limits = limits;
            _handler = handler;
            LocalEndPoint = (IPEndPoint)listener.LocalEndpoint;
        }

        /// <summary>The address and port really bound (port 0 resolved).</summary>
        internal IPEndPoint LocalEndPoint { get; }

        /// <summary>Binds <paramref name="address"/>:<paramref name="port"/> (0: a free port) and starts accepting.</summary>
        /// <exception cref="SocketException">The address cannot be bound (the port is taken, the address is not this machine's).</exception>
        internal static EmulatorHttpServer Start(IPAddress address, int port, ListenerLimits limits, Func<IncomingRequest, Task<EmulatorResponse>> handler)
        {
            var listener = new TcpListener(address, port);
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                listener.ExclusiveAddressUse = true; // Windows would otherwise let a second listener share the port
            }

            listener.Start(512);
            var server = new EmulatorHttpServer(listener, limits, handler);
            _ = Task.Run(server.AcceptLoopAsync);
            return server;
        }

        /// <summary>Stops accepting and closes every open connection.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _stopped, 1) != 0)
            {
                return;
            }

            _listener.Stop();
            foreach (HttpConnection connection in _connections.Keys)
            {
                connection.Close();
            }
        }

        private async Task AcceptLoopAsync()
        {
            while (Volatile.Read(ref _stopped) == 0)
            {
                Socket socket;
                try
                {
                    socket = await _listener.AcceptSocketAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is SocketException || ex is ObjectDisposedException || ex is InvalidOperationException)
                {
                    if (Volatile.Read(ref _stopped) != 0)
                    {
                        return;
                    }

                    continue; // a client that reset before it was accepted
                }

                socket.NoDelay = true;
                if (Interlocked.Increment(ref _open) > _limits.MaxConnections)
                {
                    Interlocked.Decrement(ref _open);
                    _ = Task.Run(() => RefuseBusy(socket));
                    continue;
                }

                var connection = new HttpConnection(socket, _limits, _handler);
                _connections[connection] = 0;
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await connection.RunAsync().ConfigureAwait(false);
                    }
                    finally
                    {
                        _connections.TryRemove(connection, out _);
                        Interlocked.Decrement(ref _open);
                    }
                });
                if (Volatile.Read(ref _stopped) != 0)
                {
                    connection.Close();
                }
            }
        }

        private static void RefuseBusy(Socket socket)
        {
            try
            {
                socket.SendTimeout = 1000;
                socket.Send(s_busy);
                socket.Shutdown(SocketShutdown.Send);
                socket.ReceiveTimeout = 500;
                var sink = new byte[4096];
                var clock = System.Diagnostics.Stopwatch.StartNew();
                while (clock.ElapsedMilliseconds < 1000 && socket.Receive(sink) > 0)
                {
                    // drain what the client sent (briefly) so the close does not reset the answer away
                }
            }
            catch (Exception ex) when (ex is SocketException || ex is ObjectDisposedException)
            {
                // The client went away.
            }
            finally
            {
                socket.Dispose();
            }
        }
    }
}
