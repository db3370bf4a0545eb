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
    [Cmdlet(VerbsCommon.New, "DynVars", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = HelpLinks.CmdletPages + "New-DynVars.md")]
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

        /// <summary>
        /// The pipeline row (e.g. from Import-Csv). Its dn, outboundcallbackep and tacnumber bind to the parameters above;
        /// other columns are not sent, and the cmdlet says so once, so a CSV column is never dropped silently.
        /// </summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        private bool _warnedIgnoredColumns;

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            WarnIfChangingThePublicLabProject();
            WarnAboutIgnoredColumns();
            JObject fields = FieldsOrStop(Dn, OutboundCallbackEp, TacNumber, Property);

            Uri target = Session.Defaults.MockApiUriFor(MockApiUri);
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

        private void WarnAboutIgnoredColumns()
        {
            // Rows are what this is for; a DynVarsRecord piped in (copying records) binds its three fields by design.
            if (_warnedIgnoredColumns || InputObject is null || InputObject.BaseObject is string || InputObject.BaseObject is DynVarsRecord)
            {
                return;
            }

            var ignored = new System.Collections.Generic.List<string>();
            foreach (PSPropertyInfo column in InputObject.Properties)
            {
                if (!IsBoundColumn(column.Name) && (Property is null || !Property.Contains(column.Name)))
                {
                    ignored.Add(column.Name);
                }
            }

            if (ignored.Count > 0)
            {
                _warnedIgnoredColumns = true;
                WriteWarning(string.Format(CultureInfo.CurrentCulture, ApiStrings.IgnoredColumns, string.Join(", ", ignored)));
            }
        }

        private bool IsBoundColumn(string name)
        {
            foreach (string parameter in new[] { nameof(Dn), nameof(OutboundCallbackEp), nameof(TacNumber), nameof(MockApiUri) })
            {
                if (string.Equals(name, parameter, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                foreach (string alias in MyInvocation.MyCommand.Parameters[parameter].Aliases)
                {
                    if (string.Equals(name, alias, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
