using System;
using System.Management.Automation;
using CallbackLab.Core;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Wxcc;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// Where simulations send their requests: an explicit parameter first, then what the connection itself carries,
    /// then the session defaults (the newest of Connect-Wxcc and a started emulator).
    /// </summary>
    internal sealed partial class CallbackLabSession
    {
        /// <summary>
        /// The MockAPI prefix a simulation swaps in for the flow's: <paramref name="explicitUri"/>, else the MockAPI of
        /// <paramref name="connection"/> (an emulator, lab endpoints or a connection made with -MockApiUri), else the session's.
        /// </summary>
        internal Uri ResolveSimulationMockApiUri(Uri? explicitUri, object? connection)
        {
            Uri? fromConnection = Unwrap(connection) switch
            {
                Models.CallbackLabEmulator emulator => emulator.MockApiUri,
                ILabEndpoints endpoints => endpoints.MockApiUri,
                WxccConnection wxcc => wxcc.MockApiUri,
                _ => null,
            };
            return explicitUri ?? fromConnection ?? ResolveMockApiUri(null);
        }

        /// <summary>
        /// The connector a simulation's authenticated HTTP requests use: <paramref name="connection"/> (a WxCC connection,
        /// an emulator, lab endpoints or a connector), else the session's default connection; null when there is none
        /// (the flow's connector requests then fail with a message saying so).
        /// </summary>
        /// <exception cref="ArgumentException"><paramref name="connection"/> is none of those.</exception>
        internal IConnectorEndpoint? ResolveSimulationConnector(object? connection)
        {
            object? value = Unwrap(connection);
            switch (value)
            {
                case IConnectorEndpoint connector:
                    return connector;
                case WxccConnection wxcc:
                    return new WxccConnectionConnector(wxcc);
                case Models.CallbackLabEmulator emulator:
                    return new LabEndpointsConnector(emulator.Emulator);
                case ILabEndpoints endpoints:
                    return new LabEndpointsConnector(endpoints);
                case null:
                    return DefaultConnection is { } fallback ? new WxccConnectionConnector(fallback) : null;
                default:
                    throw new ArgumentException("-Connection takes a WxCC connection (Connect-Wxcc), an emulator (Start-CallbackLabEmulator) or lab endpoints, not a "
                        + value.GetType().Name + ".", nameof(connection));
            }
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}
