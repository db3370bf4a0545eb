using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using CallbackLab.Completion;
using CallbackLab.Models;
using CallbackLab.Resources;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// Base of the cmdlets that act on one running emulator: given by object (pipeline), by port, or, with neither,
    /// the session's default emulator (see <see cref="CallbackLabSession.DefaultEmulator"/>).
    /// </summary>
    public abstract class EmulatorTargetCmdlet : CallbackLabCmdlet
    {
        /// <summary>The parameter set used when neither -Emulator nor -Port is given.</summary>
        protected const string DefaultSet = "Default";

        /// <summary>The emulator, as Start- or Get-CallbackLabEmulator wrote it.</summary>
        [Parameter(ParameterSetName = "Emulator", Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        [Alias("InputObject")]
        public CallbackLabEmulator? Emulator { get; set; }

        /// <summary>The port of a running emulator of this session.</summary>
        [Parameter(ParameterSetName = "Port", Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, 65535)]
        [ArgumentCompleter(typeof(EmulatorPortCompleter))]
        public int Port { get; set; }

        /// <summary>The emulator to act on, or null after writing a non-terminating ObjectNotFound error.</summary>
        internal CallbackLabEmulator? ResolveTarget()
        {
            switch (ParameterSetName)
            {
                case "Emulator":
                    if (Emulator is { IsRunning: false })
                    {
                        WriteError(
                            new InvalidOperationException(string.Format(CultureInfo.CurrentCulture, EmulatorStrings.EmulatorStopped, Emulator.Uri)),
                            ErrorIds.EmulatorStopped, ErrorCategory.ResourceUnavailable, Emulator);
                        return null;
                    }

                    return Emulator;
                case "Port":
                    CallbackLabEmulator? byPort = Session.Emulators.ByPort(Port);
                    if (byPort == null)
                    {
                        WriteError(
                            new ItemNotFoundException(string.Format(CultureInfo.CurrentCulture, EmulatorStrings.EmulatorNotFound, Port)),
                            ErrorIds.EmulatorNotFound, ErrorCategory.ObjectNotFound, Port);
                    }

                    return byPort;
                default:
                    CallbackLabEmulator? current = Session.DefaultEmulator;
                    if (current == null)
                    {
                        // The target is the emulator asked for: the -Port when one was given, else none (no emulator was named).
                        object? asked = MyInvocation.BoundParameters.ContainsKey(nameof(Port)) ? Port : (object?)null;
                        WriteError(new ItemNotFoundException(EmulatorStrings.NoEmulator), ErrorIds.NoEmulator, ErrorCategory.ObjectNotFound, asked);
                    }

                    return current;
            }
        }
    }
}
