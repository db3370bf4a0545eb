using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// Opens a file in the default browser. <c>$env:CALLBACKLAB_BROWSER</c> overrides it: a browser command to run with the
    /// file, or <c>none</c> to never open one (scripts, CI). A Linux session without a display has no browser to open.
    /// </summary>
    internal static class DefaultBrowser
    {
        internal const string OverrideVariable = "CALLBACKLAB_BROWSER";

        /// <summary>Opens <paramref name="path"/>; false and the reason when no browser could be opened.</summary>
        internal static bool TryOpen(string path, out string reason)
        {
            reason = string.Empty;
            string? command = Environment.GetEnvironmentVariable(OverrideVariable);
            if (string.Equals(command, "none", StringComparison.OrdinalIgnoreCase))
            {
                reason = "$env:" + OverrideVariable + " is 'none'";
                return false;
            }

            if (string.IsNullOrEmpty(command) && RuntimeInformation.IsOSPlatform(OSPlatform.Linux)
                && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY")))
            {
                reason = "this Linux session has no display";
                return false;
            }

            try
            {
                ProcessStartInfo start = string.IsNullOrEmpty(command)
                    ? new ProcessStartInfo(path) { UseShellExecute = true }
                    : new ProcessStartInfo(command!, "\"" + path + "\"") { UseShellExecute = false };
                using Process? process = Process.Start(start);
                return true;
            }
            catch (Exception ex) when (ex is Win32Exception || ex is InvalidOperationException || ex is PlatformNotSupportedException)
            {
                reason = ex.Message;
                return false;
            }
        }
    }
}
