using System;
using CallbackLab.Core;
using CallbackLab.Core.MockApi;
using CallbackLab.Core.Wxcc;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// The connection area of the session: the Connect-Wxcc connection and how cmdlets pick their WxCC connection and
    /// MockAPI address. Order: an explicit parameter, then the newest of Connect-Wxcc and a started emulator,
    /// then (MockAPI only) the lab's public project; WxCC with nothing is a "not connected" error.
    /// </summary>
    internal sealed partial class CallbackLabSession
    {
        private WxccConnection? _wxccConnection;
        private WxccConnection? _endpointsConnection;
        private ILabEndpoints? _endpointsConnectionSource;

        /// <summary>The Connect-Wxcc connection, or null when there is none or a newer emulator replaced it.</summary>
        internal WxccConnection? ConnectedWxcc => _wxccConnection;

        /// <summary>The connection cmdlets use when given none: Connect-Wxcc's, else the default emulator's, else null.</summary>
        internal WxccConnection? DefaultConnection => _wxccConnection ?? EndpointsConnection();

        /// <summary>Makes <paramref name="connection"/> the session default (Connect-Wxcc); it is newer than any emulator started before.</summary>
        internal void UseConnection(WxccConnection connection)
        {
            _wxccConnection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        /// <summary>Forgets the Connect-Wxcc connection (Disconnect-Wxcc); a default emulator becomes the default again.</summary>
        internal WxccConnection? ForgetConnection()
        {
            WxccConnection? old = _wxccConnection;
            _wxccConnection = null;
            return old;
        }

        /// <summary>The WxCC connection to use: <paramref name="explicitConnection"/>, else the session default.</summary>
        /// <exception cref="WxccNotConnectedException">There is none.</exception>
        internal WxccConnection ResolveConnection(WxccConnection? explicitConnection)
        {
            return explicitConnection ?? DefaultConnection ?? throw new WxccNotConnectedException();
        }

        /// <summary>
        /// The MockAPI prefix to use: <paramref name="explicitUri"/>, else Connect-Wxcc's -MockApiUri, else the default
        /// emulator's, else the lab's public project.
        /// </summary>
        internal Uri ResolveMockApiUri(Uri? explicitUri)
        {
            if (explicitUri != null)
            {
                return explicitUri;
            }

            // A Connect-Wxcc connection without -MockApiUri says nothing about MockAPI: a running emulator still serves it.
            return _wxccConnection?.MockApiUri ?? DefaultEndpoints?.MockApiUri ?? MockApiClient.LabUri;
        }

        /// <summary>The MockAPI endpoint set up in this session (Connect-Wxcc -MockApiUri or a started emulator); null when none, never the public lab project.</summary>
        internal Uri? ConfiguredMockApiUri() => _wxccConnection?.MockApiUri ?? DefaultEndpoints?.MockApiUri;

        /// <summary>A started emulator is newer than an earlier Connect-Wxcc: it replaces that connection as the default.</summary>
        partial void OnDefaultEndpointsChanged(bool startedNow)
        {
            if (startedNow)
            {
                _wxccConnection = null;
            }

            _endpointsConnection = null;
        }

        private WxccConnection? EndpointsConnection()
        {
            ILabEndpoints? endpoints = DefaultEndpoints;
            if (endpoints is null)
            {
                return null;
            }

            if (_endpointsConnection is null || !ReferenceEquals(_endpointsConnectionSource, endpoints))
            {
                _endpointsConnection = WxccConnection.FromEndpoints(endpoints);
                _endpointsConnectionSource = endpoints;
            }

            return _endpointsConnection;
        }
    }
}
