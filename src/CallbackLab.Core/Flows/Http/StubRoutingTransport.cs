using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Stubs;

namespace CallbackLab.Core.Flows.Http
{
    /// <summary>
    /// The simulator's transport: requests to the MockAPI base or the WxCC connector go on as they are; every other request is
    /// answered by the stub engine. A request no stub matches is never sent unless its host is allowed
    /// (<see cref="NetworkAllowance"/>): it gets the documented 404 (see <see cref="UnmatchedRequest.ToResponseBody"/>) and is
    /// logged in <see cref="StubEngine.Unmatched"/>. A stub's delay is virtual time: at or over the activity's timeout it is a timeout.
    /// </summary>
    public sealed class StubRoutingTransport : IFlowHttpTransport
    {
        /// <summary>The header that marks the 404 of an unmatched request.</summary>
        public const string UnmatchedHeader = "X-CallbackLab-Unmatched";

        private readonly StubEngine _stubs;
        private readonly IFlowHttpTransport _network;
        private readonly Uri[] _passThrough;
        private readonly NetworkAllowance? _allowance;
        private readonly StubRecorder? _recorder;

        /// <summary>Creates the routing.</summary>
        /// <param name="stubs">The stubs that answer.</param>
        /// <param name="network">What really sends: pass-through requests and, when allowed, unmatched ones.</param>
        /// <param name="passThroughBases">URL prefixes sent without stubs (the MockAPI base, the connector's base).</param>
        /// <param name="allowance">The hosts an unmatched request may really go to; null: none.</param>
        /// <param name="recorder">Records the exchanges that really went out to allowed hosts; null: none are recorded.</param>
        public StubRoutingTransport(StubEngine stubs, IFlowHttpTransport network, IEnumerable<Uri?> passThroughBases,
            NetworkAllowance? allowance = null, StubRecorder? recorder = null)
        {
            _stubs = stubs ?? throw new ArgumentNullException(nameof(stubs));
            _network = network ?? throw new ArgumentNullException(nameof(network));
            _passThrough = (passThroughBases ?? Enumerable.Empty<Uri?>()).Where(u => u != null && u.IsAbsoluteUri).Select(u => u!).ToArray();
            _allowance = allowance;
            _recorder = recorder;
        }

        /// <summary>The routing for a simulation with <paramref name="options"/>: its MockAPI base and connector pass through.</summary>
        public static StubRoutingTransport ForSimulation(IvrSimulationOptions options, StubEngine stubs, IFlowHttpTransport? network = null,
            NetworkAllowance? allowance = null, StubRecorder? recorder = null)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            Uri? mockApi = options.MockApiUri;
            if (mockApi == null && Uri.TryCreate(options.MockApiPrefix, UriKind.Absolute, out Uri? prefix))
            {
                mockApi = prefix;
            }

            return new StubRoutingTransport(stubs, network ?? HttpClientFlowTransport.Shared, new[] { mockApi, options.Connector?.BaseUri }, allowance, recorder);
        }

        /// <summary>The stubs that answer.</summary>
        public StubEngine Stubs => _stubs;

        /// <summary>True when <paramref name="uri"/> is under a pass-through base (sent as it is, no stub consulted).</summary>
        public bool PassesThrough(Uri uri)
        {
            foreach (Uri prefix in _passThrough)
            {
                if (string.Equals(prefix.Scheme, uri.Scheme, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(prefix.Host, uri.Host, StringComparison.OrdinalIgnoreCase)
                    && prefix.Port == uri.Port
                    && uri.AbsolutePath.StartsWith(prefix.AbsolutePath.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <inheritdoc />
        public async Task<FlowHttpResponse> SendAsync(FlowHttpRequest request, TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            if (PassesThrough(request.Uri))
            {
                return await _network.SendAsync(request, timeout, cancellationToken).ConfigureAwait(false);
            }

            StubRequest stubRequest = ToStubRequest(request);
            StubMatch match = _stubs.Match(stubRequest);
            if (match.Answer is StubAnswer answer)
            {
                return Answer(stubRequest, match.Stub!, answer, timeout);
            }

            if (_allowance != null && _allowance.Allows(request.Uri))
            {
                FlowHttpResponse real = await _network.SendAsync(request, timeout, cancellationToken).ConfigureAwait(false);
                _recorder?.Record(stubRequest, real.StatusCode, real.Headers, real.Body);
                return real;
            }

            string reason = _allowance == null
                ? "no stub matches it and the network is off."
                : "no stub matches it and its host '" + request.Uri.Host + "' is not one of the allowed network hosts (" + _allowance + ").";
            UnmatchedRequest unmatched = match.Miss!.ToUnmatched(stubRequest, reason);
            _stubs.RecordUnmatched(unmatched);
            _stubs.Report(StubEngine.ExchangeOf(stubRequest, UnmatchedRequest.Status, null, unmatched, null));
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["Content-Type"] = "application/json",
                [UnmatchedHeader] = "true",
            };
            return new FlowHttpResponse(UnmatchedRequest.Status, unmatched.ToResponseBody(), headers, null, unmatched);
        }

        internal static StubRequest ToStubRequest(FlowHttpRequest request)
        {
            IReadOnlyList<KeyValuePair<string, string>> headers = request.Headers;
            if (request.ContentType != null && !headers.Any(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)))
            {
                var withType = new List<KeyValuePair<string, string>>(headers) { new KeyValuePair<string, string>("Content-Type", request.ContentType) };
                headers = withType;
            }

            return new StubRequest(request.Method, request.Uri, headers, request.Body);
        }

        private FlowHttpResponse Answer(StubRequest request, Stub stub, StubAnswer answer, TimeSpan timeout)
        {
            if (answer.Delay is TimeSpan delay && delay >= timeout)
            {
                _stubs.Report(StubEngine.ExchangeOf(request, 0, stub, null, delay));
                throw new FlowHttpTransportException(
                    "No response from " + request.AbsoluteUrlWithoutQuery + " within " + (int)timeout.TotalMilliseconds + " ms (stub '" + stub.Name + "' answers after "
                    + (int)delay.TotalMilliseconds + " ms).", timedOut: true);
            }

            if (answer.Fault != StubFault.None)
            {
                _stubs.Report(StubEngine.ExchangeOf(request, 0, stub, null, answer.Delay));
                throw new FlowHttpTransportException(
                    "The request to " + request.AbsoluteUrlWithoutQuery + " failed: stub '" + stub.Name + "' answers with the fault " + answer.Fault + ".",
                    timedOut: false, virtualDuration: answer.Delay);
            }

            _stubs.Report(StubEngine.ExchangeOf(request, answer.Status, stub, null, answer.Delay));
            return new FlowHttpResponse(answer.Status, answer.Body, answer.HeaderDictionary(), answer.Delay, null);
        }
    }
}
