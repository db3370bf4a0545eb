using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using CallbackLab.Core.Emulator;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Simulation;

namespace CallbackLab.Benchmarks.Flows
{
    /// <summary>
    /// The lab scenario (digit 3: GET_CBID, the global error, POST /v1/tasks) against the real emulator on 127.0.0.1,
    /// one caller at a time and eight at once (Invoke-IvrSimulation -ThrottleLimit 8). Each operation is one simulation,
    /// so Op/s is simulations per second. Run: dotnet run -c Release --project tests/Benchmarks -- --filter *LabSimulation*
    /// </summary>
    [Config(typeof(Settings))]
    public class LabSimulationBenchmarks
    {
        private const int CallersPerInvoke = 256;

        private LabEmulator? _emulator;
        private IvrSimulator? _simulator;
        private IvrSimulationOptions? _options;

        [Params(1, 8)]
        public int Parallelism { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            // No rate limit: the benchmark measures the simulator and the loopback round trips, not the 300/min quota.
            _emulator = LabEmulator.Start(new LabEmulatorOptions { RateLimitPerMinute = 0, JournalCapacity = 16 });
            _simulator = new IvrSimulator();
            _options = new IvrSimulationOptions
            {
                Dnis = LabFlow.ExampleDnis,
                Digits = new[] { "3" },
                MockApiUri = _emulator.MockApiUri,
                Connector = _emulator.Connection,
            };
            IvrSimulationResult check = _simulator.RunAsync(LabFlow.Flow, _options).GetAwaiter().GetResult();
            if (!CallbackFlowCheck.Check(check).Passed)
            {
                throw new InvalidOperationException("The lab scenario does not pass against the emulator: " + CallbackFlowCheck.Check(check).Reason);
            }
        }

        [IterationSetup]
        public void ForgetTasks() => _emulator!.Reset();

        [GlobalCleanup]
        public void Cleanup() => _emulator?.Dispose();

        [Benchmark(OperationsPerInvoke = CallersPerInvoke)]
        public async Task LabScenario()
        {
            // The scheduling Invoke-IvrSimulation -ThrottleLimit uses: bounded, results taken in input order.
            using var runner = new OrderedParallelRunner<IvrSimulationResult>(Parallelism);
            for (int i = 0; i < CallersPerInvoke; i++)
            {
                runner.Submit(token => _simulator!.RunAsync(LabFlow.Flow, _options, token), CancellationToken.None);
                while (runner.TryTakeNext(out Task<IvrSimulationResult> next))
                {
                    await next.ConfigureAwait(false);
                }
            }

            while (runner.TryTakeAny(out Task<IvrSimulationResult> rest))
            {
                await rest.ConfigureAwait(false);
            }
        }

        private sealed class Settings : ManualConfig
        {
            public Settings()
            {
                AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(8));
                AddColumn(StatisticColumn.OperationsPerSecond);
            }
        }
    }
}
