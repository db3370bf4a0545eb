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
    /// <para type="synopsis">Creates a WxCC callback task (POST /v1/tasks) with the body the lab's OnGlobalError event flow sends.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "WxccCallbackTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.CmdletPages + "New-WxccCallbackTask.md")]
    [OutputType(typeof(WxccCallbackTask))]
    public sealed class NewWxccCallbackTaskCommand : WxccCmdlet
    {
        /// <summary>The outbound entry point id (a DynVars record's outboundcallbackep, the flow's outdialcbid).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("OutboundCallbackEp", "outdialcbid")]
        [ValidateNotNullOrEmpty]
        public string EntryPointId { get; set; } = string.Empty;

        /// <summary>The number to call (a DynVars record's tacnumber, the flow's customANI).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("TacNumber", "customANI")]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = string.Empty;

        /// <summary>The task's attributes; default the lab's {"Message":"tester","To Queue":"sales"}. Use [ordered]@{} to keep the order.</summary>
        [Parameter]
        public IDictionary? Attribute { get; set; }

        /// <summary>The outdial ANI; the lab sends none (WxCC then uses its default).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Origin { get; set; }

        /// <summary>CALLBACK (default), OUTDIAL or EXECUTE_FLOW.</summary>
        [Parameter]
        [ValidateSet("CALLBACK", "OUTDIAL", "EXECUTE_FLOW")]
        public string OutboundType { get; set; } = "CALLBACK";

        /// <summary>web (default).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string CallbackOrigin { get; set; } = "web";

        /// <summary>immediate (default).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string CallbackType { get; set; } = "immediate";

        /// <summary>telephony (default).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string MediaType { get; set; } = "telephony";

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var task = new CallbackTaskRequest(EntryPointId, Destination)
            {
                Attributes = TaskAttributes.ToPairs(Attribute),
                Origin = Origin,
                OutboundType = OutboundType,
                CallbackOrigin = CallbackOrigin,
                CallbackType = CallbackType,
                MediaType = MediaType,
            };
            IReadOnlyList<string> problems = task.Validate();
            if (problems.Count > 0)
            {
                WriteError(
                    new ArgumentException(string.Format(CultureInfo.CurrentCulture, ApiStrings.InvalidCallbackTask, string.Join(" ", problems))),
                    ErrorIds.InvalidCallbackTask, ErrorCategory.InvalidArgument, task);
                return;
            }

            // Asked before the connection is resolved, so -WhatIf works (and sends nothing) with nothing connected.
            if (!ShouldProcess(
                    string.Format(CultureInfo.CurrentCulture, ApiStrings.CreateTaskTarget, EntryPointId, Destination),
                    string.Format(CultureInfo.CurrentCulture, ApiStrings.CreateTaskAction, Destination)))
            {
                return;
            }

            WxccConnection connection = RequireConnection(task);

            try
            {
                WxccCallbackTask created = RunApi(
                    (http, token) =>
                    {
                        var wxcc = new WxccClient(connection, http);
                        return wxcc.CreateCallbackTaskAsync(task, wxcc.NewCreateTaskRequest(task), token);
                    },
                    connection);
                WriteObject(created);
            }
            catch (ApiException ex)
            {
                WriteApiError(ex);
            }
        }
    }
}
