using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Subflows;
using CallbackLab.Resources;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// Reads -SubflowPath (export files, or folders of *.json exports) the one way Invoke-IvrSimulation and Test-WxccFlow do:
    /// a path that is neither is SubflowPathNotFound (ObjectNotFound), an export is read like every -Flow (FlowFileLoader).
    /// </summary>
    internal static class SubflowLibraryLoader
    {
        /// <summary>The library, or null and the error to throw (the whole command needs the library).</summary>
        public static SubflowLibrary? TryLoad(SessionState sessionState, IEnumerable<string> paths, out ErrorRecord? error)
        {
            error = null;
            var flows = new List<WxccFlow>();
            foreach (string path in paths)
            {
                string fullPath = sessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
                IReadOnlyList<string> files;
                try
                {
                    files = SubflowLibrary.Files(fullPath);
                }
                catch (FileNotFoundException)
                {
                    error = new ErrorRecord(new FileNotFoundException(string.Format(CultureInfo.CurrentCulture, FlowStrings.SubflowPathNotFound, fullPath), fullPath),
                        ErrorIds.SubflowPathNotFound, ErrorCategory.ObjectNotFound, path);
                    return null;
                }

                foreach (string file in files)
                {
                    if (FlowFileLoader.TryLoad(sessionState, file, out error) is not { } flow)
                    {
                        return null;
                    }

                    flows.Add(flow);
                }
            }

            return new SubflowLibrary(flows);
        }
    }
}
