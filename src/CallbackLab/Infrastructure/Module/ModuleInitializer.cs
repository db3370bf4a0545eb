using System;
using System.Globalization;
using System.Management.Automation;
using CallbackLab.Resources;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// Runs when the module is imported: refuses PowerShell 6.x, 7.0 and 7.1, whose Newtonsoft.Json
    /// is older than the 13.0.1 this module is built against (the import would succeed and the cmdlets would fail later).
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        /// <inheritdoc />
        public void OnImport()
        {
            Version engine = typeof(PSObject).Assembly.GetName().Version ?? new Version(0, 0);
            if (!IsSupportedEngine(engine))
            {
                throw new PSNotSupportedException(string.Format(
                    CultureInfo.CurrentCulture, CommonStrings.UnsupportedPowerShellVersion, engine.ToString(2)));
            }
        }

        /// <summary>
        /// The engine version is System.Management.Automation's assembly version: 3.0.0.0 on Windows PowerShell 5.1,
        /// 7.x.0.0 on PowerShell 7.
        /// </summary>
        internal static bool IsSupportedEngine(Version engineAssemblyVersion)
        {
            if (engineAssemblyVersion.Major < 6)
            {
                return true; // Windows PowerShell (SMA 3.0.0.0): loads our own Newtonsoft.Json from the module folder.
            }

            return engineAssemblyVersion >= new Version(7, 2);
        }
    }
}
