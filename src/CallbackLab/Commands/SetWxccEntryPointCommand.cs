using System.Globalization;
using System.Management.Automation;
using CallbackLab.Core.FlowStore;
using CallbackLab.Core.Http;
using CallbackLab.Core.Wxcc;
using CallbackLab.Infrastructure;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Points a WxCC entry point at a flow (flowId, and the version tag with -FlowTag): reads the entry point by id and PUTs it back whole.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "WxccEntryPoint", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.CmdletPages + "Set-WxccEntryPoint.md")]
    [OutputType(typeof(WxccEntryPoint))]
    public sealed class SetWxccEntryPointCommand : WxccCmdlet
    {
        /// <summary>The entry point id (Get-WxccEntryPoint's Id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("EntryPointId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>The flow the entry point runs from now on (Get-WxccFlow's Id, Publish-WxccFlow's FlowId).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string FlowId { get; set; } = string.Empty;

        /// <summary>Which version runs: Latest, Live, Test or Dev; default: the tag the entry point has.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("FlowTagId")]
        [ValidateSet("Latest", "Live", "Test", "Dev")]
        public string? FlowTag { get; set; }

        /// <summary>Outputs the entry point as the API answered the update.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            // Asked before the connection is resolved, so -WhatIf works (and sends nothing, not even the read) with nothing connected.
            if (!ShouldProcess(
                    string.Format(CultureInfo.CurrentCulture, FlowStoreStrings.SetEntryPointTarget, Id, FlowId, FlowTag ?? FlowStoreStrings.KeepTag),
                    FlowStoreStrings.SetEntryPointAction))
            {
                return;
            }

            WxccConnection connection = RequireConnection(Id);
            try
            {
                WxccEntryPoint updated = RunApi((http, token) => new EntryPointClient(connection, http).SetFlowAsync(Id, FlowId, FlowTag, token), connection);
                if (PassThru.IsPresent)
                {
                    WriteObject(updated);
                }
            }
            catch (OrganizationIdRequiredException ex)
            {
                ThrowTerminatingError(FlowStoreErrorRecords.OrgIdRequired(ex, Id));
            }
            catch (ApiException ex)
            {
                WriteError(FlowStoreErrorRecords.ApiFailure(ex, Id));
            }
        }
    }
}
