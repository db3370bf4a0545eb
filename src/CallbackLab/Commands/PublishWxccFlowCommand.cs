using System;
using System.Globalization;
using System.Management.Automation;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.FlowStore;
using CallbackLab.Core.Http;
using CallbackLab.Core.Wxcc;
using CallbackLab.Infrastructure;
using CallbackLab.Models;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Imports a flow export into the tenant's Flow Store (multipart; a name clash is an error unless -Overwrite) and publishes it with a comment and tags.</para>
    /// </summary>
    [Cmdlet(VerbsData.Publish, "WxccFlow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.CmdletPages + "Publish-WxccFlow.md")]
    [OutputType(typeof(WxccPublishedFlow))]
    public sealed class PublishWxccFlowCommand : WxccCmdlet
    {
        /// <summary>The export: a file path (Path, FullName from Get-ChildItem) or a WxccFlow (Import-WxccFlow, Export-WxccFlow -PassThru).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Path", "FullName")]
        [WxccFlowTransformation]
        public WxccFlowSource? Flow { get; set; }

        /// <summary>The flow's name on the tenant; default the export's name. Not bound from the pipeline (a file's Name is its file name).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Replaces a flow of the same name (overwrite=yes); without it a clash is a WxccFlowExists error.</summary>
        [Parameter]
        public SwitchParameter Overwrite { get; set; }

        /// <summary>Tags the published version gets: Live, Test, Dev.</summary>
        [Parameter]
        [ValidateSet("Live", "Test", "Dev")]
        public string[]? Tag { get; set; }

        /// <summary>The version comment; default "Published with CallbackLab".</summary>
        [Parameter]
        [ValidateNotNull]
        public string? Comment { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (FlowFileLoader.TryLoad(SessionState, Flow!, out ErrorRecord? error) is not { } flow)
            {
                WriteError(error!);
                return;
            }

            FlowImport import;
            try
            {
                import = FlowImport.FromFlow(flow, Name, Overwrite.IsPresent);
            }
            catch (ArgumentException ex)
            {
                WriteError(new PSArgumentException(string.Format(CultureInfo.CurrentCulture, FlowStoreStrings.FlowNotExported, flow.Name), ex),
                    ErrorIds.FlowNotExported, ErrorCategory.InvalidData, flow);
                return;
            }

            string tags = Tag is { Length: > 0 } ? string.Join(",", Tag) : FlowStoreStrings.NoTags;
            // Asked before the connection is resolved, so -WhatIf works (and sends nothing) with nothing connected.
            if (!ShouldProcess(
                    string.Format(CultureInfo.CurrentCulture, FlowStoreStrings.PublishTarget, import.Name, flow.Source ?? flow.Name, Overwrite.IsPresent ? "yes" : "no", tags),
                    FlowStoreStrings.PublishAction))
            {
                return;
            }

            WxccConnection connection = RequireConnection(import.Name);
            string comment = Comment ?? FlowStoreStrings.DefaultPublishComment;
            try
            {
                WxccPublishedFlow published = RunApi(
                    (http, token) => new FlowStoreClient(connection, http).ImportAndPublishAsync(import, comment, Tag ?? Array.Empty<string>(), token),
                    connection);
                WriteObject(published);
            }
            catch (OrganizationIdRequiredException ex)
            {
                ThrowTerminatingError(FlowStoreErrorRecords.OrgIdRequired(ex, import.Name));
            }
            catch (FlowNameConflictException ex)
            {
                WriteError(FlowStoreErrorRecords.FlowExists(ex));
            }
            catch (ApiException ex)
            {
                WriteError(FlowStoreErrorRecords.ApiFailure(ex, import.Name));
            }
        }
    }
}
