using System.Globalization;
using System.Management.Automation;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Resources;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// Asks ShouldProcess before a simulated caller whose flow would send authenticated requests to a tenant that is not on
    /// this machine: such a run creates a real callback task. Runs against the emulator (loopback) are not asked about, so
    /// they never prompt and -WhatIf does not stop them.
    /// </summary>
    internal static class RemoteSimulationConsent
    {
        /// <summary>True when the caller may run; call on the pipeline thread.</summary>
        internal static bool Allows(Cmdlet cmdlet, WxccFlow flow, IvrSimulationOptions options)
        {
            IConnectorEndpoint? connector = options.Connector;
            if (connector == null || !ConnectorUse.ReachesRemoteTenant(flow, connector))
            {
                return true;
            }

            return cmdlet.ShouldProcess(
                string.Format(CultureInfo.CurrentCulture, FlowStrings.RemoteSimulationTarget, flow.Name, options.Ani, options.Dnis, connector.BaseUri),
                FlowStrings.RemoteSimulationAction);
        }
    }
}
