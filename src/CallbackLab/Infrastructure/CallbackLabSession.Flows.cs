using System;
using System.Management.Automation;
using CallbackLab.Core;
using CallbackLab.Core.Flows.Http;

namespace CallbackLab.Infrastructure
{
    /// <summary>Where simulations send their requests: explicit parameters first, then the session's default endpoints.</summary>
    internal sealed partial class CallbackLabSession
    {
        /// <summary>
        /// The MockAPI prefix a simulation swaps in for the flow's: <paramref name="explicitUri"/>, else that of
        /// <paramref name="connection"/> when it is lab endpoints (an emulator), else the session default's.
        /// </summary>
        internal Uri? ResolveSimulationMockApiUri(Uri? explicitUri, object? connection)
        {
            object? value = connection is PSObject wrapped ? wrapped.BaseObject : connection;
            Uri? fromConnection = value switch
            {
                Models.CallbackLabEmulator emulator => emulator.MockApiUri,
                ILabEndpoints endpoints => endpoints.MockApiUri,
                _ => null,
            };
            return explicitUri ?? fromConnection ?? DefaultEndpoints?.MockApiUri;
        }

        /// <summary>
        /// The connector a simulation's authenticated HTTP requests use: <paramref name="connection"/> (lab endpoints or a
        /// connector), else the session's default endpoints; null when there is none.
        /// </summary>
        internal IConnectorEndpoint? ResolveSimulationConnector(object? connection)
        {
            object? value = connection is PSObject wrapped ? wrapped.BaseObject : connection;
            switch (value)
            {
                case IConnectorEndpoint connector:
                    return connector;
                case Models.CallbackLabEmulator emulator:
                    return new LabEndpointsConnector(emulator.Emulator);
                case ILabEndpoints endpoints:
                    return new LabEndpointsConnector(endpoints);
                case null:
                    return DefaultEndpoints == null ? null : new LabEndpointsConnector(DefaultEndpoints);
                default:
                    throw new ArgumentException("-Connection takes a WxCC connection or lab endpoints, not a " + value.GetType().Name + ".", nameof(connection));
            }
        }
    }
}
