using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Text;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Reports;
using CallbackLab.Resources;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// What the report cmdlets share: results gathered from the pipeline, the flow exports they ran (each once), the
    /// page's title and coverage marks, and writing the page. The derived cmdlet decides where the page goes.
    /// </summary>
    public abstract class SimulationReportCmdlet : CallbackLabCmdlet
    {
        private readonly List<IvrSimulationResult> _results = new List<IvrSimulationResult>();
        private readonly List<object> _flows = new List<object>();

        /// <summary>The simulation results (from Invoke-IvrSimulation); several make one page with a run selector.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public IvrSimulationResult[] InputObject { get; set; } = Array.Empty<IvrSimulationResult>();

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

        /// <summary>The results gathered so far.</summary>
        protected IReadOnlyList<IvrSimulationResult> Results => _results;

        /// <summary>The flow exports named with this record (the derived cmdlet's -Flow).</summary>
        protected abstract object[]? FlowsOfRecord { get; }

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
            foreach (object flow in FlowsOfRecord ?? Array.Empty<object>())
            {
                if (!_flows.Contains(flow))
                {
                    _flows.Add(flow);
                }
            }
        }

        /// <summary>Builds the report of every gathered result and renders it in <paramref name="format"/>.</summary>
        protected string RenderReport(string format)
        {
            List<WxccFlow> flows = ReportInputs.LoadFlows(this, _flows);
            SimulationReport report = ReportInputs.Build(this, _results, flows);
            return ReportInputs.Render(report, format, Title ?? ReportInputs.DefaultTitle(_results), Coverage.IsPresent);
        }

        /// <summary>Writes the page as UTF-8 without a byte order mark; false after a non-terminating WriteError.</summary>
        protected bool TryWritePage(string fullPath, string text, object errorTarget)
        {
            try
            {
                File.WriteAllText(fullPath, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                return true;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(new IOException(string.Format(CultureInfo.CurrentCulture, ReportStrings.ReportWriteFailed, fullPath, ex.Message), ex),
                    ErrorIds.ReportWriteFailed, ErrorCategory.WriteError, errorTarget));
                return false;
            }
        }
    }
}
