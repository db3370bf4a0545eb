using System.Collections;
using System.Linq;
using System.Management.Automation;
using CallbackLab.Infrastructure;
using CallbackLab.Models;

namespace CallbackLab.Completion
{
    /// <summary>The emulator a command line is about: <c>-Emulator</c> or <c>-Port</c> as typed, else the session's default.</summary>
    internal static class EmulatorCompletion
    {
        internal static CallbackLabEmulator? Target(IDictionary? fakeBoundParameters)
        {
            CallbackLabSession session = CallbackLabSession.Current;
            object? emulator = Unwrap(fakeBoundParameters?["Emulator"]);
            if (emulator is CallbackLabEmulator given)
            {
                return given;
            }

            object? port = Unwrap(fakeBoundParameters?["Port"]);
            if (port != null && int.TryParse(port.ToString(), out int number))
            {
                return session.Emulators.ByPort(number);
            }

            return session.DefaultEmulator;
        }

        private static object? Unwrap(object? value) => value is PSObject pso ? pso.BaseObject : value;
    }
}
