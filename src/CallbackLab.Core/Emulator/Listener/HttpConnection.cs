using System;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace CallbackLab.Core.Emulator.Listener
{
    /// <summary>
    /// One client connection: reads requests one after another (keep-alive), hands each to the handler and writes its answer.
    /// A watchdog closes the socket when the header timeout or the idle timeout passes, so a slow client cannot pin it.
    /// </summary>
    [SuppressMessage("Design", "CA1001", Justification = "A connection lives for one RunAsync call, which disposes the watchdog in its finally block.")]
    internal sealed class HttpConnection
    {
        private readonly Socket _socket;
        private readonly ListenerLimits _limits;
        private readonly Func<IncomingRequest, Task<EmulatorResponse>> _handler;
        private readonly CancellationTokenSource _watchdog = new CancellationTokenSource();

        internal HttpConnection(Socket socket, ListenerLimits limits, Func<IncomingRequest, Task<EmulatorResponse>> handler)
        {
            _socket = socket;
            _limits = limits;
            _handler = handler;
            _watchdog.Token.Register(() => _socket.Dispose());
        }

        internal void Close()
        {
            try
            {
                _watchdog.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // already finished
            }
        }

        internal async Task RunAsync()
        {
            var stream = new NetworkStream(_socket, ownsSocket: false);
            var input = new ConnectionInput(stream);
            bool lingering = false;
            try
            {
                TimeSpan wait = _limits.HeaderTimeout;
                while (true)
                {
                    Arm(wait);
                    if (!await input.WaitForDataAsync().ConfigureAwait(false))
                    {
                        return;
                    }

                    Arm(_limits.HeaderTimeout);
                    string method = string.Empty;
                    string path = string.Empty;
                    RequestHead? head;
                    try
                    {
                        head = await RequestHead.ReadAsync(input, _limits.MaxRequestLineBytes, _limits.MaxHeaderBytes, (m, p) =>
                        {
                            method = m;
                            path = p;
                        }).ConfigureAwait(false);
                    }
                    catch (HttpFramingException refusal)
                    {
                        await RefuseAsync(stream, IncomingRequest.Refused(method, path, null, refusal)).ConfigureAwait(false);
                        lingering = true;
                        return;
                    }

                    if (head == null)
                    {
                        return;
                    }

                    string body;
                    try
                    {
                        body = await ReadBodyAsync(stream, input, head).ConfigureAwait(false);
                    }
                    catch (HttpFramingException refusal)
                    {
                        await RefuseAsync(stream, IncomingRequest.Refused(head.Method, head.Path, head.Fields, refusal)).ConfigureAwait(false);
                        lingering = true;
                        return;
                    }

                    Arm(Timeout.InfiniteTimeSpan); // the handler may wait on purpose (a latency fault)
                    var request = new IncomingRequest(head.Method, head.Path, head.Query, head.Fields, head.Headers, body, null);
                    EmulatorResponse response = await _handler(request).ConfigureAwait(false);
                    if (response.Drop)
                    {
                        // No answer at all: reset the connection, as a server that crashed mid-request would.
                        _socket.LingerState = new LingerOption(true, 0);
                        return;
                    }

                    bool keepAlive = WantsKeepAlive(head) && response.Status != 413;
                    Arm(_limits.IdleTimeout);
                    await ResponseWriter.WriteAsync(stream, response, head.Method == "HEAD", keepAlive, head.IsHttp10).ConfigureAwait(false);
                    if (!keepAlive)
                    {
                        lingering = true;
                        return;
                    }

                    wait = _limits.IdleTimeout;
                }
            }
            catch (Exception ex) when (ex is IOException || ex is SocketException || ex is ObjectDisposedException)
            {
                // The client went away, or the watchdog closed a connection that was too slow or idle.
            }
            finally
            {
                if (lingering)
                {
                    await LingeringCloseAsync(stream).ConfigureAwait(false);
                }

                stream.Dispose();
                _socket.Dispose();
                _watchdog.Dispose();
            }
        }

        private async Task<string> ReadBodyAsync(Stream stream, ConnectionInput input, RequestHead head)
        {
            long declared = RequestBody.DeclaredLength(head, _limits.MaxBodyBytes);
            if (declared == 0)
            {
                return string.Empty;
            }

            if (head.Headers["Expect"] is string expect && expect.Equals("100-continue", StringComparison.OrdinalIgnoreCase) && !head.IsHttp10)
            {
                await stream.WriteAsync(ResponseWriter.Continue, 0, ResponseWriter.Continue.Length).ConfigureAwait(false);
            }

            Arm(_limits.IdleTimeout);
            input.OnData = () => Arm(_limits.IdleTimeout);
            try
            {
                byte[] bytes = await RequestBody.ReadAsync(input, declared, _limits.MaxBodyBytes, _limits.MaxHeaderBytes).ConfigureAwait(false);
                return BodyText.Decode(bytes, head.Headers["Content-Type"]);
            }
            finally
            {
                input.OnData = null;
            }
        }

        private async Task RefuseAsync(Stream stream, IncomingRequest refused)
        {
            EmulatorResponse response = await _handler(refused).ConfigureAwait(false);
            Arm(_limits.IdleTimeout);
            await ResponseWriter.WriteAsync(stream, response, headOnly: refused.Method == "HEAD", keepAlive: false, http10: false).ConfigureAwait(false);
        }

        /// <summary>
        /// Stops sending, then reads and drops what the client still sends (briefly), so that closing with unread bytes does not
        /// reset the connection and destroy the answer before the client reads it.
        /// </summary>
        private async Task LingeringCloseAsync(Stream stream)
        {
            try
            {
                _socket.Shutdown(SocketShutdown.Send);
                Arm(TimeSpan.FromSeconds(2));
                var sink = new byte[16 * 1024];
                long drained = 0;
                while (drained < 4 * _limits.MaxBodyBytes)
                {
                    int read = await stream.ReadAsync(sink, 0, sink.Length).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    drained += read;
                }
            }
            catch (Exception ex) when (ex is IOException || ex is SocketException || ex is ObjectDisposedException)
            {
                // Closed by the client or the watchdog: done either way.
            }
        }

        private static bool WantsKeepAlive(RequestHead head)
        {
            string connection = head.Headers["Connection"] ?? string.Empty;
            bool close = connection.IndexOf("close", StringComparison.OrdinalIgnoreCase) >= 0;
            return head.IsHttp10 ? !close && connection.IndexOf("keep-alive", StringComparison.OrdinalIgnoreCase) >= 0 : !close;
        }

        private void Arm(TimeSpan timeout)
        {
            try
            {
                _watchdog.CancelAfter(timeout);
            }
            catch (ObjectDisposedException)
            {
                // The connection is finishing.
            }
        }
    }
}
