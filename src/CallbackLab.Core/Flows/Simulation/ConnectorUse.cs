using System;
using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.Activities;

namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>
    /// Whether a simulation can change a real tenant: a flow's authenticated HTTP Request activities (the WxCC_API connector,
    /// e.g. CallBackAPI_Request's <c>POST /v1/tasks</c>) are sent to the connector endpoint, which creates real callback tasks
    /// unless that endpoint is on this machine (the emulator).
    /// </summary>
    public static class ConnectorUse
    {
        /// <summary>True when the main flow or an event flow has an HTTP Request activity that goes through the connector.</summary>
        public static bool HasConnectorRequests(WxccFlow flow) =>
            flow.Activities.Concat(flow.EventFlows.Activities)
                .Any(a => a.Type == ActivityTypes.HttpRequest && HttpRequestHandler.IsAuthenticated(a));

        /// <summary>
        /// True when <paramref name="result"/>, a run of <paramref name="flow"/>, has a connector request that failed without
        /// being sent (no exchange was recorded): with no connector given, that is the request the missing connection stopped.
        /// </summary>
        public static bool HasUnsentConnectorRequest(WxccFlow flow, IvrSimulationResult result)
        {
            var connectorActivities = new HashSet<string>(
                flow.Activities.Concat(flow.EventFlows.Activities)
                    .Where(a => a.Type == ActivityTypes.HttpRequest && HttpRequestHandler.IsAuthenticated(a))
                    .Select(a => a.Id),
                StringComparer.Ordinal);
            return result.Steps.Any(s => !s.Succeeded && s.Http == null && connectorActivities.Contains(s.ActivityId));
        }

        /// <summary>True when a run of <paramref name="flow"/> through <paramref name="connector"/> can reach a host other than this machine.</summary>
        public static bool ReachesRemoteTenant(WxccFlow flow, IConnectorEndpoint? connector) =>
            connector != null && !connector.BaseUri.IsLoopback && HasConnectorRequests(flow);
    }
}
