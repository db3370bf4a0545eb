using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace CallbackLab.Core.Tests.Reports
{
    /// <summary>
    /// Runs the real browser the report must work in: headless Chromium (Debian package <c>chromium</c>), offline, with a
    /// fresh profile each time. <see cref="OptOutVariable"/>=1 turns the browser tests into reported skips where Chromium
    /// cannot be installed; without it a missing Chromium fails them, never silently.
    /// </summary>
    internal static class HeadlessChromium
    {
        internal const string OptOutVariable = "CALLBACKLAB_NO_BROWSER_TESTS";
        internal const string PathVariable = "CALLBACKLAB_CHROMIUM";
        private static readonly string[] s_names = { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" };

        /// <summary>The browser executable; null when none is installed.</summary>
        internal static string? Executable { get; } = BrowserFiles.Find(PathVariable, s_names);

        internal static bool OptedOut => Environment.GetEnvironmentVariable(OptOutVariable) == "1";

        internal static string MissingMessage =>
            "Headless Chromium is needed for the report's browser tests and was not found (looked for " + string.Join(", ", s_names)
            + " on PATH and $" + PathVariable + "). Install it (Debian: apt-get install -y chromium; .ci/run does), or set "
            + OptOutVariable + "=1 to skip these tests on a machine that cannot have it.";

        /// <summary>The DOM after the page's scripts ran (<c>--dump-dom</c>).</summary>
        internal static string DumpDom(string htmlPath, string fragment = "", int width = 1400, int height = 1000) =>
            Run(htmlPath, "--dump-dom", width, height, out _, fragment);

        /// <summary>Takes a screenshot of the page into <paramref name="pngPath"/>.</summary>
        internal static void Screenshot(string htmlPath, string pngPath, int width = 1400, int height = 1000, string fragment = "")
        {
            Run(htmlPath, "--screenshot=" + pngPath, width, height, out _, fragment);
            if (!File.Exists(pngPath))
            {
                throw new InvalidOperationException("Chromium wrote no screenshot to " + pngPath);
            }
        }

        /// <summary>Runs Chromium on the page and returns its standard output; <paramref name="elapsed"/> is the whole process time.</summary>
        internal static string Run(string htmlPath, string action, int width, int height, out TimeSpan elapsed, string fragment = "")
        {
            string executable = Executable ?? throw new InvalidOperationException(MissingMessage);
            string profile = BrowserFiles.NewProfile("chromium");
            try
            {
                var start = new ProcessStartInfo(executable)
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                foreach (string argument in new[]
                {
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height, "--virtual-time-budget=2000", action, new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri + fragment,
                })
                {
                    start.ArgumentList.Add(argument);
                }

                var clock = Stopwatch.StartNew();
                using Process process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start: " + executable);
                var error = new StringBuilder();
                process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (error) { error.AppendLine(e.Data); } } };
                process.BeginErrorReadLine();
                System.Threading.Tasks.Task<string> output = process.StandardOutput.ReadToEndAsync();
                if (!process.WaitForExit(60_000))
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException("Chromium did not finish within 60 s on " + htmlPath);
                }

                elapsed = clock.Elapsed;
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException("Chromium exited with " + process.ExitCode + ": " + error);
                }

                return output.Result;
            }
            finally
            {
                BrowserFiles.DeleteProfile(profile);
            }
        }
    }
}
