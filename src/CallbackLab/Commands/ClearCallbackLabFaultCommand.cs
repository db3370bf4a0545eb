using System.Management.Automation;
using CallbackLab.Infrastructure;
using CallbackLab.Models;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Removes every fault rule of an emulator, so it answers normally again.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Clear, "CallbackLabFault", SupportsShouldProcess = true, DefaultParameterSetName = DefaultSet, HelpUri = HelpLinks.CmdletPages + "Clear-CallbackLabFault.md")]
    [OutputType(typeof(void))]
    public sealed class ClearCallbackLabFaultCommand : EmulatorTargetCmdlet
    {
        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            CallbackLabEmulator? target = ResolveTarget();
            if (target != null && ShouldProcess(target.Uri.ToString(), EmulatorStrings.ClearFaultAction))
            {
                target.Emulator.ClearFaults();
            }
        }
    }
}
