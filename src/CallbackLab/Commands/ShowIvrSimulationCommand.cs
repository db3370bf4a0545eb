using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using CallbackLab.Infrastructure;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Shows simulation results as a Debug view in the default browser: writes the HTML report to a temporary file and opens it.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Show, "IvrSimulation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = HelpLinks.CmdletPages + "Show-IvrSimulation.md")]
    [OutputType(typeof(FileInfo))]
    public sealed class ShowIvrSimulationCommand : SimulationReportCmdlet
    {
        /// <summary>The exports of the flows the results ran (WxccFlow objects or paths): the main flow and any subflow.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FlowPath")]
        public object[]? Flow { get; set; }

        /// <inheritdoc />
        protected override object[]? FlowsOfRecord => Flow;

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (Results.Count == 0)
            {
                WriteError(new ErrorRecord(new PSArgumentException(ReportStrings.NoResults), ErrorIds.NoSimulationResults, ErrorCategory.InvalidArgument, null));
                return;
            }

            string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(),
                "CallbackLab-" + DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N").Substring(0, 6) + ".html");
            if (!ShouldProcess(path, ReportStrings.ShowAction))
            {
                return;
            }

            if (!TryWritePage(path, RenderReport(ReportInputs.Html), path))
            {
                return;
            }

            if (DefaultBrowser.TryOpen(path, out string reason))
            {
                WriteVerbose(string.Format(CultureInfo.CurrentCulture, ReportStrings.BrowserOpened, path));
            }
            else
            {
                WriteWarning(string.Format(CultureInfo.CurrentCulture, ReportStrings.NoBrowser, reason, path));
            }

            if (PassThru.IsPresent)
            {
                WriteObject(new FileInfo(path));
            }
        }
    }
}
