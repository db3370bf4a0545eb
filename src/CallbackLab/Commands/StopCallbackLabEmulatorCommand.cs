using System.Globalization;
using System.Management.Automation;
using CallbackLab.Infrastructure;
using CallbackLab.Models;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Stops a CallbackLab emulator and releases its port; with no argument, the session's default one.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "CallbackLabEmulator", SupportsShouldProcess = true, DefaultParameterSetName = DefaultSet, HelpUri = HelpLinks.CmdletPages + "Stop-CallbackLabEmulator.md")]
    [OutputType(typeof(void))]
    public sealed class StopCallbackLabEmulatorCommand : EmulatorTargetCmdlet
    {
        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            // Stopping what is already stopped is done, not a failure (as Stop-Service on a stopped service): say so in -Verbose only.
            if (ParameterSetName == "Emulator" && Emulator is { IsRunning: false })
            {
                WriteVerbose(string.Format(CultureInfo.CurrentCulture, EmulatorStrings.AlreadyStopped, Emulator.Uri));
                return;
            }

            if (ParameterSetName == DefaultSet && Session.DefaultEmulator == null)
            {
                WriteVerbose(EmulatorStrings.NothingToStop);
                return;
            }

            CallbackLabEmulator? target = ResolveTarget();
            if (target != null && ShouldProcess(target.Uri.ToString(), EmulatorStrings.StopAction))
            {
                Session.StopEmulator(target);
            }
        }
    }
}
