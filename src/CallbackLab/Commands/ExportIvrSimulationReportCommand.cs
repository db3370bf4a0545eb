using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Text;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Reports;
using CallbackLab.Infrastructure;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Writes simulation results as a Debug view of the call on the flow canvas: one self-contained HTML page, or a Mermaid flowchart.</para>
    /// </summary>
    [Cmdlet(VerbsData.Export, "IvrSimulationReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = HelpLinks.CmdletPages + "Export-IvrSimulationReport.md")]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportIvrSimulationReportCommand : CallbackLabCmdlet
    {
        private readonly List<IvrSimulationResult> _results = new List<IvrSimulationResult>();
        private readonly List<object> _flows = new List<object>();

        /// <summary>The simulation results (from Invoke-IvrSimulation); several make one page with a run selector.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public IvrSimulationResult[] InputObject { get; set; } = Array.Empty<IvrSimulationResult>();

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

        /// <summary>Paints the activities and ports that no run of the report took red.</summary>
        [Parameter]
        public SwitchParameter Coverage { get; set; }

        /// <summary>The page title; the flow names and the number of runs by default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        /// <summary>Returns the file written.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (IvrSimulationResult result in InputObject)
            {
                if (result != null)
                {
                    _results.Add(result);
                }
            }

            // -Flow may also come with each piped object (by property name): keep every one, once.
            foreach (object flow in Flow ?? Array.Empty<object>())
            {
                if (!_flows.Contains(flow))
                {
                    _flows.Add(flow);
                }
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            string fullPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            if (_results.Count == 0)
            {
                WriteError(new ErrorRecord(new PSArgumentException(ReportStrings.NoResults), "NoSimulationResults", ErrorCategory.InvalidArgument, Path));
                return;
            }

            string? folder = System.IO.Path.GetDirectoryName(fullPath);
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            {
                WriteError(new ErrorRecord(
                    new DirectoryNotFoundException(string.Format(CultureInfo.CurrentCulture, ReportStrings.ReportFolderNotFound, fullPath, folder)),
                    "ReportFolderNotFound", ErrorCategory.ObjectNotFound, Path));
                return;
            }

            string format = Format ?? (fullPath.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || fullPath.EndsWith(".mmd", StringComparison.OrdinalIgnoreCase)
                ? ReportInputs.Mermaid : ReportInputs.Html);
            if (!ShouldProcess(fullPath, string.Format(CultureInfo.CurrentCulture, ReportStrings.ReportTarget, format, _results.Count)))
            {
                return;
            }

            List<WxccFlow> flows = ReportInputs.LoadFlows(this, _flows);
            SimulationReport report = ReportInputs.Build(this, _results, flows);
            string text = ReportInputs.Render(report, format, Title ?? ReportInputs.DefaultTitle(_results), Coverage.IsPresent);
            try
            {
                File.WriteAllText(fullPath, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(new IOException(string.Format(CultureInfo.CurrentCulture, ReportStrings.ReportWriteFailed, fullPath, ex.Message), ex),
                    "ReportWriteFailed", ErrorCategory.WriteError, Path));
                return;
            }

            var file = new FileInfo(fullPath);
            WriteVerbose(string.Format(CultureInfo.CurrentCulture, ReportStrings.ReportWritten, format, _results.Count, fullPath, file.Length));
            if (PassThru.IsPresent)
            {
                WriteObject(file);
            }
        }
    }
}
