using System.Globalization;
using System.Management.Automation;
using CallbackLab.Completion;
using CallbackLab.Core.Http;
using CallbackLab.Core.MockApi;
using CallbackLab.Infrastructure;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Deletes a DynVars record from MockAPI.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "DynVars", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.CmdletPages + "Remove-DynVars.md")]
    [OutputType(typeof(DynVarsRecord))]
    public sealed class RemoveDynVarsCommand : DynVarsCmdlet
    {
        /// <summary>The record's MockAPI id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DynVarsIdCompleter))]
        public string Id { get; set; } = string.Empty;

        /// <summary>Writes the deleted record.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            WarnIfChangingThePublicLabProject();
            string target = string.Format(CultureInfo.CurrentCulture, ApiStrings.DynVarsRecordTarget, Session.Defaults.MockApiUriFor(MockApiUri), Id);
            if (!ShouldProcess(target, ApiStrings.RemoveDynVarsAction))
            {
                return;
            }

            try
            {
                DynVarsRecord? removed = RunApi((http, token) =>
                {
                    MockApiClient client = Client(http);
                    return client.DeleteAsync(client.NewDeleteRequest(Id), token);
                });
                ReportProgress(Id, true);
                if (PassThru.IsPresent && removed != null)
                {
                    WriteObject(DynVarsOutput.ToPSObject(removed));
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
