using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Reports;

namespace CallbackLab.Benchmarks
{
    /// <summary>
    /// The simulation report at its largest: 100 runs of the largest sample export (Cars_Export_voice), written as HTML and
    /// opened in headless Chromium. Prints the page size and the in-page time from navigation start to the load event
    /// (what "opens in" means; the Chromium process start is not part of it). Needs chromium on PATH or $CALLBACKLAB_CHROMIUM.
    /// Run: dotnet run -c Release --project tests/Benchmarks -- --filter *ReportBenchmarks* --job short
    /// </summary>
    public class ReportBenchmarks
    {
        private readonly List<double> _loadMilliseconds = new List<double>();
        private SimulationReport? _report;
        private string _page = string.Empty;
        private string _path = string.Empty;
        private int _steps;

        [GlobalSetup]
        public void Setup()
        {
            string flowPath = Path.Combine(RepositoryRoot(), "tests", "TestData", "Flows", "Cars_Export_voice.json");
            WxccFlow cars = WxccFlowReader.Load(flowPath);
            var simulator = new IvrSimulator(new InMemoryTransport());
            string[] keys = { "1", "2", "3", "4", "5", "9", "0", "#" };
            var runs = new List<IvrSimulationResult>();
            for (int i = 0; i < 100; i++)
            {
                runs.Add(simulator.RunAsync(cars, new IvrSimulationOptions
                {
                    Digits = new[] { keys[i % keys.Length], keys[(i / keys.Length) % keys.Length], keys[(i / 3) % keys.Length] },
                    StartTime = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero),
                    CallerHangsUpAfter = TimeSpan.FromMinutes(5),
                }).GetAwaiter().GetResult());
            }

            _steps = runs.Sum(r => r.Steps.Count);
            _report = SimulationReport.Create(runs, new[] { cars });
            _page = HtmlReportWriter.Write(_report, "Cars x100", coverage: true, DateTimeOffset.UtcNow);
            _path = Path.Combine(Path.GetTempPath(), "callbacklab-report-benchmark.html");
            File.WriteAllText(_path, _page, new UTF8Encoding(false));
        }

        [Benchmark]
        public int WriteHtml() => HtmlReportWriter.Write(_report!, "Cars x100", coverage: true, DateTimeOffset.UtcNow).Length;

        [Benchmark]
        public double OpenInHeadlessChromium()
        {
            string profile = Path.Combine(Path.GetTempPath(), "callbacklab-bench-profile-" + Guid.NewGuid().ToString("N"));
            var start = new ProcessStartInfo(Chromium()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + profile, "--window-size=1400,1000", "--dump-dom",
                new Uri(_path).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start)!;
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            string dom = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            try
            {
                Directory.Delete(profile, true);
            }
            catch (IOException)
            {
            }

            Match load = Regex.Match(dom, "data-load-ms=\"(?<ms>[0-9.]+)\"");
            if (!load.Success)
            {
                throw new InvalidOperationException("The page did not reach its load event.");
            }

            double ms = double.Parse(load.Groups["ms"].Value, System.Globalization.CultureInfo.InvariantCulture);
            lock (_loadMilliseconds)
            {
                _loadMilliseconds.Add(ms);
            }

            return ms;
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            int bytes = Encoding.UTF8.GetByteCount(_page);
            Console.WriteLine("// Report: 100 runs, " + _steps + " steps, " + bytes + " bytes (" + (bytes / 1048576.0).ToString("0.00", CultureInfo.InvariantCulture) + " MB)");
            if (_loadMilliseconds.Count > 0)
            {
                List<double> sorted = _loadMilliseconds.OrderBy(x => x).ToList();
                Console.WriteLine("// In-page load (navigation start to load event): min " + sorted[0].ToString("0", CultureInfo.InvariantCulture) + " ms, median "
                    + sorted[sorted.Count / 2].ToString("0", CultureInfo.InvariantCulture) + " ms, max " + sorted[^1].ToString("0", CultureInfo.InvariantCulture) + " ms over " + sorted.Count + " opens");
            }

            File.Delete(_path);
        }

        private static string Chromium()
        {
            string? configured = Environment.GetEnvironmentVariable("CALLBACKLAB_CHROMIUM");
            if (!string.IsNullOrEmpty(configured))
            {
                return configured;
            }

            foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                foreach (string name in new[] { "chromium", "chromium-browser", "google-chrome" })
                {
                    string candidate = Path.Combine(folder, name);
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }

            throw new InvalidOperationException("ReportBenchmarks needs chromium on PATH or $CALLBACKLAB_CHROMIUM.");
        }

        private static string RepositoryRoot()
        {
            string? folder = AppContext.BaseDirectory;
            while (folder != null && !File.Exists(Path.Combine(folder, "CallbackLab.sln")))
            {
                folder = Path.GetDirectoryName(folder);
            }

            return folder ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
        }

        /// <summary>Answers every HTTP Request activity with 200 and a small JSON body, in memory: no network.</summary>
        private sealed class InMemoryTransport : IFlowHttpTransport
        {
            private int _count;

            public Task<FlowHttpResponse> SendAsync(FlowHttpRequest request, TimeSpan timeout, CancellationToken cancellationToken)
            {
                int n = Interlocked.Increment(ref _count);
                string body = "{\"customer\":{\"id\":" + n + ",\"name\":\"Caller " + n + "\",\"tier\":\"gold\"},\"status\":\"ok\"}";
                return Task.FromResult(new FlowHttpResponse(200, body, new Dictionary<string, string> { ["Content-Type"] = "application/json" }));
            }
        }
    }
}
