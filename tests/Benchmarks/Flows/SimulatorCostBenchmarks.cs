using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;

namespace CallbackLab.Benchmarks.Flows
{
    /// <summary>
    /// The simulator's own cost per activity, without HTTP: the Cisco Live readout flow (loops, set-variable with slice and
    /// .length, conditions, prompts with templates, a menu, a callback) — 57 activities per call with ANI +14085550123 and digit 1;
    /// and the activity tour (tests/TestData/Flows/Activities/activity_tour.json: business hours, percent allocation, parse, case,
    /// queue info, screen pop, hash, OTPs, announcements, a virtual agent, recording, transfers — 26 activities, no HTTP).
    /// Each operation is one activity, so Mean is the cost per activity.
    /// Run: dotnet run -c Release --project tests/Benchmarks -- --filter *SimulatorCost*
    /// </summary>
    [Config(typeof(Settings))]
    [MemoryDiagnoser]
    public class SimulatorCostBenchmarks
    {
        /// <summary>Activities the readout call runs (checked in setup).</summary>
        private const int StepsPerCall = 57;

        /// <summary>Activities the tour runs (checked in setup).</summary>
        private const int TourSteps = 26;

        private WxccFlow? _flow;
        private IvrSimulator? _simulator;
        private IvrSimulationOptions? _options;
        private WxccFlow? _tour;
        private IvrSimulationOptions? _tourOptions;

        [GlobalSetup]
        public void Setup()
        {
            _flow = WxccFlowReader.Load(System.IO.Path.Combine(FindRoot(), "tests", "TestData", "Flows", "CL_1_readout.json"));
            _simulator = new IvrSimulator();
            _options = new IvrSimulationOptions { Ani = "+14085550123", Digits = new[] { "1" }, InteractionId = "bench" };
            int steps = _simulator.RunAsync(_flow, _options).GetAwaiter().GetResult().Steps.Count;
            if (steps != StepsPerCall)
            {
                throw new InvalidOperationException($"The readout call ran {steps} activities, not {StepsPerCall}; update StepsPerCall.");
            }

            _tour = WxccFlowReader.Load(System.IO.Path.Combine(FindRoot(), "tests", "TestData", "Flows", "Activities", "activity_tour.json"));
            _tourOptions = new IvrSimulationOptions
            {
                Ani = "+14085550123",
                InteractionId = "bench",
                StartTime = new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero),
            };
            IvrSimulationResult tour = _simulator.RunAsync(_tour, _tourOptions).GetAwaiter().GetResult();
            if (tour.Steps.Count != TourSteps || tour.Outcome != SimulationOutcome.Transferred)
            {
                throw new InvalidOperationException($"The tour ran {tour.Steps.Count} activities to {tour.Outcome}, not {TourSteps} to Transferred; update TourSteps.");
            }
        }

        [Benchmark(OperationsPerInvoke = StepsPerCall)]
        public IvrSimulationResult ReadoutFlowPerActivity() => _simulator!.RunAsync(_flow!, _options).GetAwaiter().GetResult();

        [Benchmark(OperationsPerInvoke = TourSteps)]
        public IvrSimulationResult ActivityTourPerActivity() => _simulator!.RunAsync(_tour!, _tourOptions).GetAwaiter().GetResult();

        private static string FindRoot()
        {
            var dir = new System.IO.DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "CallbackLab.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("CallbackLab.sln not found above " + AppContext.BaseDirectory);
        }

        private sealed class Settings : ManualConfig
        {
            public Settings()
            {
                AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10));
                AddColumn(StatisticColumn.OperationsPerSecond);
            }
        }
    }
}
