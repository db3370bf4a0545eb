using System;
using System.Management.Automation;
using CallbackLab.Core;
using CallbackLab.Core.Flows.Http;

namespace CallbackLab.Infrastructure
{
    /// <summary>Where simulations send their requests: explicit parameters first, then the session's default endpoints.</summary>
    internal sealed partial class CallbackLabSession
    {
        /// <summary>The MockAPI prefix a simulation swaps in for the flow's: <paramref name="explicitUri"/>, else the session default's.</summary>
        internal Uri? ResolveSimulationMockApiUri(Uri? explicitUri) => explicitUri ?? DefaultEndpoints?.MockApiUri;

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
