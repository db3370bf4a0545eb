using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;

namespace CallbackLab.Core.Tests.Flows.Activities
{
    /// <summary>The hand-made flows under tests/TestData/Flows/Activities (one per activity type), copied next to the test assembly.</summary>
    internal static class ActivityFlows
    {
        private static readonly ConcurrentDictionary<string, WxccFlow> s_cache = new ConcurrentDictionary<string, WxccFlow>(StringComparer.Ordinal);

        internal static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData", "Flows", "Activities");

        internal static WxccFlow Load(string name) => s_cache.GetOrAdd(name, n => WxccFlowReader.Load(Path.Combine(Folder, n + ".json")));

        internal static IEnumerable<string> Names => Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).OrderBy(n => n, StringComparer.Ordinal)!;
    }

    /// <summary>Seeds that send the percent-allocation flow down each path, found by running it (not by re-deriving the draw).</summary>
    internal static class PercentSeeds
    {
        private static readonly Lazy<Dictionary<string, int>> s_seeds = new Lazy<Dictionary<string, int>>(Find);

        internal static int For(string port) => s_seeds.Value.TryGetValue(port, out int seed) ? seed : throw new InvalidOperationException("No seed in 1-200 takes path " + port);

        private static Dictionary<string, int> Find()
        {
            var seeds = new Dictionary<string, int>(StringComparer.Ordinal);
            WxccFlow flow = ActivityFlows.Load("percent-allocation");
            var simulator = new IvrSimulator();
            for (int seed = 1; seed <= 200 && seeds.Count < 3; seed++)
            {
                IvrSimulationResult result = simulator.RunAsync(flow, new IvrSimulationOptions { World = { Seed = seed } }).GetAwaiter().GetResult();
                string port = result.FindStep("Split")!.Port!;
                if (!seeds.ContainsKey(port))
                {
                    seeds[port] = seed;
                }
            }

            return seeds;
        }
    }
}
