using System.Management.Automation;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// Runs on Remove-Module (and Import-Module -Force): the emulators this runspace started stop and release their
    /// ports, because after the module is gone no cmdlet could reach them to stop them.
    /// </summary>
    public sealed class ModuleCleanup : IModuleAssemblyCleanup
    {
        /// <inheritdoc />
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            CallbackLabSession.Current.StopAllEmulators();
        }
    }
}
