using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using CallbackLab.Core;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// The module's per-runspace state: the default emulator, MockAPI endpoint and WxCC connection.
    /// Keyed by runspace, so two runspaces in one process (jobs, hosted engines, parallel tests) never share defaults.
    /// Each feature area adds its own members in its own partial file (CallbackLabSession.Emulator.cs, …Connection.cs).
    /// </summary>
    internal sealed partial class CallbackLabSession
    {
        private static readonly ConditionalWeakTable<Runspace, CallbackLabSession> s_sessions =
            new ConditionalWeakTable<Runspace, CallbackLabSession>();

        private static readonly CallbackLabSession s_noRunspace = new CallbackLabSession();

        /// <summary>The session of the runspace running on this thread.</summary>
        internal static CallbackLabSession Current
        {
            get
            {
                Runspace? runspace = Runspace.DefaultRunspace;
                return runspace is null ? s_noRunspace : s_sessions.GetValue(runspace, _ => new CallbackLabSession());
            }
        }

        /// <summary>
        /// The endpoints a started emulator offers as the session default (null when none is the default).
        /// Cmdlets fall back to these when given no endpoint and no Connect-Wxcc connection is newer.
        /// </summary>
        internal ILabEndpoints? DefaultEndpoints { get; private set; }

        /// <summary>Makes <paramref name="endpoints"/> the session default (Start-CallbackLabEmulator without -NoDefault).</summary>
        internal void UseDefaultEndpoints(ILabEndpoints endpoints)
        {
            DefaultEndpoints = endpoints;
            OnDefaultEndpointsChanged(startedNow: true);
        }

        /// <summary>
        /// Forgets <paramref name="endpoints"/> if they are the default (Stop-CallbackLabEmulator). <paramref name="fallback"/>,
        /// an emulator still running, takes its place, so the session never silently falls back to the public lab project
        /// while a local emulator is serving.
        /// </summary>
        internal void ForgetDefaultEndpoints(ILabEndpoints endpoints, ILabEndpoints? fallback = null)
        {
            if (ReferenceEquals(DefaultEndpoints, endpoints))
            {
                DefaultEndpoints = fallback;
                OnDefaultEndpointsChanged(startedNow: false);
            }
        }

        /// <summary>
        /// Lets other areas react. <paramref name="startedNow"/> is true when an emulator was just started (it is newer than
        /// an earlier Connect-Wxcc connection), false when the default was only forgotten or handed to a running emulator.
        /// </summary>
        partial void OnDefaultEndpointsChanged(bool startedNow);
    }
}
