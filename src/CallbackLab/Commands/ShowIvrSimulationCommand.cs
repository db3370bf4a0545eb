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
    /// <para type="synopsis">Shows simulation results as a Debug view in the default browser: writes the HTML report to a temporary file and opens it.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Show, "IvrSimulation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = HelpLinks.CmdletPages + "Show-IvrSimulation.md")]
    [OutputType(typeof(FileInfo))]
    public sealed class ShowIvrSimulationCommand : CallbackLabCmdlet
    {
        private readonly List<IvrSimulationResult> _results = new List<IvrSimulationResult>();
        private readonly List<object> _flows = new List<object>();

        /// <summary>The simulation results (from Invoke-IvrSimulation); several make one page with a run selector.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public IvrSimulationResult[] InputObject { get; set; } = Array.Empty<IvrSimulationResult>();

        /// <summary>The exports of the flows the results ran (WxccFlow objects or paths): the main flow and any subflow.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FlowPath")]
        public object[]? Flow { get; set; }

        /// <summary>Paints the activities and ports that no run took red.</summary>
        [Parameter]
        public SwitchParameter Coverage { get; set; }

        /// <summary>The page title; the flow names and the number of runs by default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        /// <summary>Returns the temporary file.</summary>
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
            if (_results.Count == 0)
            {
                WriteError(new ErrorRecord(new PSArgumentException(ReportStrings.NoResults), "NoSimulationResults", ErrorCategory.InvalidArgument, null));
                return;
            }

            string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(),
                "CallbackLab-" + DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N").Substring(0, 6) + ".html");
            if (!ShouldProcess(path, ReportStrings.ShowAction))
            {
                return;
            }

            List<WxccFlow> flows = ReportInputs.LoadFlows(this, _flows);
            SimulationReport report = ReportInputs.Build(this, _results, flows);
            try
            {
                File.WriteAllText(path, ReportInputs.Render(report, ReportInputs.Html, Title ?? ReportInputs.DefaultTitle(_results), Coverage.IsPresent),
                    new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(new IOException(string.Format(CultureInfo.CurrentCulture, ReportStrings.ReportWriteFailed, path, ex.Message), ex),
                    "ReportWriteFailed", ErrorCategory.WriteError, path));
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
