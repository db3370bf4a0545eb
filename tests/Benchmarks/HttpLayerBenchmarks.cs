using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using CallbackLab.Core.Emulator;
using CallbackLab.Core.Http;
using CallbackLab.Core.MockApi;

namespace CallbackLab.Benchmarks
{
    /// <summary>
    /// What the shared HTTP layer costs per call: the lab's DynVars lookup against the embedded emulator on loopback,
    /// sent with a bare HttpClient, through <see cref="MockApiClient"/> (tracking id, retry bookkeeping, JSON to records),
    /// and the same with -Debug-style logging (headers and bodies redacted and formatted).
    /// </summary>
    [ShortRunJob]
    [MemoryDiagnoser]
    public class HttpLayerBenchmarks
    {
        private readonly DynVarsQuery _query = new DynVarsQuery { Dn = LabSeed.LabDn };
        private LabEmulator? _emulator;
        private HttpClient? _raw;
        private Uri? _lookup;
        private MockApiClient? _quiet;
        private MockApiClient? _logged;

        [GlobalSetup]
        public void Setup()
        {
            _emulator = LabEmulator.Start(new LabEmulatorOptions { JournalCapacity = 100 });
            _raw = new HttpClient();
            _lookup = new Uri(_emulator.MockApiUri + "/DynVars?dn=" + LabSeed.LabDn);
            _quiet = new MockApiClient(_emulator.MockApiUri, new ApiHttpClient(new ApiClientOptions()));
            _logged = new MockApiClient(_emulator.MockApiUri, new ApiHttpClient(new ApiClientOptions { Log = new CountingLog() }));
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _raw?.Dispose();
            _emulator?.Stop();
        }

        [Benchmark(Baseline = true)]
        public Task<string> BareHttpClient() => _raw!.GetStringAsync(_lookup);

        [Benchmark]
        public Task<DynVarsPage> ThroughHttpLayer() => _quiet!.FindAsync(_query, CancellationToken.None);

        [Benchmark]
        public Task<DynVarsPage> ThroughHttpLayerWithDebugLog() => _logged!.FindAsync(_query, CancellationToken.None);

        private sealed class CountingLog : IApiLog
        {
            private int _count;

            public void Verbose(string message) => Interlocked.Increment(ref _count);

            public void Debug(string message) => Interlocked.Increment(ref _count);
        }
    }
}
