using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using CallbackLab.Core.Emulator.Runs;
using CallbackLab.Infrastructure;
using CallbackLab.Models;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the flow runs an emulator made for EXECUTE_FLOW tasks (Invoke-WxccFlowTest), each with the simulated call as an IvrSimulationResult.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CallbackLabRun", DefaultParameterSetName = DefaultSet, HelpUri = HelpLinks.CmdletPages + "Get-CallbackLabRun.md")]
    [OutputType(typeof(EmulatorRun))]
    public sealed class GetCallbackLabRunCommand : EmulatorTargetCmdlet
    {
        /// <summary>Only the runs of these tasks (the task id <c>data.id</c> the EXECUTE_FLOW request was answered with).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("TaskId", "RunId")]
        public string[]? Id { get; set; }

        /// <summary>Only the runs on this inbound entry point.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? EntryPointId { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            CallbackLabEmulator? target = ResolveTarget();
            if (target == null)
            {
                return;
            }

            IReadOnlyList<EmulatorRun> runs = target.Emulator.Runs;
            IEnumerable<EmulatorRun> onEntryPoint = runs.Where(r => EntryPointId == null || string.Equals(r.EntryPointId, EntryPointId, StringComparison.OrdinalIgnoreCase));
            if (Id == null)
            {
                WriteObject(onEntryPoint, enumerateCollection: true);
                return;
            }

            List<EmulatorRun> candidates = onEntryPoint.ToList();
            foreach (string id in Id)
            {
                EmulatorRun? run = candidates.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
                if (run == null)
                {
                    // A wrong id is one miss among others: the pipeline goes on.
                    WriteError(
                        new ItemNotFoundException(string.Format(CultureInfo.CurrentCulture, EmulatorStrings.RunNotFound, id, target.Uri)),
                        ErrorIds.RunNotFound, ErrorCategory.ObjectNotFound, id);
                    continue;
                }

                WriteObject(run);
            }
        }
    }
}
