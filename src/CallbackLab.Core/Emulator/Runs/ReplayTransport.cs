using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Http;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Emulator.Runs
{
    /// <summary>
    /// Answers a run's requests from what <see cref="RecordingTransport"/> recorded, matched by method and URL in the order they
    /// were sent (so parallel branches that interleave differently still get their own answers). Sends nothing.
    /// </summary>
    internal sealed class ReplayTransport : IFlowHttpTransport
    {
        private readonly Dictionary<string, Queue<JObject>> _answers = new Dictionary<string, Queue<JObject>>(StringComparer.Ordinal);
        private readonly object _sync = new object();

        internal ReplayTransport(JArray exchanges)
        {
            foreach (JObject exchange in exchanges.OfType<JObject>())
            {
                string key = Key((string?)exchange["method"], (string?)exchange["url"]);
                if (!_answers.TryGetValue(key, out Queue<JObject>? queue))
                {
                    queue = new Queue<JObject>();
                    _answers[key] = queue;
                }

                queue.Enqueue(exchange);
            }
        }

        public Task<FlowHttpResponse> SendAsync(FlowHttpRequest request, TimeSpan timeout, CancellationToken cancellationToken)
        {
            JObject? exchange = null;
            lock (_sync)
            {
                if (_answers.TryGetValue(Key(request.Method, request.Uri.AbsoluteUri), out Queue<JObject>? queue) && queue.Count > 0)
                {
                    exchange = queue.Dequeue();
                }
            }

            if (exchange == null)
            {
                throw new FlowHttpTransportException("The replayed run has no recorded answer for " + request.Method + " " + request.Uri.AbsoluteUri + ".", timedOut: false);
            }

            TimeSpan? virtualDuration = exchange["virtualMs"] is JValue { Type: JTokenType.Float or JTokenType.Integer } ms ? TimeSpan.FromMilliseconds((double)ms) : (TimeSpan?)null;
            if (exchange["error"] is JValue error)
            {
                throw new FlowHttpTransportException((string?)error ?? string.Empty, (bool?)exchange["timedOut"] ?? false, null, virtualDuration);
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (JProperty header in ((exchange["headers"] as JObject) ?? new JObject()).Properties())
            {
                headers[header.Name] = (string?)header.Value ?? string.Empty;
            }

            return Task.FromResult(new FlowHttpResponse((int?)exchange["status"] ?? 0, (string?)exchange["body"] ?? string.Empty, headers, virtualDuration, null));
        }

        private static string Key(string? method, string? url) => (method ?? string.Empty) + " " + (url ?? string.Empty);
    }
}
