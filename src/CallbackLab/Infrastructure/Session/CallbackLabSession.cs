using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using CallbackLab.Core.Wxcc;
using CallbackLab.Models;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// The module's per-runspace state, made of three small parts: <see cref="Defaults"/> (which connection and MockAPI
    /// prefix a cmdlet given none uses, the Core policy), <see cref="Emulators"/> (the emulators started here) and
    /// <see cref="Completions"/> (records argument completers offer). It only coordinates them: starting and stopping an
    /// emulator changes both the registry and the defaults. Keyed by runspace, so two runspaces in one process (jobs, hosted
    /// engines, parallel tests) never share defaults.
    /// </summary>
    internal sealed class CallbackLabSession
    {
        private static readonly ConditionalWeakTable<Runspace, CallbackLabSession> s_sessions =
            new ConditionalWeakTable<Runspace, CallbackLabSession>();

        private static readonly CallbackLabSession s_noRunspace = new CallbackLabSession();

        private readonly object _sync = new object();
        private bool _stopsWithRunspace;

        /// <summary>The session of the runspace running on this thread.</summary>
        internal static CallbackLabSession Current
        {
            get
            {
                Runspace? runspace = Runspace.DefaultRunspace;
                return runspace is null ? s_noRunspace : s_sessions.GetValue(runspace, _ => new CallbackLabSession());
            }
        }

        /// <summary>Which connection and MockAPI prefix cmdlets use when given none.</summary>
        internal EndpointDefaults Defaults { get; private set; } = new EndpointDefaults();

        /// <summary>The emulators started in this runspace.</summary>
        internal EmulatorRegistry Emulators { get; } = new EmulatorRegistry();

        /// <summary>The DynVars records argument completers offer.</summary>
        internal CompletionCache Completions { get; } = new CompletionCache();

        /// <summary>The emulator a cmdlet with no -Emulator or -Port acts on: the default one, else the newest one.</summary>
        internal CallbackLabEmulator? DefaultEmulator => Emulators.ByConnection(Defaults.Emulator) ?? Emulators.Newest;

        /// <summary>Registers a started emulator, and makes it the default unless <paramref name="makeDefault"/> is false (-NoDefault).</summary>
        internal void AddEmulator(CallbackLabEmulator emulator, bool makeDefault)
        {
            Emulators.Add(emulator);
            if (makeDefault)
            {
                Defaults.UseEmulator(emulator.Connection);
            }

            StopEmulatorsWithRunspace();
        }

        /// <summary>Stops an emulator and forgets it; the newest one still running takes its place as the default.</summary>
        internal void StopEmulator(CallbackLabEmulator emulator)
        {
            emulator.Emulator.Stop();
            CallbackLabEmulator? newestLeft = Emulators.Remove(emulator);
            Defaults.ForgetEmulator(emulator.Connection, newestLeft?.Connection);
        }

        /// <summary>Stops every emulator of this runspace (the runspace closes, or the module is removed).</summary>
        internal void StopAllEmulators()
        {
            foreach (CallbackLabEmulator emulator in Emulators.All)
            {
                StopEmulator(emulator);
            }
        }

        /// <summary>Replaces the defaults policy, keeping nothing of the old one (tests inject a local public MockAPI project).</summary>
        internal void ReplaceDefaults(EndpointDefaults defaults) => Defaults = defaults;

        private void StopEmulatorsWithRunspace()
        {
            lock (_sync)
            {
                if (_stopsWithRunspace || !(Runspace.DefaultRunspace is Runspace runspace))
                {
                    return;
                }

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
}
