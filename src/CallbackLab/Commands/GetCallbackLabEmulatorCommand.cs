using System.Globalization;
using System.Linq;
using System.Management.Automation;
using CallbackLab.Completion;
using CallbackLab.Infrastructure;
using CallbackLab.Models;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the CallbackLab emulators running in this session.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CallbackLabEmulator", HelpUri = HelpLinks.CmdletPages + "Get-CallbackLabEmulator.md")]
    [OutputType(typeof(CallbackLabEmulator))]
    public sealed class GetCallbackLabEmulatorCommand : CallbackLabCmdlet
    {
        /// <summary>Only the emulators listening on these ports.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, 65535)]
        [ArgumentCompleter(typeof(EmulatorPortCompleter))]
        public int[]? Port { get; set; }

        /// <summary>Only the session's default emulator.</summary>
        [Parameter]
        public SwitchParameter Default { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (Default.IsPresent)
            {
                if (Session.DefaultEmulator is CallbackLabEmulator current)
                {
                    WriteObject(current);
                }

                return;
            }

            if (Port == null)
            {
                WriteObject(Session.Emulators.All, enumerateCollection: true);
                return;
            }

            foreach (int port in Port)
            {
                CallbackLabEmulator? match = Session.Emulators.ByPort(port);
                if (match == null)
                {
                    WriteError(
                        new ItemNotFoundException(string.Format(CultureInfo.CurrentCulture, EmulatorStrings.EmulatorNotFound, port)),
                        ErrorIds.EmulatorNotFound, ErrorCategory.ObjectNotFound, port);
                    continue;
                }

                WriteObject(match);
            }
        }
    }
}
