using System;
using System.Threading;
using System.Threading.Tasks;

namespace CallbackLab.Core.Flows.Http
{
    /// <summary>
    /// Sends the HTTP Request activity's requests. <see cref="HttpClientFlowTransport"/> is the real one; tests and benchmarks
    /// may answer in memory.
    /// </summary>
    public interface IFlowHttpTransport
    {
        /// <summary>Sends <paramref name="request"/> and waits at most <paramref name="timeout"/> for the whole response.</summary>
        /// <exception cref="FlowHttpTransportException">No response: connection refused, DNS failure, timeout.</exception>
        Task<FlowHttpResponse> SendAsync(FlowHttpRequest request, TimeSpan timeout, CancellationToken cancellationToken);
    }
}
