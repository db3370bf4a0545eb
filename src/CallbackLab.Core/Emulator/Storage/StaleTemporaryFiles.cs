using System.IO;
using System.Text.RegularExpressions;

namespace CallbackLab.Core.Emulator.Storage
{
    /// <summary>
    /// Removes the temporary files a kill during a snapshot write left beside the data file: only names of the emulator's own
    /// pattern for that file, <c>.&lt;data file name&gt;.&lt;32 hex digits&gt;.tmp</c>.
    /// </summary>
    internal static class StaleTemporaryFiles
    {
        internal static void Remove(string dataPath)
        {
            string fullPath = Path.GetFullPath(dataPath);
            string? directory = Path.GetDirectoryName(fullPath);
            if (directory == null || !Directory.Exists(directory))
            {
                return;
            }

            var pattern = new Regex("^\\." + Regex.Escape(Path.GetFileName(fullPath)) + "\\.[0-9a-f]{32}\\.tmp$", RegexOptions.CultureInvariant);
            foreach (string file in Directory.EnumerateFiles(directory, "." + Path.GetFileName(fullPath) + ".*.tmp"))
            {
                if (pattern.IsMatch(Path.GetFileName(file)))
                {
                    try
                    {
                        File.Delete(file);
                    }
                    catch (System.Exception ex) when (ex is IOException || ex is System.UnauthorizedAccessException)
                    {
                        // Another process holds it (a second emulator mid-write): leave it.
                    }
                }
            }
        }
    }
}
