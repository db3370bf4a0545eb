using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Http;

namespace CallbackLab.Core.Tests.Flows
{
    /// <summary>Answers HTTP Request activities from a script, in memory, and records what was sent (for transport edge cases).</summary>
    internal sealed class ScriptedTransport : IFlowHttpTransport
    {
        private readonly Func<FlowHttpRequest, int, FlowHttpResponse?> _answer;

        internal ScriptedTransport(Func<FlowHttpRequest, int, FlowHttpResponse?> answer)
        {
            _answer = answer;
        }

        internal ConcurrentQueue<(FlowHttpRequest Request, TimeSpan Timeout)> Sent { get; } = new ConcurrentQueue<(FlowHttpRequest, TimeSpan)>();

        public Task<FlowHttpResponse> SendAsync(FlowHttpRequest request, TimeSpan timeout, CancellationToken cancellationToken)
        {
            Sent.Enqueue((request, timeout));
            FlowHttpResponse? response = _answer(request, Sent.Count);
            return response == null
                ? Task.FromException<FlowHttpResponse>(new FlowHttpTransportException("Connection refused (127.0.0.1:9).", timedOut: false))
                : Task.FromResult(response);
        }

        internal static FlowHttpResponse Json(int status, string body) =>
            new FlowHttpResponse(status, body, new Dictionary<string, string> { ["Content-Type"] = "application/json" });
    }
}
