using System.Collections.Generic;
using System.Management.Automation;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Reports;
using CallbackLab.Infrastructure;
using CallbackLab.Models;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Measures which activities, ports and event flows of a flow a set of simulated calls covered.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "FlowCoverage", HelpUri = HelpLinks.CmdletPages + "Measure-FlowCoverage.md")]
    [OutputType(typeof(FlowCoverage))]
    public sealed class MeasureFlowCoverageCommand : CallbackLabCmdlet
    {
        private readonly List<IvrSimulationResult> _results = new List<IvrSimulationResult>();
        private WxccFlow? _flow;

        /// <summary>The flow to measure: a WxccFlow or the path of an export; the lab flow when omitted.</summary>
        [Parameter(Position = 0)]
        [WxccFlowTransformation]
        [Alias("FlowPath")]
        public WxccFlowSource? Flow { get; set; }

        /// <summary>The simulation results (from Invoke-IvrSimulation).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [AllowEmptyCollection]
        public IvrSimulationResult[] InputObject { get; set; } = System.Array.Empty<IvrSimulationResult>();

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            if (Flow == null)
            {
                _flow = Core.Flows.Lab.LabFlow.Flow;
                return;
            }

            _flow = FlowFileLoader.TryLoad(SessionState, Flow, out ErrorRecord? error);
            if (_flow == null)
            {
                ThrowTerminatingError(error!);
            }
        }

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
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            WriteObject(FlowCoverageCalculator.Measure(_flow!, _results));
        }
    }
}
