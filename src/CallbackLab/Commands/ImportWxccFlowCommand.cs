using System.Management.Automation;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Infrastructure;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Reads a Flow Designer export (JSON) into a WxccFlow that Invoke-IvrSimulation and Test-WxccFlow take.</para>
    /// </summary>
    [Cmdlet(VerbsData.Import, "WxccFlow", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(WxccFlow))]
    public sealed class ImportWxccFlowCommand : CallbackLabCmdlet
    {
        private const string PathSet = "Path";
        private const string LabSet = "Lab";

        /// <summary>The export file(s).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "PSPath")]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = new string[0];

        /// <summary>Returns the lab flow that ships with the module.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LabSet)]
        public SwitchParameter Lab { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (ParameterSetName == LabSet)
            {
                WriteObject(LabFlow.Flow);
                return;
            }

            foreach (string path in Path)
            {
                if (FlowFileLoader.TryLoad(SessionState, path, out ErrorRecord? error) is { } flow)
                {
                    WriteObject(flow);
                }
                else
                {
                    WriteError(error!);
                }
            }
        }
    }
}
