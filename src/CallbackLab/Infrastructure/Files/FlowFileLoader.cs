using System.Globalization;
using System.IO;
using System.Management.Automation;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Models;
using CallbackLab.Resources;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// Loads the flow export a cmdlet was given, the one way Import-WxccFlow, Test-WxccFlow and Invoke-IvrSimulation all do,
    /// so a missing file is always FlowFileNotFound (ObjectNotFound), a malformed one InvalidFlowExport (InvalidData) and an
    /// unreadable one FlowFileUnreadable (ReadError), each with the path as given as the target.
    /// </summary>
    internal static class FlowFileLoader
    {
        /// <summary>Returns the flow, or null and the error to write for this input.</summary>
        public static WxccFlow? TryLoad(SessionState sessionState, WxccFlowSource source, out ErrorRecord? error)
        {
            error = null;
            return source.Flow ?? TryLoad(sessionState, source.Path!, out error);
        }

        /// <summary>Reads the export at <paramref name="path"/> (resolved against the current location).</summary>
        public static WxccFlow? TryLoad(SessionState sessionState, string path, out ErrorRecord? error)
        {
            error = null;
            string fullPath = sessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            if (Directory.Exists(fullPath))
            {
                // As Get-Content does for a folder: say what it is (a wildcard such as ./exports/* matches subfolders too).
                error = new ErrorRecord(
                    new PSArgumentException(string.Format(CultureInfo.CurrentCulture, FlowStrings.FlowPathIsFolder, path, Path.Combine(path, "*.json"))),
                    ErrorIds.FlowPathIsFolder, ErrorCategory.InvalidArgument, path);
                return null;
            }

            if (!File.Exists(fullPath))
            {
                error = new ErrorRecord(new FileNotFoundException(string.Format(CultureInfo.CurrentCulture, FlowStrings.FlowFileNotFound, fullPath), fullPath),
                    ErrorIds.FlowFileNotFound, ErrorCategory.ObjectNotFound, path);
                return null;
            }

            try
            {
                return WxccFlowReader.Load(fullPath);
            }
            catch (FlowFormatException ex)
            {
                error = new ErrorRecord(ex, ErrorIds.InvalidFlowExport, ErrorCategory.InvalidData, path);
            }
            catch (IOException ex)
            {
                error = new ErrorRecord(ex, ErrorIds.FlowFileUnreadable, ErrorCategory.ReadError, path);
            }

            return null;
        }
    }
}
