using System;
using System.IO;
using System.Linq;

namespace CallbackLab.Core.Tests.Reports
{
    /// <summary>What the browser harnesses share: finding the executable and throw-away profiles.</summary>
    internal static class BrowserFiles
    {
        /// <summary>The executable named by <paramref name="variable"/>, else the first of <paramref name="names"/> on PATH; null when none.</summary>
        internal static string? Find(string variable, params string[] names)
        {
            string? configured = Environment.GetEnvironmentVariable(variable);
            if (!string.IsNullOrEmpty(configured) && File.Exists(configured))
            {
                return configured;
            }

            string[] path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
            return names.SelectMany(n => path.Select(d => Path.Combine(d, n))).FirstOrDefault(File.Exists);
        }

        /// <summary>A fresh, empty profile folder for one browser run.</summary>
        internal static string NewProfile(string browser)
        {
            string profile = Path.Combine(Path.GetTempPath(), "callbacklab-" + browser + "-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(profile);
            return profile;
        }

        /// <summary>Removes a profile; a browser that still holds a lock file for a moment leaves a harmless stale temp folder.</summary>
        internal static void DeleteProfile(string profile)
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
