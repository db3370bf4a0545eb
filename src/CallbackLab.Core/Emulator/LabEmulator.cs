using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Http;
using CallbackLab.Core.Stubs;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Emulator
{
    /// <summary>
    /// The embedded lab emulator: MockAPI-compatible resources (the lab's <c>/flowdesigner/Lab/DynVars</c>), the WxCC
    /// <c>/v1/tasks</c> API and an OAuth token endpoint, served by <see cref="HttpListener"/> on loopback.
    /// Requests are handled concurrently; every one is journalled and can be faulted on purpose.
    /// </summary>
    public sealed class LabEmulator : ILabEndpoints, IDisposable
    {
        private const int AcceptLoops = 4;
        private const string TrackingHeader = "TrackingID";

        /// <summary>The journal keeps this many characters of a body, so 1,000 entries of 1 MiB bodies cannot exhaust memory.</summary>
        private const int JournalBodyLimit = 64 * 1024;
        private readonly LabEmulatorOptions _options;
        private readonly HttpListener _listener;
        private readonly LabState _state;
        private readonly TokenStore _tokens;
        private readonly RateLimiter _rateLimiter;
        private readonly FaultInjector _faults = new FaultInjector();
        private readonly RequestJournal _journal;
        private readonly MockApiHandler _mockApi;
        private readonly WxccHandler _wxcc;
        private readonly OAuthHandler _oauth;
        private int _stopped;

        private LabEmulator(LabEmulatorOptions options, HttpListener listener, int port, string host, LabState state, IReadOnlyCollection<string> entryPoints)
        {
            _options = options;
            _listener = listener;
            _state = state;
            Port = port;
            OutboundEntryPointIds = entryPoints;
            _tokens = new TokenStore(options.TokenLifetime, options.Clock);
            _rateLimiter = new RateLimiter(options.RateLimitPerMinute, options.Clock);
            _journal = new RequestJournal(options.JournalCapacity);
            _mockApi = new MockApiHandler(state, options);
            _wxcc = new WxccHandler(state, _tokens, _rateLimiter, entryPoints, Guid.NewGuid().ToString(), options.Clock);
            _oauth = new OAuthHandler(_tokens);
            Stubs.Exchanged += (_, exchange) => _journal.Add(EmulatorStubs.ToJournalEntry(exchange, _options.Clock(), JournalBodyLimit));
            BaseUri = new Uri("http://" + host + ":" + port + "/");
            for (int i = 0; i < AcceptLoops; i++)
            {
                _ = Task.Run(AcceptLoopAsync);
            }
        }

        /// <summary>The emulator's root, e.g. <c>http://127.0.0.1:5080/</c>.</summary>
        public Uri BaseUri { get; }

        /// <inheritdoc />
        public Uri MockApiUri => new Uri(BaseUri, LabSeed.MockApiPrefix);

        /// <inheritdoc />
        public Uri WxccUri => BaseUri;

        /// <inheritdoc />
        public Uri TokenUri => new Uri(BaseUri, "v1/access_token");

        /// <summary>The emulator's own starting access token (valid for <see cref="LabEmulatorOptions.TokenLifetime"/>).</summary>
        public string AccessToken => _tokens.StartingAccessToken;

        /// <summary>The OAuth client id <c>/v1/access_token</c> accepts.</summary>
        public string ClientId => _tokens.ClientId;

        /// <summary>The OAuth client secret <c>/v1/access_token</c> accepts.</summary>
        public string ClientSecret => _tokens.ClientSecret;

        /// <summary>The starting refresh token, for testing <c>grant_type=refresh_token</c>.</summary>
        public string RefreshToken => _tokens.StartingRefreshToken;

        /// <summary>The organization id the WxCC API answers in <c>meta.orgId</c>.</summary>
        public string OrgId => _wxcc.OrgId;

        /// <summary>The TCP port listened on.</summary>
        public int Port { get; }

        /// <summary>The data file, or null when everything is in memory.</summary>
        public string? DataPath => _options.DataPath;

        /// <summary>True until <see cref="Stop"/>.</summary>
        public bool IsRunning => Volatile.Read(ref _stopped) == 0;

        /// <summary>The entry points <c>POST /v1/tasks</c> accepts: those the seed records reference, plus the lab's.</summary>
        public IReadOnlyCollection<string> OutboundEntryPointIds { get; }

        /// <summary>Every task answered 201, oldest first, with its exact request body.</summary>
        public IReadOnlyList<RecordedTask> Tasks
        {
            get
            {
                lock (_state.Sync)
                {
                    return _state.Tasks.ToArray();
                }
            }
        }

        /// <summary>The last requests (see <see cref="LabEmulatorOptions.JournalCapacity"/>), oldest first.</summary>
        public IReadOnlyList<JournalEntry> Journal => _journal.Snapshot();

        /// <summary>The stubs: they answer matching requests before the built-in routes, and simulations' non-lab requests.</summary>
        public StubEngine Stubs { get; } = new StubEngine();

        /// <summary>The installed fault rules, in match order.</summary>
        public IReadOnlyList<FaultRule> Faults => _faults.Rules;

        /// <summary>Starts an emulator. Binds 127.0.0.1 (unless told otherwise) and, for port 0, a free port.</summary>
        /// <exception cref="HttpListenerException">The port is taken or cannot be bound.</exception>
        /// <exception cref="FormatException">The seed is not a valid seed.</exception>
        public static LabEmulator Start(LabEmulatorOptions? options = null)
        {
            LabEmulatorOptions settings = (options ?? new LabEmulatorOptions()).Clone();
            if (settings.Port < 0 || settings.Port > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(options), settings.Port, "Port must be 0 (a free port) to 65535.");
            }

            string seedJson = settings.SeedPath != null ? File.ReadAllText(settings.SeedPath) : LabSeed.ReadEmbeddedDynVars();
            var state = new LabState(seedJson, settings.DataPath);
            IReadOnlyCollection<string> entryPoints = EntryPointsOf(seedJson);
            (HttpListener listener, int port, string host) = Bind(settings);
            return new LabEmulator(settings, listener, port, host, state, entryPoints);
        }

        /// <summary>Installs a fault rule; rules are tried in the order added, the first that applies wins.</summary>
        /// <exception cref="ArgumentException">The rule is not valid (see <see cref="FaultRule.Validate"/>).</exception>
        public void SetFault(FaultRule rule)
        {
            if (rule is null)
            {
                throw new ArgumentNullException(nameof(rule));
            }

            _faults.Add(rule);
        }

        /// <summary>Removes every fault rule.</summary>
        public void ClearFaults() => _faults.Clear();

        /// <summary>Back to the seed: resources reloaded, tasks, journal, faults and rate-limit windows cleared. Tokens stay valid.</summary>
        public void Reset()
        {
            lock (_state.Sync)
            {
                _state.ResetToSeed();
            }

            _journal.Clear();
            _faults.Clear();
            _rateLimiter.Clear();
            Stubs.ResetSequences(); // stubs stay loaded, like the seed; their sequences and scenarios start over
        }

        /// <summary>Stops listening and releases the port. Safe to call twice.</summary>
        public void Stop()
        {
            if (Interlocked.Exchange(ref _stopped, 1) != 0)
            {
                return;
            }

            // Close alone, not Stop then Close: on the managed listener (Linux, macOS) the second call removes the prefixes again,
            // which re-binds the port for a moment and fails with "Address already in use" if another listener took it meanwhile.
            try
            {
                _listener.Close();
            }
            catch (Exception ex) when (ex is ObjectDisposedException || ex is HttpListenerException)
            {
                // Already closed, or the platform could not release a prefix that is gone anyway.
            }

            // The accept loops end on their own once the listener is closed. Not waiting for them here keeps Stop from
            // blocking a thread-pool thread, which on a 2-core machine can starve the very continuations it would wait for.
        }

        /// <inheritdoc />
        public void Dispose() => Stop();

        /// <inheritdoc />
        public override string ToString() => BaseUri.ToString();

        private static IReadOnlyCollection<string> EntryPointsOf(string seedJson)
        {
            var ids = new List<string> { LabSeed.LabOutboundEntryPointId };
            foreach (JArray records in LabState.ParseSeed(seedJson).Values)
            {
                foreach (JToken record in records)
                {
                    if ((string?)(record["outboundcallbackep"] as JValue) is string id && id.Length > 0 && !ids.Contains(id, StringComparer.OrdinalIgnoreCase))
                    {
                        ids.Add(id);
                    }
                }
            }

            return ids.AsReadOnly();
        }

        /// <summary>
        /// HttpListener cannot report the port it picked, so for port 0 ask the OS for a free one with a TcpListener,
        /// release it and bind that; another process may grab it in between, hence the retries.
        /// On Windows, http.sys lets a non-elevated user register <c>http://localhost:port/</c> but not <c>http://127.0.0.1:port/</c>
        /// (access denied, error 5) unless a URL ACL exists; then the loopback emulator binds <c>localhost</c> and says so in its URLs.
        /// </summary>
        private static (HttpListener Listener, int Port, string Host) Bind(LabEmulatorOptions options)
        {
            const int AccessDenied = 5;
            string host = HostOf(options.BindAddress, "+");
            int attempts = options.Port == 0 ? 10 : 1;
            for (int attempt = 1; ; attempt++)
            {
                int port = options.Port == 0 ? FreePort(options.BindAddress) : options.Port;
                HttpListener listener = Listen(host, port, out HttpListenerException? error);
                if (error != null && error.ErrorCode == AccessDenied && IPAddress.Loopback.Equals(options.BindAddress))
                {
                    host = "localhost";
                    listener = Listen(host, port, out error);
                }

                if (error == null)
                {
                    return (listener, port, host == "+" ? "127.0.0.1" : host);
                }

                if (attempt >= attempts)
                {
                    throw error;
                }
            }
        }

        private static HttpListener Listen(string host, int port, out HttpListenerException? error)
        {
            var listener = new HttpListener { IgnoreWriteExceptions = true };
            listener.Prefixes.Add("http://" + host + ":" + port + "/");
            try
            {
                listener.Start();
                error = null;
            }
            catch (HttpListenerException ex)
            {
                error = ex;
                try
                {
                    listener.Close();
                }
                catch (HttpListenerException)
                {
                    // Closing a listener that never started can fail the same way; the start error is the one to report.
                }
            }

            return listener;
        }

        /// <summary>The host part of a URL for <paramref name="address"/>; <paramref name="anyHost"/> stands for "every address".</summary>
        private static string HostOf(IPAddress address, string anyHost)
        {
            if (IPAddress.Any.Equals(address) || IPAddress.IPv6Any.Equals(address))
            {
                return anyHost;
            }

            return address.AddressFamily == AddressFamily.InterNetworkV6 ? "[" + address + "]" : address.ToString();
        }

        private static int FreePort(IPAddress address)
        {
            var probe = new TcpListener(IPAddress.Any.Equals(address) ? IPAddress.Loopback : address, 0);
            probe.Start();
            try
            {
                return ((IPEndPoint)probe.LocalEndpoint).Port;
            }
            finally
            {
                probe.Stop();
            }
        }

        private async Task AcceptLoopAsync()
        {
            while (IsRunning)
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

                _ = Task.Run(() => HandleAsync(context));
            }
        }

        private async Task HandleAsync(HttpListenerContext context)
        {
            var stopwatch = Stopwatch.StartNew();
            DateTimeOffset time = _options.Clock();
            HttpListenerRequest request = context.Request;
            string rawUrl = request.RawUrl ?? "/";
            int question = rawUrl.IndexOf('?');
            string path = question < 0 ? rawUrl : rawUrl.Substring(0, question);
            string query = question < 0 ? string.Empty : rawUrl.Substring(question + 1);
            string trackingId = request.Headers["TrackingId"] is string given && given.Length > 0 ? given : "CBLAB_" + Guid.NewGuid().ToString();
            string body = string.Empty;
            EmulatorResponse response;
            try
            {
                (body, response) = await ReadAndDispatchAsync(request, path, query, trackingId).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                response = EmulatorResponse.Json(500, new JValue("Emulator error: " + ex.Message));
            }

            response.WithHeader(TrackingHeader, trackingId);
            response.WithHeader("Access-Control-Allow-Origin", "*");
            response.WithHeader("Access-Control-Expose-Headers", TrackingHeader + ", Retry-After");

            // Journal before answering, so a client that has its answer always finds its request in the journal.
            // Redact before truncating: a cut could leave half a secret that no longer matches its field name.
            string journalled = RedactedBody(path, body, request.ContentType);
            journalled = journalled.Length > JournalBodyLimit ? journalled.Substring(0, JournalBodyLimit) : journalled;
            _journal.Add(new JournalEntry(
                request.HttpMethod, path, LogRedactor.RedactForm(query), RedactedHeaders(request), journalled, response.Status, stopwatch.Elapsed, time));
            await WriteAsync(context, response, headOnly: request.HttpMethod == "HEAD").ConfigureAwait(false);
        }

        private async Task<(string Body, EmulatorResponse Response)> ReadAndDispatchAsync(HttpListenerRequest request, string path, string query, string trackingId)
        {
            string? body = await ReadBodyAsync(request).ConfigureAwait(false);
            if (body == null)
            {
                return (string.Empty, EmulatorResponse.Json(413, new JValue($"The request body is larger than {_options.MaxBodyBytes} bytes.")));
            }

            FaultRule? fault = _faults.Match(request.HttpMethod, path);
            if (fault != null)
            {
                if (fault.Latency > TimeSpan.Zero)
                {
                    await Task.Delay(fault.Latency).ConfigureAwait(false);
                }

                if (fault.DropConnection)
                {
                    return (body, EmulatorResponse.Dropped());
                }

                if (fault.StatusCode is int status)
                {
                    EmulatorResponse faulted = fault.Body != null ? EmulatorResponse.Raw(status, fault.Body) : FaultAnswer(status, path, trackingId);
                    if (fault.RetryAfterSeconds is int retryAfter)
                    {
                        faulted.WithHeader("Retry-After", retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }

                    return (body, faulted);
                }
            }

            if (await EmulatorStubs.AnswerAsync(Stubs, request, body).ConfigureAwait(false) is EmulatorResponse stubbed)
            {
                return (body, stubbed);
            }

            var emulatorRequest = new EmulatorRequest(request.HttpMethod, path, query, request.QueryString, request.Headers, body, request.ContentType);
            return (body, Dispatch(emulatorRequest, trackingId));
        }

        /// <summary>
        /// The body a fault without its own body answers with, in the style of the API the path belongs to: WxCC's documented
        /// error body on /v1/... (except 429, which WxCC sends without a body), MockAPI's JSON string elsewhere; none below 400.
        /// </summary>
        private static EmulatorResponse FaultAnswer(int status, string path, string trackingId)
        {
            if (status < 400 || status == 429)
            {
                return EmulatorResponse.Empty(status);
            }

            string reason;
            using (var phrase = new System.Net.Http.HttpResponseMessage((HttpStatusCode)status))
            {
                reason = string.IsNullOrEmpty(phrase.ReasonPhrase) ? "Error " + status.ToString(System.Globalization.CultureInfo.InvariantCulture) : phrase.ReasonPhrase;
            }

            return path.StartsWith("/v1/", StringComparison.OrdinalIgnoreCase)
                ? WxccErrors.Create(status, trackingId, reason)
                : EmulatorResponse.Json(status, new JValue(reason));
        }

        private EmulatorResponse Dispatch(EmulatorRequest request, string trackingId)
        {
            if (request.Method == "OPTIONS")
            {
                return Preflight(request);
            }

            if (string.Equals(request.RawPath.TrimEnd('/'), "/v1/tasks", StringComparison.Ordinal))
            {
                return _wxcc.HandleTasks(request, trackingId);
            }

            if (string.Equals(request.RawPath.TrimEnd('/'), "/v1/access_token", StringComparison.Ordinal))
            {
                return _oauth.Handle(request, trackingId);
            }

            return _mockApi.Handle(request);
        }

        /// <summary>
        /// Browsers call MockAPI directly, so it answers CORS preflights; the emulator does too, for every route, allowing the
        /// requested headers (Authorization and Content-Type in practice).
        /// </summary>
        private static EmulatorResponse Preflight(EmulatorRequest request) =>
            EmulatorResponse.Empty(204)
                .WithHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS")
                .WithHeader("Access-Control-Allow-Headers", request.Headers["Access-Control-Request-Headers"] ?? "Authorization, Content-Type, TrackingId")
                .WithHeader("Access-Control-Max-Age", "600");

        /// <summary>Reads the body as UTF-8; null when it is larger than the limit.</summary>
        private async Task<string?> ReadBodyAsync(HttpListenerRequest request)
        {
            if (!request.HasEntityBody)
            {
                return string.Empty;
            }

            if (request.ContentLength64 > _options.MaxBodyBytes)
            {
                return null;
            }

            using var buffer = new MemoryStream();
            byte[] chunk = new byte[8192];
            Stream input = request.InputStream;
            int read;
            while ((read = await input.ReadAsync(chunk, 0, chunk.Length).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > _options.MaxBodyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }

        private static async Task WriteAsync(HttpListenerContext context, EmulatorResponse response, bool headOnly)
        {
            HttpListenerResponse output = context.Response;
            try
            {
                if (response.Drop)
                {
                    // http.sys (Windows) resets the connection on Abort. The managed listener (Linux, macOS) flushes a header
                    // first, so promise a body that never comes: either way the client sees the connection end with no usable answer.
                    output.KeepAlive = false;
                    output.ContentLength64 = 1;
                    output.Abort();
                    return;
                }

                output.StatusCode = response.Status;
                if (response.Status == 413)
                {
                    output.KeepAlive = false; // the unread body is still on the connection
                }

                foreach (KeyValuePair<string, string> header in response.Headers)
                {
                    output.AddHeader(header.Key, header.Value);
                }

                if (response.Body != null)
                {
                    byte[] bytes = Encoding.UTF8.GetBytes(response.Body);
                    output.ContentType = response.ContentType;
                    output.ContentLength64 = bytes.Length;
                    if (!headOnly)
                    {
                        await output.OutputStream.WriteAsync(bytes, 0, bytes.Length).ConfigureAwait(false);
                    }
                }
                else
                {
                    output.ContentLength64 = 0;
                }

                output.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException || ex is ObjectDisposedException || ex is IOException || ex is InvalidOperationException)
            {
                // The client went away or the emulator is stopping; nothing to answer.
                output.Abort();
            }
        }

        /// <summary>
        /// The body as the journal keeps it: client_secret, refresh_token, code and token fields masked. The token endpoint
        /// reads its body as a form whatever the Content-Type says, so its body is always redacted as a form.
        /// </summary>
        private static string RedactedBody(string path, string body, string? contentType)
        {
            if (body.Length == 0)
            {
                return body;
            }

            return string.Equals(path.TrimEnd('/'), "/v1/access_token", StringComparison.Ordinal)
                ? LogRedactor.RedactForm(body)
                : LogRedactor.RedactBody(body, contentType);
        }

        private static IReadOnlyDictionary<string, string> RedactedHeaders(HttpListenerRequest request)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string? name in request.Headers.AllKeys)
            {
                if (name == null)
                {
                    continue;
                }

                string value = request.Headers[name] ?? string.Empty;
                headers[name] = LogRedactor.RedactHeader(name, value);
            }

            return headers;
        }
    }
}
