using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using CallbackLab.Core.Emulator;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Benchmarks
{
    /// <summary>
    /// Requests per second of the lab's query, <c>GET /flowdesigner/Lab/DynVars?dn=4694096861</c>, over keep-alive loopback
    /// connections: the embedded emulator against json-server (npm) serving the same records at the same URL, in the same run.
    /// json-server runs only when <c>JSON_SERVER_BIN</c> points at its CLI (tests/Benchmarks/run-emulator-benchmark.sh sets it up).
    /// Bounded: a fixed number of requests per invocation and a fixed iteration count.
    /// </summary>
    [Config(typeof(ThroughputConfig))]
    [SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 8, invocationCount: 1)]
    public class EmulatorThroughputBenchmarks
    {
        /// <summary>Requests per benchmark invocation.</summary>
        public const int RequestsPerInvocation = 4000;

        private const string LabQuery = "flowdesigner/Lab/DynVars?dn=" + LabSeed.LabDn;
        private LabEmulator? _emulator;
        private Process? _jsonServer;
        private string? _folder;
        private HttpClient? _client;
        private Uri? _target;

        /// <summary>Which server answers.</summary>
        [Params("CallbackLab emulator", "json-server")]
        public string Server { get; set; } = string.Empty;

        /// <summary>Concurrent keep-alive connections.</summary>
        [Params(8)]
        public int Connections { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            Uri baseUri = Server == "json-server" ? StartJsonServer() : (_emulator = LabEmulator.Start(new LabEmulatorOptions { JournalCapacity = 1000 })).BaseUri;
            _target = new Uri(baseUri, LabQuery);
            _client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
            {
                Timeout = TimeSpan.FromSeconds(30),
            };
            string body = _client.GetStringAsync(_target).GetAwaiter().GetResult();
            if ((string?)JArray.Parse(body)[0]["tacnumber"] != LabSeed.LabTacNumber)
            {
                throw new InvalidOperationException(Server + " did not answer the lab record: " + body);
            }
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _client?.Dispose();
            _emulator?.Stop();
            if (_jsonServer != null && !_jsonServer.HasExited)
            {
                _jsonServer.Kill(entireProcessTree: true);
                _jsonServer.WaitForExit(10000);
            }

            _jsonServer?.Dispose();
            if (_folder != null)
            {
                Directory.Delete(_folder, recursive: true);
            }
        }

        /// <summary>One invocation: <see cref="RequestsPerInvocation"/> GETs spread over <see cref="Connections"/> workers.</summary>
        [Benchmark(OperationsPerInvoke = RequestsPerInvocation)]
        public async Task GetLabRecord()
        {
            int remaining = RequestsPerInvocation;
            await Task.WhenAll(Enumerable.Range(0, Connections).Select(_ => Task.Run(async () =>
            {
                while (Interlocked.Decrement(ref remaining) >= 0)
                {
                    using HttpResponseMessage response = await _client!.GetAsync(_target!, HttpCompletionOption.ResponseContentRead);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw new InvalidOperationException($"{Server} answered {(int)response.StatusCode}");
                    }
                }
            })));
        }

        private Uri StartJsonServer()
        {
            string? cli = Environment.GetEnvironmentVariable("JSON_SERVER_BIN");
            if (string.IsNullOrEmpty(cli) || !File.Exists(cli))
            {
                throw new InvalidOperationException("Set JSON_SERVER_BIN to json-server's CLI (tests/Benchmarks/run-emulator-benchmark.sh installs it).");
            }

            _folder = Path.Combine(Path.GetTempPath(), "cblab-json-server-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_folder);
            File.WriteAllText(Path.Combine(_folder, "db.json"), new JObject { ["DynVars"] = JArray.Parse(LabSeed.ReadEmbeddedDynVars()) }.ToString());
            File.WriteAllText(Path.Combine(_folder, "routes.json"), "{ \"/flowdesigner/Lab/*\": \"/$1\" }");
            int port = FreePort();
            var start = new ProcessStartInfo("node") { WorkingDirectory = _folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string arg in new[] { cli, "db.json", "--routes", "routes.json", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--quiet" })
            {
                start.ArgumentList.Add(arg);
            }

            _jsonServer = Process.Start(start)!;
            _jsonServer.BeginOutputReadLine();
            _jsonServer.BeginErrorReadLine();
            var baseUri = new Uri($"http://127.0.0.1:{port}/");
            using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var waited = Stopwatch.StartNew();
            while (waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                try
                {
                    probe.GetAsync(new Uri(baseUri, "DynVars")).GetAwaiter().GetResult().Dispose();
                    return baseUri;
                }
                catch (HttpRequestException)
                {
                    Thread.Sleep(200);
                }
            }

            throw new InvalidOperationException("json-server did not start within 30 s.");
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        /// <summary>Adds a Requests/s column (1 / mean time per request).</summary>
        internal sealed class ThroughputConfig : ManualConfig
        {
            public ThroughputConfig()
            {
                AddColumn(new RequestsPerSecondColumn());
            }
        }

        private sealed class RequestsPerSecondColumn : IColumn
        {
            public string Id => nameof(RequestsPerSecondColumn);

            public string ColumnName => "Requests/s";

            public bool AlwaysShow => true;

            public ColumnCategory Category => ColumnCategory.Custom;

            public int PriorityInCategory => 0;

            public bool IsNumeric => true;

            public UnitType UnitType => UnitType.Dimensionless;

            public string Legend => "Requests per second (1 s / mean time per request), all connections together";

            public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

            public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
            {
                BenchmarkReport? report = summary[benchmarkCase];
                double? meanNs = report?.ResultStatistics?.Mean;
                return meanNs is double ns && ns > 0 ? (1e9 / ns).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
            }

            public bool IsAvailable(Summary summary) => true;

            public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        }
    }
}
