using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// The module's per-runspace state: the default emulator, MockAPI endpoint and WxCC connection.
    /// Keyed by runspace, so two runspaces in one process (jobs, hosted engines, parallel tests) never share defaults.
    /// Each feature area adds its own members in its own partial file.
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
    }
}
