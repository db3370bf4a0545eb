using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PebbleGolden
{
    /// <summary>
    /// Builds tests/CallbackLab.Core.Tests/Expressions/Golden/pebble-golden.json: generates the cases, runs them through the
    /// Pebble oracle (real Pebble 4.1.2 on Java) and stores template, variables and Pebble's output or error.
    /// Commands: <c>generate --oracle PATH [--out FILE]</c>; <c>extract-flows DIR...</c> refreshes Data/flow-expressions.json.
    /// Run from the repository root.
    /// </summary>
    internal static class Program
    {
        private const string DefaultOut = "tests/CallbackLab.Core.Tests/Expressions/Golden/pebble-golden.json";
        private const string LabExport = "src/CallbackLab.Core/Flows/Lab/CallbackLab_Mission1.json";
        private const int RandomCount = 500;

        private static readonly JsonSerializerOptions s_compact = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private static int Main(string[] args)
        {
            if (args.Length >= 2 && args[0] == "extract-flows") return ExtractFlows(args.Skip(1));
            if (args.Length >= 1 && args[0] == "generate") return Generate(Option(args, "--oracle"), Option(args, "--out") ?? DefaultOut);
            Console.Error.WriteLine("usage: PebbleGolden generate --oracle <pebble-oracle> [--out FILE] | extract-flows <dir>...");
            return 2;
        }

        private static string? Option(string[] args, string name)
        {
            int i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        private static string DataPath(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

        private static readonly JsonSerializerOptions s_readableJson = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

        private static int ExtractFlows(IEnumerable<string> directories)
        {
            var files = directories.SelectMany(d => Directory.GetFiles(d, "*.json")).OrderBy(f => f, StringComparer.Ordinal).ToList();
            SortedSet<string> expressions = FlowExpressionCases.Collect(files);
            string target = Path.Combine("tools", "PebbleGolden", "Data", "flow-expressions.json");
            File.WriteAllText(target, JsonSerializer.Serialize(expressions, s_readableJson) + "\n");
            Console.WriteLine($"{expressions.Count} expressions from {files.Count} exports -> {target}");
            return 0;
        }

        private static IReadOnlyList<GoldenCase> BuildCases()
        {
            var sink = new CaseSink();
            using (JsonDocument table = JsonDocument.Parse(File.ReadAllBytes(DataPath("conformance-table.json"))))
            {
                foreach (JsonElement row in table.RootElement.EnumerateArray())
                {
                    // range(0, 1000000) checks CallbackLab's own list limit, not Pebble: its Pebble output is 7.8 MB of digits.
                    if (row.GetProperty("template").GetString() == "{{ range(0, 1000000) }}") continue;
                    sink.Add("table", row.GetProperty("template").GetString()!, VariableSets.Lab, row.GetProperty("strict").GetBoolean());
                }
            }

            ExpressionCases.AddAll(sink);
            CallableCases.AddAll(sink);
            TemplateCases.AddAll(sink);
            string[] samples = JsonSerializer.Deserialize<string[]>(File.ReadAllText(DataPath("flow-expressions.json")))!;
            FlowExpressionCases.AddAll(sink, samples, LabExport);
            RandomExpressions.AddAll(sink, RandomCount);
            return sink.Cases;
        }

        private static int Generate(string? oracle, string outPath)
        {
            if (oracle is null)
            {
                Console.Error.WriteLine("--oracle <path to pebble-oracle> is required (it needs Java 17).");
                return 2;
            }

            IReadOnlyList<GoldenCase> cases = BuildCases();
            string input = Path.GetTempFileName();
            try
            {
                File.WriteAllText(input, OracleInput(cases), new UTF8Encoding(false));
                var start = new ProcessStartInfo(oracle, new[] { input }) { RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8 };
                using Process process = Process.Start(start)!;
                string output = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    Console.Error.WriteLine($"the oracle exited with {process.ExitCode}");
                    return 1;
                }

                using JsonDocument results = JsonDocument.Parse(output);
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
                File.WriteAllText(outPath, GoldenFile(cases, results.RootElement), new UTF8Encoding(false));
                Console.WriteLine($"{cases.Count} cases -> {outPath}");
                return 0;
            }
            finally
            {
                File.Delete(input);
            }
        }

        private static string OracleInput(IReadOnlyList<GoldenCase> cases)
        {
            var sb = new StringBuilder("[\n");
            for (int i = 0; i < cases.Count; i++)
            {
                GoldenCase c = cases[i];
                sb.Append("{\"id\":").Append(JsonSerializer.Serialize(c.Id, s_compact))
                  .Append(",\"template\":").Append(JsonSerializer.Serialize(c.Template, s_compact))
                  .Append(",\"strict\":").Append(c.Strict ? "true" : "false")
                  .Append(",\"variables\":").Append(VariableSets.All[c.VariableSet]).Append('}')
                  .Append(i + 1 < cases.Count ? ",\n" : "\n");
            }

            return sb.Append("]\n").ToString();
        }

        /// <summary>One case per line so a regeneration diffs line by line; variable sets are stored once and named by each case.</summary>
        private static string GoldenFile(IReadOnlyList<GoldenCase> cases, JsonElement results)
        {
            var byId = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (JsonElement result in results.EnumerateArray()) byId[result.GetProperty("id").GetString()!] = result;

            // A Java array or stream prints with its identity hash, which changes from run to run: such a case has no fixed answer.
            cases = cases.Where(c => !s_identityHash.IsMatch(Raw(byId[c.Id], "output"))).ToList();

            var sb = new StringBuilder();
            sb.Append("{\n\"engine\": \"Pebble 4.1.2 (io.pebbletemplates:pebble), strictVariables per case, autoEscaping false, locale en-US, time zone UTC\",\n");
            sb.Append("\"generator\": \"tools/PebbleGolden (seed ").Append(RandomExpressions.Seed).Append(")\",\n");
            sb.Append("\"variableSets\": {\n");
            int n = 0;
            foreach (KeyValuePair<string, string> set in VariableSets.All)
            {
                using JsonDocument parsed = JsonDocument.Parse(set.Value);
                sb.Append(JsonSerializer.Serialize(set.Key, s_compact)).Append(": ").Append(JsonSerializer.Serialize(parsed.RootElement, s_compact))
                  .Append(++n < VariableSets.All.Count ? ",\n" : "\n");
            }

            sb.Append("},\n\"cases\": [\n");
            for (int i = 0; i < cases.Count; i++)
            {
                GoldenCase c = cases[i];
                JsonElement r = byId[c.Id];
                sb.Append("{\"id\":").Append(JsonSerializer.Serialize(c.Id, s_compact))
                  .Append(",\"template\":").Append(JsonSerializer.Serialize(c.Template, s_compact))
                  .Append(",\"variables\":").Append(JsonSerializer.Serialize(c.VariableSet, s_compact));
                if (c.Strict) sb.Append(",\"strict\":true");
                if (r.TryGetProperty("error", out _))
                {
                    sb.Append(",\"error\":{\"kind\":").Append(JsonSerializer.Serialize(r.GetProperty("errorKind").GetString(), s_compact))
                      .Append(",\"exception\":").Append(Raw(r, "pebbleException"))
                      .Append(",\"message\":").Append(Raw(r, "message"))
                      .Append(",\"rootCause\":").Append(Raw(r, "rootCause"))
                      .Append(",\"rootCauseMessage\":").Append(Raw(r, "rootCauseMessage")).Append('}');
                }
                else
                {
                    sb.Append(",\"output\":").Append(Raw(r, "output"));
                }

                sb.Append('}').Append(i + 1 < cases.Count ? ",\n" : "\n");
            }

            return sb.Append("]\n}\n").ToString();
        }

        private static readonly System.Text.RegularExpressions.Regex s_identityHash =
            new System.Text.RegularExpressions.Regex(@"(\[L[\w.$]+;|\[[BCIJ]|java\.[\w.$]+)@[0-9a-f]{5,8}");

        private static string Raw(JsonElement result, string name) =>
            result.TryGetProperty(name, out JsonElement value) ? JsonSerializer.Serialize(value, s_compact) : "null";
    }
}
