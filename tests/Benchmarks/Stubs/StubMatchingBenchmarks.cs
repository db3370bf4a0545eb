using System;
using System.Collections.Generic;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using CallbackLab.Core.Stubs;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Benchmarks.Stubs
{
    /// <summary>
    /// Stub matching with 200 stubs of every kind (absolute exact paths with query and header constraints, host globs, URL
    /// regexes, path templates, body JSONPath), the way the simulator's routing calls it: a new request each time (its query
    /// and body are parsed once per request), every stub tried. Target: above 20,000 matches/s.
    /// Run: dotnet run -c Release --project tests/Benchmarks -- --filter *StubMatching* --job short
    /// </summary>
    [Config(typeof(Settings))]
    [MemoryDiagnoser]
    public class StubMatchingBenchmarks
    {
        private const int StubCount = 200;
        private static readonly IReadOnlyList<KeyValuePair<string, string>> s_headers = new[]
        {
            new KeyValuePair<string, string>("Content-Type", "application/json"),
            new KeyValuePair<string, string>("Authorization", "Bearer benchmark-token"),
            new KeyValuePair<string, string>("X-Tenant", "t-150"),
        };

        private readonly StubEngine _engine = new StubEngine();
        private readonly Uri _exactUri = new Uri("https://crm-150.example.com/api/v1/customers/150?ani=%2B14085550150&lang=en");
        private readonly Uri _bodyUri = new Uri("https://events-7.example.net/publish/7");
        private readonly Uri _missUri = new Uri("https://unknown.example.org/nothing/here");
        private const string Body = "{\"identity\":\"+14085550150\",\"data\":{\"tier\":\"gold-7\",\"tags\":[\"vip\",\"repeat\"]}}";

        [GlobalSetup]
        public void Setup()
        {
            var mappings = new JArray();
            for (int i = 0; i < StubCount; i++)
            {
                string n = i.ToString(CultureInfo.InvariantCulture);
                switch (i % 5)
                {
                    case 0:
                        mappings.Add(JObject.Parse("{\"request\":{\"method\":\"GET\",\"urlPath\":\"https://crm-" + n + ".example.com/api/v1/customers/" + n + "\",\"queryParameters\":{\"ani\":{\"equalTo\":\"+14085550" + n.PadLeft(3, '0') + "\"}},\"headers\":{\"X-Tenant\":{\"equalTo\":\"t-" + n + "\"}}},\"response\":{\"status\":200,\"jsonBody\":{\"id\":" + n + "}}}"));
                        break;
                    case 1:
                        mappings.Add(JObject.Parse("{\"request\":{\"method\":\"ANY\",\"urlGlob\":\"https://*.svc-" + n + ".example.io/**\"},\"response\":{\"status\":204}}"));
                        break;
                    case 2:
                        mappings.Add(JObject.Parse("{\"request\":{\"method\":\"POST\",\"urlPathPattern\":\"/publish/" + n + "/[a-z]+\"},\"response\":{\"status\":202}}"));
                        break;
                    case 3:
                        mappings.Add(JObject.Parse("{\"request\":{\"method\":\"PUT\",\"host\":\"tickets-" + n + ".example.com\",\"urlPathTemplate\":\"/api/v2/tickets/{id}.json\"},\"response\":{\"status\":200}}"));
                        break;
                    default:
                        int k = i / 5;
                        mappings.Add(JObject.Parse("{\"request\":{\"method\":\"POST\",\"urlPath\":\"https://events-" + k + ".example.net/publish/" + k + "\",\"bodyPatterns\":[{\"matchesJsonPath\":{\"expression\":\"$.data.tier\",\"equalTo\":\"gold-" + k + "\"}}]},\"response\":{\"status\":201}}"));
                        break;
                }
            }

            _engine.Add(StubReader.Read(mappings));
            if (_engine.Count != StubCount || Exact().Answer?.Status != 200 || ByBody().Answer?.Status != 201 || Miss().IsMatch)
            {
                throw new InvalidOperationException("The benchmark stubs do not answer as intended.");
            }
        }

        /// <summary>A GET matched by an absolute path, a query parameter and a header; every stub is tried.</summary>
        [Benchmark(Baseline = true)]
        public StubMatch Exact() => _engine.Match(new StubRequest("GET", _exactUri, s_headers, null));

        /// <summary>A POST matched by its body (JSON parsed once per request, JSONPath on it).</summary>
        [Benchmark]
        public StubMatch ByBody() => _engine.Match(new StubRequest("POST", _bodyUri, s_headers, Body));

        /// <summary>No stub matches: the closest of the 200 is worked out with every reason (the unmatched path, rarer).</summary>
        [Benchmark]
        public StubMatch Miss() => _engine.Match(new StubRequest("GET", _missUri, s_headers, null));

        private sealed class Settings : ManualConfig
        {
            public Settings()
            {
                AddJob(Job.ShortRun);
                AddColumn(StatisticColumn.OperationsPerSecond);
            }
        }
    }
}
