using System.Linq;
using System.Management.Automation;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Subflows;
using CallbackLab.Core.Flows.Validation;
using CallbackLab.Infrastructure;
using CallbackLab.Models;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Checks a flow for broken links, unreachable activities, unwired menu ports, expressions that do not parse and references to things that do not exist.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "WxccFlow", HelpUri = HelpLinks.CmdletPages + "Test-WxccFlow.md")]
    [OutputType(typeof(FlowFinding), typeof(bool))]
    public sealed class TestWxccFlowCommand : CallbackLabCmdlet
    {
        /// <summary>The flow: a WxccFlow or the path of an export.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "Path")]
        [WxccFlowTransformation]
        public WxccFlowSource? Flow { get; set; }

        /// <summary>The lowest severity to report (Information by default: everything).</summary>
        [Parameter]
        public FindingSeverity MinimumSeverity { get; set; } = FindingSeverity.Information;

        /// <summary>Subflow exports (files or folders): each Subflow activity's subflow must be among them, with the variables it maps.</summary>
        [Parameter]
        [Alias("SubflowLibrary")]
        [ValidateNotNullOrEmpty]
        public string[]? SubflowPath { get; set; }

        private SubflowLibrary? _subflows;

        /// <summary>Returns only True (no errors) or False.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            if (SubflowPath != null)
            {
                _subflows = SubflowLibraryLoader.TryLoad(SessionState, SubflowPath, out ErrorRecord? error);
                if (_subflows == null)
                {
                    ThrowTerminatingError(error!);
                }
            }
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (FlowFileLoader.TryLoad(SessionState, Flow!, out ErrorRecord? error) is not { } flow)
            {
                WriteError(error!);
                return;
            }

            var findings = FlowValidator.Validate(flow, _subflows);
            if (Quiet.IsPresent)
            {
                WriteObject(findings.All(f => f.Severity != FindingSeverity.Error));
                return;
            }

            foreach (FlowFinding finding in findings.Where(f => f.Severity >= MinimumSeverity))
            {
                WriteObject(finding);
            }
        }
    }
}
