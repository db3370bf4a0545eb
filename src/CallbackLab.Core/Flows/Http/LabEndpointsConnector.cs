using System;
using System.Threading;
using System.Threading.Tasks;

namespace CallbackLab.Core.Flows.Http
{
    /// <summary>Adapts <see cref="ILabEndpoints"/> (e.g. the emulator) to a connector: the WxCC URI and its current token.</summary>
    public sealed class LabEndpointsConnector : IConnectorEndpoint
    {
        private readonly ILabEndpoints _endpoints;

        /// <summary>Wraps <paramref name="endpoints"/>.</summary>
        public LabEndpointsConnector(ILabEndpoints endpoints)
        {
            _endpoints = endpoints ?? throw new ArgumentNullException(nameof(endpoints));
        }

        /// <inheritdoc />
        public Uri BaseUri => _endpoints.WxccUri;

        /// <inheritdoc />
        public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult(_endpoints.AccessToken);
    }
}
