using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using CallbackLab.Completion;
using CallbackLab.Core.Http;
using CallbackLab.Core.MockApi;
using CallbackLab.Infrastructure;
using CallbackLab.Resources;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Changes fields of a DynVars record in MockAPI.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "DynVars", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.CmdletPages + "Set-DynVars.md")]
    [OutputType(typeof(DynVarsRecord))]
    public sealed class SetDynVarsCommand : DynVarsCmdlet
    {
        /// <summary>The record's MockAPI id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DynVarsIdCompleter))]
        public string Id { get; set; } = string.Empty;

        /// <summary>A new dn.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Dn { get; set; }

        /// <summary>A new outbound entry point id.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("outdialcbid", "EntryPointId")]
        [ValidateNotNullOrEmpty]
        public string? OutboundCallbackEp { get; set; }

        /// <summary>A new callback number.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("customANI", "Destination")]
        [ValidateNotNullOrEmpty]
        public string? TacNumber { get; set; }

        /// <summary>Other fields to set.</summary>
        [Parameter]
        public IDictionary? Property { get; set; }

        /// <summary>Writes the record as stored after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            WarnIfChangingThePublicLabProject();
            JObject fields = FieldsOrStop(Dn, OutboundCallbackEp, TacNumber, Property);

            if (fields.Count == 0)
            {
                WriteError(new ArgumentException(ApiStrings.NoFieldsToSet), ErrorIds.NoFieldsToSet, ErrorCategory.InvalidArgument, Id);
                return;
            }

            string target = string.Format(CultureInfo.CurrentCulture, ApiStrings.DynVarsRecordTarget, fields.ToString(Newtonsoft.Json.Formatting.None), Id);
            if (!ShouldProcess(target, ApiStrings.UpdateDynVarsAction))
            {
                return;
            }

            try
            {
                DynVarsRecord updated = RunApi((http, token) =>
                {
                    MockApiClient client = Client(http);
                    return client.UpdateAsync(client.NewUpdateRequest(Id, fields), token);
                });
                ReportProgress(Id, true);
                if (PassThru.IsPresent)
                {
                    WriteObject(DynVarsOutput.ToPSObject(updated));
                }
            }
            catch (ApiException ex)
            {
                ReportProgress(Id, false);
                WriteApiError(ex);
            }
        }
    }
}
