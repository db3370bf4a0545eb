using System;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Wxcc;

namespace CallbackLab.Core.Flows.Http
{
    /// <summary>Adapts a <see cref="WxccConnection"/> (Connect-Wxcc, a real tenant or the emulator) to a flow connector.</summary>
    public sealed class WxccConnectionConnector : IConnectorEndpoint
    {
        private readonly WxccConnection _connection;

        /// <summary>Wraps <paramref name="connection"/>.</summary>
        public WxccConnectionConnector(WxccConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        /// <inheritdoc />
        public Uri BaseUri => _connection.BaseUri;

        /// <inheritdoc />
        public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) => _connection.GetAccessTokenAsync(cancellationToken);
    }
}
