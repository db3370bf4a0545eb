using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using CallbackLab.Core.Http;
using CallbackLab.Core.Wxcc;
using CallbackLab.Infrastructure;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Runs the flow of an inbound entry point without a phone: a WxCC task with outboundType EXECUTE_FLOW (never retried after an ambiguous failure).</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "WxccFlowTest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.CmdletPages + "Invoke-WxccFlowTest.md")]
    [OutputType(typeof(WxccFlowTest))]
    public sealed class InvokeWxccFlowTestCommand : WxccCmdlet
    {
        /// <summary>The inbound entry point mapped to the flow (Get-WxccEntryPoint's Id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string EntryPointId { get; set; } = string.Empty;

        /// <summary>The caller number the flow sees (at most 36 characters).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Ani", "TacNumber")]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = string.Empty;

        /// <summary>The outdial ANI (mandatory for EXECUTE_FLOW per the API reference; without it none is sent and a warning says so).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Origin { get; set; }

        /// <summary>Attributes sent with the task (at most 30). Use [ordered]@{} to keep the order.</summary>
        [Parameter]
        public IDictionary? Attribute { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var task = new ExecuteFlowTaskRequest(EntryPointId, Destination, Origin) { Attributes = TaskAttributes.ToPairs(Attribute) };
            IReadOnlyList<string> problems = task.Validate();
            if (problems.Count > 0)
            {
                WriteError(new ArgumentException(string.Format(CultureInfo.CurrentCulture, FlowStoreStrings.InvalidFlowTest, string.Join(" ", problems))),
                    ErrorIds.InvalidFlowTest, ErrorCategory.InvalidArgument, task);
                return;
            }

            // Asked before the connection is resolved, so -WhatIf works (and sends nothing) with nothing connected.
            if (!ShouldProcess(
                    string.Format(CultureInfo.CurrentCulture, FlowStoreStrings.FlowTestTarget, EntryPointId, Destination, Origin ?? FlowStoreStrings.NoOrigin),
                    FlowStoreStrings.FlowTestAction))
            {
                return;
            }

            if (Origin is null)
            {
                WriteWarning(FlowStoreStrings.OriginMissingWarning);
            }

            WxccConnection connection = RequireConnection(task);
            try
            {
                WxccFlowTest started = RunApi(
                    (http, token) =>
                    {
                        var client = new FlowTestClient(connection, http);
                        return client.StartAsync(task, client.NewRequest(task), token);
                    },
                    connection);
                WriteObject(started);
            }
            catch (ApiException ex)
            {
                WriteError(FlowStoreErrorRecords.ApiFailure(ex, task));
            }
        }
    }
}
