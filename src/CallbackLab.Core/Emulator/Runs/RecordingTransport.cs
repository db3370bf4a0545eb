using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Http;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Emulator.Runs
{
    /// <summary>
    /// The transport of a run: marks each request with the run's id (<see cref="RunHeader"/>, so the journal tells which run
    /// sent it), sends it on, and records what came back, so the run can be replayed exactly after a restart
    /// (<see cref="ReplayTransport"/>).
    /// </summary>
    internal sealed class RecordingTransport : IFlowHttpTransport
    {
        /// <summary>The header every request of a run carries: the run's (the task's) id.</summary>
        internal const string RunHeader = "X-CallbackLab-Run";

        private readonly IFlowHttpTransport _inner;
        private readonly string _runId;
        private readonly object _sync = new object();

        internal RecordingTransport(IFlowHttpTransport inner, string runId)
        {
            _inner = inner;
            _runId = runId;
        }

        /// <summary>The exchanges so far: <c>{method, url, status, headers, body, virtualMs}</c> or <c>{method, url, error, timedOut, virtualMs}</c>.</summary>
        internal JArray Exchanges { get; } = new JArray();

        public async Task<FlowHttpResponse> SendAsync(FlowHttpRequest request, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var headers = new List<KeyValuePair<string, string>>(request.Headers) { new KeyValuePair<string, string>(RunHeader, _runId) };
            var marked = new FlowHttpRequest(request.Method, request.Uri, headers, request.Body, request.ContentType);
            var exchange = new JObject { ["method"] = request.Method, ["url"] = request.Uri.AbsoluteUri };
            try
            {
                FlowHttpResponse response = await _inner.SendAsync(marked, timeout, cancellationToken).ConfigureAwait(false);
                exchange["status"] = response.StatusCode;
                exchange["headers"] = JObject.FromObject(response.Headers);
                exchange["body"] = response.Body;
                exchange["virtualMs"] = response.VirtualDuration?.TotalMilliseconds;
                Add(exchange);
                return response;
            }
            catch (FlowHttpTransportException ex)
            {
                exchange["error"] = ex.Message;
                exchange["timedOut"] = ex.TimedOut;
                exchange["virtualMs"] = ex.VirtualDuration?.TotalMilliseconds;
                Add(exchange);
                throw;
            }
        }

        private void Add(JObject exchange)
        {
            lock (_sync)
            {
                Exchanges.Add(exchange);
            }
        }
    }
}
