using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using CallbackLab.Models;

namespace CallbackLab.Infrastructure
{
    /// <summary>The emulators started in this runspace. They stop when the runspace closes.</summary>
    internal sealed partial class CallbackLabSession
    {
        private readonly object _emulatorSync = new object();
        private readonly List<CallbackLabEmulator> _emulators = new List<CallbackLabEmulator>();
        private bool _stopsWithRunspace;

        /// <summary>The running emulators, oldest first.</summary>
        internal IReadOnlyList<CallbackLabEmulator> Emulators
        {
            get
            {
                lock (_emulatorSync)
                {
                    return _emulators.ToArray();
                }
            }
        }

        /// <summary>The emulator a cmdlet with no -Emulator or -Port acts on: the session default, else the newest one.</summary>
        internal CallbackLabEmulator? DefaultEmulator
        {
            get
            {
                IReadOnlyList<CallbackLabEmulator> emulators = Emulators;
                return emulators.FirstOrDefault(e => ReferenceEquals(e.Emulator, DefaultEndpoints)) ?? (emulators.Count > 0 ? emulators[emulators.Count - 1] : null);
            }
        }

        internal void AddEmulator(CallbackLabEmulator emulator)
        {
            lock (_emulatorSync)
            {
                _emulators.Add(emulator);
                if (!_stopsWithRunspace && Runspace.DefaultRunspace is Runspace runspace)
                {
                    // A closed runspace cannot reach its emulators any more: stop them so their ports are released.
                    runspace.StateChanged += (_, e) =>
                    {
                        if (e.RunspaceStateInfo.State == RunspaceState.Closed || e.RunspaceStateInfo.State == RunspaceState.Broken)
                        {
                            StopAllEmulators();
                        }
                    };
                    _stopsWithRunspace = true;
                }
            }
        }

        /// <summary>Stops an emulator, forgets it, and drops it as the default endpoints.</summary>
        internal void StopEmulator(CallbackLabEmulator emulator)
        {
            emulator.Emulator.Stop();
            CallbackLabEmulator? newestLeft;
            lock (_emulatorSync)
            {
                _emulators.Remove(emulator);
                newestLeft = _emulators.Count == 0 ? null : _emulators[_emulators.Count - 1];
            }

            ForgetDefaultEndpoints(emulator.Emulator, newestLeft?.Emulator);
        }

        /// <summary>Stops every emulator of this runspace (the runspace closes, or the module is removed).</summary>
        internal void StopAllEmulators()
        {
            foreach (CallbackLabEmulator emulator in Emulators)
            {
                StopEmulator(emulator);
            }
        }
    }
}
