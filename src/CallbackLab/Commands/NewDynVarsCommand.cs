using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using CallbackLab.Core.Http;
using CallbackLab.Core.MockApi;
using CallbackLab.Infrastructure;
using CallbackLab.Resources;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a DynVars record in MockAPI: the dialled number, its outbound entry point and the number to call back.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DynVars", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(DynVarsRecord))]
    public sealed class NewDynVarsCommand : DynVarsCmdlet
    {
        /// <summary>The dialled number without +1, e.g. 4694096861.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Dn { get; set; } = string.Empty;

        /// <summary>The outbound entry point id the callback uses.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("outdialcbid", "EntryPointId")]
        [ValidateNotNullOrEmpty]
        public string OutboundCallbackEp { get; set; } = string.Empty;

        /// <summary>The number the callback dials.</summary>
        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [Alias("customANI", "Destination")]
        [ValidateNotNullOrEmpty]
        public string TacNumber { get; set; } = string.Empty;

        /// <summary>Other fields to store on the record.</summary>
        [Parameter]
        public IDictionary? Property { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            WarnIfChangingThePublicLabProject();
            JObject fields = FieldsOrStop(Dn, OutboundCallbackEp, TacNumber, Property);

            Uri target = Session.ResolveMockApiUri(MockApiUri);
            if (!ShouldProcess(
                    string.Format(CultureInfo.CurrentCulture, ApiStrings.DynVarsCreateTarget, Dn, OutboundCallbackEp, TacNumber, target),
                    ApiStrings.CreateDynVarsAction))
            {
                return;
            }

            try
            {
                DynVarsRecord created = RunApi((http, token) =>
                {
                    MockApiClient client = Client(http);
                    return client.CreateAsync(client.NewCreateRequest(fields), token);
                });
                ReportProgress(Dn, true);
                WriteObject(DynVarsOutput.ToPSObject(created));
            }
            catch (ApiException ex)
            {
                ReportProgress(Dn, false);
                ErrorRecord record = ApiErrorRecords.Create(ex);
                if (MockApiClient.IsRecordLimitReached(ex))
                {
                    record.ErrorDetails = new ErrorDetails(string.Format(CultureInfo.CurrentCulture, ApiStrings.RecordLimitReached, Dn))
                    {
                        RecommendedAction = ApiStrings.RecordLimitAction,
                    };
                }

                WriteError(record);
            }
        }
    }
}
