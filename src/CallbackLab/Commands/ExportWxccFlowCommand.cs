using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using CallbackLab.Completion;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.FlowStore;
using CallbackLab.Core.Http;
using CallbackLab.Core.Wxcc;
using CallbackLab.Infrastructure;
using CallbackLab.Resources;
using Microsoft.PowerShell.Commands;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Saves a flow's export from the tenant's Flow Store (draft, latest or a version id) as a file, or passes it on as a WxccFlow.</para>
    /// </summary>
    [Cmdlet(VerbsData.Export, "WxccFlow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = HelpLinks.CmdletPages + "Export-WxccFlow.md")]
    [OutputType(typeof(FileInfo), typeof(WxccFlow))]
    public sealed class ExportWxccFlowCommand : WxccCmdlet
    {
        private readonly Dictionary<string, string> _filesWritten = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The flow id, bound from the pipeline: a WxccFlow's FlowId, else Get-WxccFlow's Id. Named FlowId because PowerShell binds a
        /// parameter's own name before its aliases, and a WxccFlow's Id is its version id.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string FlowId { get; set; } = string.Empty;

        /// <summary>The flow's name, for the file name in a folder (bound from Get-WxccFlow's Name); default the export's name.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("FlowName")]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Draft, Latest (default) or a version id. Deliberately not bound from the pipeline: a listing's Version is a number, not an id.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(FlowVersionCompleter))]
        [ValidateNotNullOrEmpty]
        public string Version { get; set; } = "Latest";

        /// <summary>A folder (created when missing; the file is &lt;name&gt;.json) or a .json file. Default: the current folder, unless -PassThru.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>Outputs the export as a WxccFlow instead of the file (without -Path no file is written).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            string label = Name ?? FlowId;
            string? file = null;
            if (Path != null || !PassThru.IsPresent)
            {
                file = TargetFile(label);
                if (file is null)
                {
                    return;
                }

                if (_filesWritten.TryGetValue(file, out string? earlier) && !string.Equals(earlier, FlowId, StringComparison.Ordinal))
                {
                    WriteError(new IOException(string.Format(CultureInfo.CurrentCulture, FlowStoreStrings.ExportFileTaken, file)),
                        ErrorIds.ExportFileTaken, ErrorCategory.WriteError, label);
                    return;
                }

                // Asked before anything is sent, so -WhatIf needs no connection and sends nothing.
                if (!ShouldProcess(string.Format(CultureInfo.CurrentCulture, FlowStoreStrings.ExportTarget, label, FlowStoreClient.NormalizeVersion(Version), file),
                        FlowStoreStrings.ExportAction))
                {
                    return;
                }
            }

            WxccConnection connection = RequireConnection(FlowId);
            FlowExport export;
            try
            {
                export = RunApi((http, token) => new FlowStoreClient(connection, http).ExportFlowAsync(FlowId, Version, token), connection);
            }
            catch (OrganizationIdRequiredException ex)
            {
                ThrowTerminatingError(FlowStoreErrorRecords.OrgIdRequired(ex, FlowId));
                return;
            }
            catch (ApiException ex)
            {
                WriteError(FlowStoreErrorRecords.ApiFailure(ex, label));
                return;
            }

            if (file != null && !TryWrite(file, export, label))
            {
                return;
            }

            if (!PassThru.IsPresent)
            {
                // Through the provider, so the file carries PSPath and friends and formats like Get-ChildItem's.
                WriteObject(SessionState.InvokeProvider.Item.Get(new[] { file! }, force: true, literalPath: true), enumerateCollection: true);
                return;
            }

            try
            {
                WriteObject(export.ToFlow(file));
            }
            catch (FlowFormatException ex)
            {
                WriteError(ex, ErrorIds.InvalidFlowExport, ErrorCategory.InvalidData, label);
            }
        }

        /// <summary>The file to write: -Path itself when it names a .json file, else &lt;name&gt;.json in the folder -Path (or the current folder) names.</summary>
        private string? TargetFile(string label)
        {
            string path = Path ?? ".";
            string full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out ProviderInfo provider, out _);
            if (provider.ImplementingType != typeof(FileSystemProvider))
            {
                WriteError(new PSArgumentException(string.Format(CultureInfo.CurrentCulture, FlowStoreStrings.ExportPathNotFileSystem, path, provider.Name)),
                    ErrorIds.ExportPathNotFileSystem, ErrorCategory.InvalidArgument, path);
                return null;
            }

            bool isFile = !Directory.Exists(full) && full.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
            return isFile ? full : System.IO.Path.Combine(full, FileName(label));
        }

        private bool TryWrite(string file, FlowExport export, string label)
        {
            try
            {
                string? folder = System.IO.Path.GetDirectoryName(file);
                if (!string.IsNullOrEmpty(folder))
                {
                    Directory.CreateDirectory(folder);
                }

                // The export exactly as the Flow Store sent it, UTF-8 without a BOM, as Flow Designer's Export saves it.
                File.WriteAllText(file, export.Json, new UTF8Encoding(false));
                _filesWritten[file] = FlowId;
                WriteVerbose(string.Format(CultureInfo.CurrentCulture, "{0} -> {1}", export.Uri.AbsolutePath, file));
                return true;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(ex, ErrorIds.ExportWriteFailed, ErrorCategory.WriteError, label);
                return false;
            }
        }

        private static string FileName(string name)
        {
            char[] invalid = System.IO.Path.GetInvalidFileNameChars();
            return new string(name.Select(c => Array.IndexOf(invalid, c) >= 0 ? '_' : c).ToArray()) + ".json";
        }
    }
}
