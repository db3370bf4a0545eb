using System.Globalization;
using System.IO;
using System.Management.Automation;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Infrastructure;
using CallbackLab.Resources;

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
                string fullPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
                if (!File.Exists(fullPath))
                {
                    WriteError(new FileNotFoundException(string.Format(CultureInfo.CurrentCulture, FlowStrings.FlowFileNotFound, fullPath), fullPath),
                        "FlowFileNotFound", ErrorCategory.ObjectNotFound, path);
                    continue;
                }

                try
                {
                    WriteObject(WxccFlowReader.Load(fullPath));
                }
                catch (FlowFormatException ex)
                {
                    WriteError(ex, "InvalidFlowExport", ErrorCategory.InvalidData, path);
                }
                catch (IOException ex)
                {
                    WriteError(ex, "FlowFileUnreadable", ErrorCategory.ReadError, path);
                }
            }
        }
    }
}
