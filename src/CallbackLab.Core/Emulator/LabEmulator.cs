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
using CallbackLab.Core.Emulator.EntryPoints;
using CallbackLab.Core.Emulator.FlowStore;
using CallbackLab.Core.Emulator.Listener;
using CallbackLab.Core.Emulator.Room;
using CallbackLab.Core.Emulator.Runs;
using CallbackLab.Core.Emulator.Storage;
using CallbackLab.Core.Http;
using CallbackLab.Core.Stubs;
using CallbackLab.Core.Wxcc;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Emulator
{
    /// <summary>
    /// The embedded lab emulator: MockAPI-compatible resources (the lab's <c>/flowdesigner/Lab/DynVars</c>), the WxCC
    /// <c>/v1/tasks</c> API and an OAuth token endpoint, served by its own HTTP/1.1 listener (<see cref="EmulatorHttpServer"/>) on loopback.
    /// Requests are handled concurrently; every one is journalled (refused ones too) and can be faulted on purpose.
    /// </summary>
    public sealed class LabEmulator : IDisposable
    {
        private const string TrackingHeader = "TrackingID";
        private readonly LabEmulatorOptions _options;
        private readonly EmulatorHttpServer _server;
        private readonly LabState _state;
        private readonly TokenStore _tokens;
        private readonly RateLimiter _rateLimiter;
        private readonly FaultInjector _faults = new FaultInjector();
        private readonly RequestJournal _journal;
        private readonly MockApiHandler _mockApi;
        private readonly WxccHandler _wxcc;
        private readonly FlowStoreHandler _flowStore;
        private readonly EntryPointHandler _entryPoints;
        private readonly OAuthHandler _oauth;
        private readonly FlowRunner _runner;
        private int _stopped;

        private LabEmulator(LabEmulatorOptions options, LabState state, IReadOnlyCollection<string> entryPoints)
        {
            _options = options;
            _state = state;
            OutboundEntryPointIds = entryPoints;
            _tokens = new TokenStore(options.TokenLifetime, options.Clock);
            _rateLimiter = new RateLimiter(options.RateLimitPerMinute, options.Clock);
            _journal = new RequestJournal(options.JournalCapacity, options.JournalMaxBytes);
            _mockApi = new MockApiHandler(state, options);
            var gate = new WxccGate(_tokens, _rateLimiter);
            _wxcc = new WxccHandler(state, gate, entryPoints, options.Clock);
            _flowStore = new FlowStoreHandler(state, gate, options.Clock, options.PublishAcceptsReadScope);
            _entryPoints = new EntryPointHandler(state, gate, options.Clock);
            _oauth = new OAuthHandler(_tokens);
            _runner = new FlowRunner(state, this);
            _wxcc.ExecuteFlow = _runner.RunAsync;
            Stubs.Exchanged += (_, exchange) => _journal.Add(EmulatorStubs.ToJournalEntry(exchange, _options.Clock()));
            var limits = new ListenerLimits
            {
                MaxRequestLineBytes = options.MaxRequestLineBytes,
                MaxHeaderBytes = options.MaxHeaderBytes,
                MaxBodyBytes = options.MaxBodyBytes,
                HeaderTimeout = options.HeaderTimeout,
                IdleTimeout = options.IdleTimeout,
                MaxConnections = options.MaxConnections,
            };
            _server = EmulatorHttpServer.Start(options.BindAddress, options.Port, limits, HandleAsync);
            IPEndPoint bound = _server.LocalEndPoint;
            Port = bound.Port;
            ListenUri = new Uri("http://" + HostOf(bound.Address) + ":" + Port + "/");
            IsReachableFromNetwork = !IPAddress.IsLoopback(bound.Address);
            BaseUri = IsAnyAddress(bound.Address)
                ? new Uri("http://" + HostOf(bound.Address.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback) + ":" + Port + "/")
                : ListenUri;
            // The Flow Store and entry-point paths carry the organization id: the issued connection carries the emulator's own.
            Connection = new WxccConnection(WxccUri, new EmulatorTokenSource(TokenUri, () => _tokens.StartingAccessToken), MockApiUri)
            {
                OrgId = OrgId,
            };
        }

        /// <summary>The emulator's root as a client on this machine reaches it, e.g. <c>http://127.0.0.1:5080/</c> (loopback when bound to every address).</summary>
        public Uri BaseUri { get; }

        /// <summary>The address really listened on, e.g. <c>http://0.0.0.0:5080/</c> for every IPv4 address.</summary>
        public Uri ListenUri { get; }

        /// <summary>True when the emulator listens on an address other hosts can reach (not loopback): its tokens are then exposed.</summary>
        public bool IsReachableFromNetwork { get; }

        /// <summary>The MockAPI prefix that holds the <c>DynVars</c> resource, e.g. <c>http://127.0.0.1:5080/flowdesigner/Lab</c>.</summary>
        public Uri MockApiUri => new Uri(BaseUri, LabSeed.MockApiPrefix);

        /// <summary>The WxCC API base; <c>/v1/tasks</c> is relative to it.</summary>
        public Uri WxccUri => BaseUri;

        /// <summary>The OAuth token endpoint.</summary>
        public Uri TokenUri => new Uri(BaseUri, "v1/access_token");

        /// <summary>
        /// The connection this emulator issues: its WxCC address and MockAPI prefix, with the token it issued itself. Cmdlets
        /// and simulations use it like any Connect-Wxcc connection.
        /// </summary>
        public WxccConnection Connection { get; }

        /// <summary>The emulator's own starting access token (valid for <see cref="LabEmulatorOptions.TokenLifetime"/>).</summary>
        public string AccessToken => _tokens.StartingAccessToken;

        /// <summary>The OAuth client id <c>/v1/access_token</c> accepts.</summary>
        public string ClientId => _tokens.ClientId;

        /// <summary>The OAuth client secret <c>/v1/access_token</c> accepts.</summary>
        public string ClientSecret => _tokens.ClientSecret;

        /// <summary>
        /// Issues an access token carrying only <paramref name="scopes"/> (e.g. <see cref="WxccScopes.ConfigRead"/>), valid like the
        /// starting one: to test the 403 a token lacking a scope gets.
        /// </summary>
        public string IssueAccessToken(params string[] scopes) => _tokens.Issue(scopes ?? Array.Empty<string>()).Access;

        /// <summary>The starting refresh token, for testing <c>grant_type=refresh_token</c>.</summary>
        public string RefreshToken => _tokens.StartingRefreshToken;

        /// <summary>
        /// The organization id the WxCC API answers in <c>meta.orgId</c> and expects in Flow Store and entry point paths; kept in
        /// the data file, so it survives a restart.
        /// </summary>
        public string OrgId => _state.OrgId;

        /// <summary>The Flow Store's base for this emulator: <c>{BaseUri}flow-store/{OrgId}/project/5e5c9ad6d61f870d6d778c1b/</c>.</summary>
        public Uri FlowStoreUri => new Uri(BaseUri, FlowStoreHandler.Prefix + "/" + OrgId + "/project/" + FlowStoreHandler.ProjectId + "/");

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

        /// <summary>Every EXECUTE_FLOW run kept, oldest first; each reads as an <see cref="Flows.Simulation.IvrSimulationResult"/> (<see cref="EmulatorRun.Result"/>).</summary>
        public IReadOnlyList<EmulatorRun> Runs => _runner.Runs();

        /// <summary>The run of the EXECUTE_FLOW task <paramref name="taskId"/>; null when there is none.</summary>
        public EmulatorRun? FindRun(string taskId) => _runner.Runs().FirstOrDefault(r => string.Equals(r.Id, taskId, StringComparison.OrdinalIgnoreCase));

        /// <summary>The last requests (see <see cref="LabEmulatorOptions.JournalCapacity"/>), oldest first.</summary>
        public IReadOnlyList<JournalEntry> Journal => _journal.Snapshot();

        /// <summary>What the start found and repaired in the data file, each said once (e.g. a torn write at the end of the data log).</summary>
        public IReadOnlyList<string> StartWarnings => _state.StartWarnings.AsReadOnly();

        /// <summary>The stubs: they answer matching requests before the built-in routes, and simulations' non-lab requests.</summary>
        public StubEngine Stubs { get; } = new StubEngine();

        /// <summary>The installed fault rules, in match order.</summary>
        public IReadOnlyList<FaultRule> Faults => _faults.Rules;

        /// <summary>Starts an emulator. Binds 127.0.0.1 (unless told otherwise) and, for port 0, a free port.</summary>
        /// <exception cref="SocketException">The port is taken or the address cannot be bound.</exception>
        /// <exception cref="FormatException">The seed is not a valid seed.</exception>
        /// <exception cref="InvalidDataException">The data file is not a valid data file (the message names the JSON path).</exception>
        public static LabEmulator Start(LabEmulatorOptions? options = null)
        {
            LabEmulatorOptions settings = (options ?? new LabEmulatorOptions()).Clone();
            if (settings.Port < 0 || settings.Port > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(options), settings.Port, "Port must be 0 (a free port) to 65535.");
            }

            string baseSeed = settings.SeedPath != null ? File.ReadAllText(settings.SeedPath) : LabSeed.ReadEmbeddedDynVars();
            (string seedJson, Dictionary<string, IReadOnlyList<JObject>> wxccSeed) = RoomSeed.Build(baseSeed, settings.Attendees, settings.Clock());
            IReadOnlyCollection<string> entryPoints = EntryPointsOf(seedJson);
            var state = new LabState(seedJson, settings.DataPath, settings.OpenDataLog, settings.DataLogFoldBytes, wxccSeed, settings.OrgId);
            try
            {
                return new LabEmulator(settings, state, entryPoints);
            }
            catch
            {
                state.Close(); // the port could not be bound: release the data log
                throw;
            }
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
        /// <exception cref="IOException">With a data file, the reset could not be saved (nothing changed), or the emulator has stopped.</exception>
        public void Reset()
        {
            lock (_state.Sync)
            {
                _state.Commit(StoreChange.Reset());
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

            _server.Dispose();

            // Requests still in flight are refused their writes from here on; the data log is folded into the data file.
            _state.Close();

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

        private static bool IsAnyAddress(IPAddress address) => IPAddress.Any.Equals(address) || IPAddress.IPv6Any.Equals(address);

        /// <summary>The host part of a URL for <paramref name="address"/>.</summary>
        private static string HostOf(IPAddress address) =>
            address.AddressFamily == AddressFamily.InterNetworkV6 ? "[" + address + "]" : address.ToString();

        private async Task<EmulatorResponse> HandleAsync(IncomingRequest request)
        {
            var stopwatch = Stopwatch.StartNew();
            DateTimeOffset time = _options.Clock();
            string trackingId = request.Headers["TrackingId"] is string given && given.Length > 0 ? given : "CBLAB_" + Guid.NewGuid().ToString();
            EmulatorResponse response;
            if (request.Refusal != null)
            {
                response = EmulatorResponse.Json(request.Refusal.Status, new JValue(request.Refusal.Message));
            }
            else
            {
                try
                {
                    response = await DispatchWithFaultsAsync(request, trackingId).ConfigureAwait(false);
                }
                catch (Exception ex) when (!(ex is OutOfMemoryException))
                {
                    response = EmulatorResponse.Json(500, new JValue("Emulator error: " + ex.Message));
                }
            }

            response.WithHeader(TrackingHeader, trackingId);
            response.WithHeader("Access-Control-Allow-Origin", "*");
            response.WithHeader("Access-Control-Expose-Headers", TrackingHeader + ", Retry-After");

            // Journal before answering, so a client that has its answer always finds its request in the journal.
            // Redact before truncating: a cut could leave half a secret that no longer matches its field name.
            _journal.Add(JournalEntry.Capped(
                request.Method, request.Path, LogRedactor.RedactQuery(request.Query), LogRedactor.RedactHeaders(request.Fields),
                LogRedactor.RedactBody(request.Body, request.ContentType), response.Status, stopwatch.Elapsed, time));
            return response;
        }

        private async Task<EmulatorResponse> DispatchWithFaultsAsync(IncomingRequest request, string trackingId)
        {
            FaultRule? fault = _faults.Match(request.Method, request.Path);
            if (fault != null)
            {
                if (fault.Latency > TimeSpan.Zero)
                {
                    await Task.Delay(fault.Latency).ConfigureAwait(false);
                }

                if (fault.DropConnection)
                {
                    return EmulatorResponse.Dropped();
                }

                if (fault.StatusCode is int status)
                {
                    EmulatorResponse faulted = fault.Body != null ? EmulatorResponse.Raw(status, fault.Body) : FaultAnswer(status, request.Path, trackingId);
                    if (fault.RetryAfterSeconds is int retryAfter)
                    {
                        faulted.WithHeader("Retry-After", retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }

                    return faulted;
                }
            }

            if (await EmulatorStubs.AnswerAsync(Stubs, request, BaseUri).ConfigureAwait(false) is EmulatorResponse stubbed)
            {
                return stubbed;
            }

            var emulatorRequest = new EmulatorRequest(
                request.Method, request.Path, request.Query, QueryString.Parse(request.Query), request.Headers, request.Body, request.ContentType, request.Host);
            return await DispatchAsync(emulatorRequest, trackingId).ConfigureAwait(false);
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

            return IsWxccPath(path)
                ? WxccErrors.Create(status, trackingId, reason)
                : EmulatorResponse.Json(status, new JValue(reason));
        }

        private static bool IsWxccPath(string path) =>
            path.StartsWith("/v1/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/" + FlowStoreHandler.Prefix + "/", StringComparison.Ordinal) ||
            EntryPointHandler.Serves(path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries));

        private async Task<EmulatorResponse> DispatchAsync(EmulatorRequest request, string trackingId)
        {
            if (request.Method == "OPTIONS")
            {
                return Preflight(request);
            }

            if (string.Equals(request.RawPath.TrimEnd('/'), "/v1/tasks", StringComparison.Ordinal))
            {
                return await _wxcc.HandleTasksAsync(request, trackingId).ConfigureAwait(false);
            }

            if (string.Equals(request.RawPath.TrimEnd('/'), "/v1/access_token", StringComparison.Ordinal))
            {
                return _oauth.Handle(request, trackingId);
            }

            if (request.Segments.Count > 0 && request.Segments[0] == FlowStoreHandler.Prefix)
            {
                return _flowStore.Handle(request, trackingId);
            }

            if (EntryPointHandler.Serves(request.Segments))
            {
                return _entryPoints.Handle(request, trackingId);
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
    }
}
