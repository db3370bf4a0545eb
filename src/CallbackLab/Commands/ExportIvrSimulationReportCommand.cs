using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using CallbackLab.Infrastructure;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Writes simulation results as a Debug view of the call on the flow canvas: one self-contained HTML page, or a Mermaid flowchart.</para>
    /// </summary>
    [Cmdlet(VerbsData.Export, "IvrSimulationReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = HelpLinks.CmdletPages + "Export-IvrSimulationReport.md")]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportIvrSimulationReportCommand : SimulationReportCmdlet
    {
        /// <summary>The file to write (.html, or .md/.mmd for Mermaid).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("FilePath", "OutFile")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>The exports of the flows the results ran (WxccFlow objects or paths): the main flow and any subflow.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("FlowPath")]
        public object[]? Flow { get; set; }

        /// <summary>Html (default; Mermaid when -Path ends in .md or .mmd) or Mermaid.</summary>
        [Parameter]
        [ValidateSet(ReportInputs.Html, ReportInputs.Mermaid)]
        public string? Format { get; set; }

        /// <inheritdoc />
        protected override object[]? FlowsOfRecord => Flow;

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            string fullPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            if (Results.Count == 0)
            {
                WriteError(new ErrorRecord(new PSArgumentException(ReportStrings.NoResults), ErrorIds.NoSimulationResults, ErrorCategory.InvalidArgument, Path));
                return;
            }

            string? folder = System.IO.Path.GetDirectoryName(fullPath);
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            {
                WriteError(new ErrorRecord(
                    new DirectoryNotFoundException(string.Format(CultureInfo.CurrentCulture, ReportStrings.ReportFolderNotFound, fullPath, folder)),
                    ErrorIds.ReportFolderNotFound, ErrorCategory.ObjectNotFound, Path));
                return;
            }

            string format = Format ?? (fullPath.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || fullPath.EndsWith(".mmd", StringComparison.OrdinalIgnoreCase)
                ? ReportInputs.Mermaid : ReportInputs.Html);
            if (!ShouldProcess(fullPath, string.Format(CultureInfo.CurrentCulture, ReportStrings.ReportTarget, format, Results.Count)))
            {
                return;
            }

            if (!TryWritePage(fullPath, RenderReport(format), Path))
            {
                return;
            }

            var file = new FileInfo(fullPath);
            WriteVerbose(string.Format(CultureInfo.CurrentCulture, ReportStrings.ReportWritten, format, Results.Count, fullPath, file.Length));
            if (PassThru.IsPresent)
            {
                WriteObject(file);
            }
        }
    }
}
