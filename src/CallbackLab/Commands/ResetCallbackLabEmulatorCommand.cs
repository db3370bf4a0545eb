using System.Management.Automation;
using CallbackLab.Infrastructure;
using CallbackLab.Models;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Puts an emulator back to its seed: records reloaded; tasks, journal, faults and rate-limit windows cleared.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Reset, "CallbackLabEmulator", SupportsShouldProcess = true, DefaultParameterSetName = DefaultSet, HelpUri = HelpLinks.CmdletPages + "Reset-CallbackLabEmulator.md")]
    [OutputType(typeof(CallbackLabEmulator))]
    public sealed class ResetCallbackLabEmulatorCommand : EmulatorTargetCmdlet
    {
        /// <summary>Write the emulator after the reset.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            CallbackLabEmulator? target = ResolveTarget();
            if (target == null || !ShouldProcess(target.Uri.ToString(), EmulatorStrings.ResetAction))
            {
                return;
            }

            target.Emulator.Reset();
            if (PassThru.IsPresent)
            {
                WriteObject(target);
            }
        }
    }
}
