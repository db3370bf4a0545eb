using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Infrastructure;
using CallbackLab.Resources;
using Microsoft.PowerShell.Commands;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Reads a Flow Designer export (JSON) into a WxccFlow that Invoke-IvrSimulation and Test-WxccFlow take.</para>
    /// </summary>
    [Cmdlet(VerbsData.Import, "WxccFlow", DefaultParameterSetName = PathSet, HelpUri = HelpLinks.CmdletPages + "Import-WxccFlow.md")]
    [OutputType(typeof(WxccFlow))]
    public sealed class ImportWxccFlowCommand : CallbackLabCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private const string LabSet = "Lab";

        /// <summary>The export file(s); wildcards are expanded by the provider, as Get-Content does.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] Path { get; set; } = System.Array.Empty<string>();

        /// <summary>The export file(s), used exactly as written (no wildcards); binds PSPath from Get-ChildItem.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = System.Array.Empty<string>();

        /// <summary>Returns the lab flow that ships with the module.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LabSet)]
        public SwitchParameter Lab { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case LabSet:
                    WriteObject(LabFlow.Flow);
                    return;
                case LiteralPathSet:
                    foreach (string path in LiteralPath)
                    {
                        Load(path);
                    }

                    return;
                default:
                    foreach (string path in Path)
                    {
                        foreach (string file in Expand(path))
                        {
                            Load(file);
                        }
                    }

                    return;
            }
        }

        /// <summary>The files <paramref name="path"/> names; a pattern that matches nothing is a FlowFileNotFound error.</summary>
        private IEnumerable<string> Expand(string path)
        {
            if (!WildcardPattern.ContainsWildcardCharacters(path))
            {
                return new[] { path }; // a missing plain path is reported by the loader, with its full name
            }

            IList<string> resolved;
            ProviderInfo? provider;
            try
            {
                resolved = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider);
            }
            catch (ItemNotFoundException)
            {
                resolved = System.Array.Empty<string>();
                provider = null;
            }

            if (resolved.Count == 0 || provider == null)
            {
                WriteError(new ErrorRecord(
                    new FileNotFoundException(string.Format(CultureInfo.CurrentCulture, FlowStrings.FlowPatternMatchedNothing, path)),
                    ErrorIds.FlowFileNotFound, ErrorCategory.ObjectNotFound, path));
                return System.Array.Empty<string>();
            }

            if (provider.ImplementingType != typeof(FileSystemProvider))
            {
                WriteError(new ErrorRecord(
                    new PSArgumentException(string.Format(CultureInfo.CurrentCulture, FlowStrings.FlowPathNotFileSystem, path, provider.Name)),
                    ErrorIds.FlowPathNotFileSystem, ErrorCategory.InvalidArgument, path));
                return System.Array.Empty<string>();
            }

            return resolved;
        }

        private void Load(string file)
        {
            if (FlowFileLoader.TryLoad(SessionState, file, out ErrorRecord? error) is { } flow)
            {
                WriteObject(flow);
                return;
            }

            WriteError(error!);
        }
    }
}
