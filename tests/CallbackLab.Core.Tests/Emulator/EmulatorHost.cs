using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace CallbackLab.Core.Tests.Emulator
{
    /// <summary>Starts the console host (src/CallbackLab.EmulatorHost) as a separate process and reads what it prints.</summary>
    internal static class EmulatorHost
    {
        internal static string Assembly()
        {
            // tests/CallbackLab.Core.Tests/bin/<Configuration>/net10.0/ -> src/CallbackLab.Emulator/bin/<Configuration>/net10.0/
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            string configuration = output.Parent!.Name;
            string repo = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
            return Path.Combine(repo, "src", "CallbackLab.EmulatorHost", "bin", configuration, output.Name, "CallbackLab.EmulatorHost.dll");
        }

        internal static Process Start(params string[] args)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Assembly());
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            return Process.Start(start)!;
        }

        /// <summary>The base address (first line) and the starting access token ("Token:" line); keeps draining the rest.</summary>
        internal static async Task<(Uri BaseUri, string Token)> ReadBaseUriAndTokenAsync(Process host)
        {
            Uri? baseUri = null;
            while (true)
            {
                string line = await host.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30))
                              ?? throw new InvalidOperationException("The host ended before printing its token: " + await host.StandardError.ReadToEndAsync());
                if (line.StartsWith("Listening: ", StringComparison.Ordinal))
                {
                    baseUri = new Uri(line.Substring("Listening: ".Length).Trim());
                }
                else if (line.StartsWith("Token:", StringComparison.Ordinal) && baseUri != null)
                {
                    _ = host.StandardOutput.ReadToEndAsync(); // keep draining so the host never blocks on a full pipe
                    _ = host.StandardError.ReadToEndAsync();
                    return (baseUri, line.Substring("Token:".Length).Trim());
                }
            }
        }
    }
}
