using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CallbackLab.Core.Emulator;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Benchmarks
{
    /// <summary>
    /// Acknowledged writes per second with a data file: one writer POSTs records one after another, each answered only once
    /// its change is synced to the data log. The store starts at <see cref="Records"/> records and grows by every invocation,
    /// so a cost that grew with the store would show as a slower mean at the larger sizes. Bounded: a fixed number of POSTs
    /// per invocation and a fixed iteration count, loopback only.
    /// </summary>
    [Config(typeof(EmulatorThroughputBenchmarks.ThroughputConfig))]
    [SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 6, invocationCount: 1)]
    public class EmulatorWriteBenchmarks
    {
        /// <summary>POSTs per benchmark invocation.</summary>
        public const int PostsPerInvocation = 1000;

        private const string DynVars = "flowdesigner/Lab/DynVars";
        private LabEmulator? _emulator;
        private HttpClient? _client;
        private string? _folder;

        /// <summary>Records in the store at the start.</summary>
        [Params(100, 10_000, 50_000)]
        public int Records { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _folder = Path.Combine(Path.GetTempPath(), "cblab-write-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_folder);
            string seed = Path.Combine(_folder, "seed.json");
            var records = new JArray(Enumerable.Range(1, Records).Select(i => new JObject
            {
                ["dn"] = (5550000000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["tacnumber"] = "14085267209",
                ["attendee"] = "attendee " + i,
            }));
            File.WriteAllText(seed, records.ToString());
            _emulator = LabEmulator.Start(new LabEmulatorOptions
            {
                SeedPath = seed,
                DataPath = Path.Combine(_folder, "lab.json"),
                RecordLimit = null,
                JournalCapacity = 100,
            });
            _client = new HttpClient { BaseAddress = _emulator.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _client?.Dispose();
            _emulator?.Stop();
            if (_folder != null)
            {
                Directory.Delete(_folder, recursive: true);
            }
        }

        /// <summary>One invocation: <see cref="PostsPerInvocation"/> sequential acknowledged creates.</summary>
        [Benchmark(OperationsPerInvoke = PostsPerInvocation)]
        public async Task AcknowledgedPost()
        {
            for (int i = 0; i < PostsPerInvocation; i++)
            {
                using var content = new StringContent("{\"dn\":\"5551234567\",\"tacnumber\":\"14085267209\",\"n\":" + i + "}", Encoding.UTF8, "application/json");
                using HttpResponseMessage response = await _client!.PostAsync(DynVars, content);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException("The emulator answered " + (int)response.StatusCode);
                }
            }
        }
    }
}
