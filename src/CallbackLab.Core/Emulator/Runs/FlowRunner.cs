using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator.FlowStore;
using CallbackLab.Core.Emulator.Storage;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Flows.Subflows;
using CallbackLab.Core.Stubs;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Emulator.Runs
{
    /// <summary>
    /// Runs an EXECUTE_FLOW task: the entry point's flow version (the one its <c>flowTagId</c> names, else Latest) goes through
    /// <see cref="IvrSimulator"/> with the task's <c>destination</c> as the caller (ANI) and its <c>origin</c> as the dialled
    /// number (DNIS). The flow's HTTP requests are served by this emulator — MockAPI, <c>/v1/tasks</c> through the connector,
    /// its stubs for every other host — and never reach the network. The run is kept (data file included) with the answers it
    /// got, and its result can be read back, after a restart by replay.
    /// </summary>
    internal sealed class FlowRunner
    {
        /// <summary>The task attribute holding the caller's inputs, comma-separated (an emulator extension; a tenant sees an ordinary attribute).</summary>
        internal const string DigitsAttribute = "callbackLabDigits";

        private readonly LabState _state;
        private readonly LabEmulator _emulator;
        private readonly ConcurrentDictionary<string, IvrSimulationResult> _results = new ConcurrentDictionary<string, IvrSimulationResult>(StringComparer.Ordinal);

        internal FlowRunner(LabState state, LabEmulator emulator)
        {
            _state = state;
            _emulator = emulator;
        }

        /// <summary>The tag an entry point runs: its <c>flowTagId</c>, Latest when it names none.</summary>
        internal static string TagOf(JObject entryPoint) =>
            StoredFlow.CanonicalTag((string?)(entryPoint["flowTagId"] as JValue) ?? string.Empty) ?? StoredFlow.LatestTag;

        /// <summary>Runs the task's flow and keeps the run; never throws for a flow that cannot run (the run records why).</summary>
        internal async Task RunAsync(RecordedTask task)
        {
            JObject record;
            WxccFlow flow;
            SubflowLibrary subflows;
            lock (_state.Sync)
            {
                // Validated before the task was accepted; a PUT may have changed the entry point since: then the run says why it did not run.
                JObject? entryPoint = _state.Wxcc[WxccRecords.EntryPoints].Records
                    .FirstOrDefault(e => string.Equals((string?)e["id"], task.EntryPointId, StringComparison.OrdinalIgnoreCase));
                JObject? document = entryPoint == null ? null : _state.Wxcc[WxccRecords.Flows].Find((string?)(entryPoint["flowId"] as JValue) ?? string.Empty);
                string tag = entryPoint == null ? StoredFlow.LatestTag : TagOf(entryPoint);
                StoredFlow? stored = document == null ? null : new StoredFlow(document);
                JObject? version = stored?.Tagged(tag);
                List<StoredFlow> subflowFlows = _state.Wxcc[WxccRecords.Flows].Records.Select(r => new StoredFlow(r))
                    .Where(f => f.FlowType == "SUBFLOW" && f.LatestVersion != null).ToList();
                record = new JObject
                {
                    ["id"] = task.Id,
                    ["entryPointId"] = task.EntryPointId,
                    ["entryPointName"] = (string?)entryPoint?["name"],
                    ["flowId"] = stored?.Id,
                    ["flowName"] = stored?.Name,
                    ["versionId"] = (string?)version?["id"],
                    ["version"] = (int?)version?["version"] ?? 0,
                    ["tag"] = tag,
                    ["ani"] = task.Destination,
                    ["dnis"] = (string?)task.Request["origin"],
                    ["digits"] = new JArray(DigitsOf(task.Request)),
                    ["time"] = task.Time.ToUnixTimeMilliseconds(),
                    ["mockApiUri"] = _emulator.MockApiUri.AbsoluteUri,
                    ["baseUri"] = _emulator.BaseUri.AbsoluteUri,
                    ["subflows"] = new JArray(subflowFlows.Select(f => new JObject { ["flowId"] = f.Id, ["versionId"] = (string?)f.LatestVersion!["id"] })),
                };
                if (stored == null || version == null)
                {
                    record["outcome"] = "Error";
                    record["error"] = $"The entry point '{task.EntryPointId}' no longer runs a flow with a {tag} version; nothing was run.";
                    Keep(record, task.Id);
                    return;
                }

                flow = ParseVersion(stored, version);
                subflows = new SubflowLibrary(subflowFlows.Select(f => ParseVersion(f, f.LatestVersion!)));
            }

            var transport = new RecordingTransport(
                new StubRoutingTransport(_emulator.Stubs, HttpClientFlowTransport.Shared, new[] { _emulator.MockApiUri, _emulator.BaseUri }), task.Id);
            try
            {
                IvrSimulationResult result = await new IvrSimulator(transport).RunAsync(flow, Options(record, task.Request, subflows)).ConfigureAwait(false);
                record["outcome"] = result.Outcome.ToString();
                _results[task.Id] = result;
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                record["outcome"] = "Error";
                record["error"] = ex.Message;
            }

            record["exchanges"] = transport.Exchanges;
            lock (_state.Sync)
            {
                Keep(record, task.Id);
            }
        }

        /// <summary>Commits a run record (caller holds the lock).</summary>
        private void Keep(JObject record, string id)
        {
            try
            {
                _state.Commit(StoreChange.PutWxcc(WxccRecords.Runs, record));
            }
            catch (DataWriteException)
            {
                // The task is accepted (201) either way, as a tenant accepts it before the call runs; the run is then not kept.
                _results.TryRemove(id, out _);
            }
        }

        /// <summary>Every run kept, oldest first.</summary>
        internal IReadOnlyList<EmulatorRun> Runs()
        {
            List<JObject> records;
            lock (_state.Sync)
            {
                records = _state.Wxcc[WxccRecords.Runs].Records.ToList();
            }

            return records.Select(ToRun).ToList();
        }

        private EmulatorRun ToRun(JObject record)
        {
            string id = (string)record["id"]!;
            return new EmulatorRun(
                id, Text(record, "entryPointId"), Text(record, "entryPointName"), Text(record, "flowId"), Text(record, "flowName"), Text(record, "versionId"),
                (int?)record["version"] ?? 0, Text(record, "tag"), Text(record, "ani"), Text(record, "dnis"),
                ((record["digits"] as JArray) ?? new JArray()).Select(d => (string?)d ?? string.Empty).ToList(),
                DateTimeOffset.FromUnixTimeMilliseconds((long?)record["time"] ?? 0), Text(record, "outcome"), (string?)record["error"],
                () => record["error"] != null ? null : _results.TryGetValue(id, out IvrSimulationResult? known) ? known : Replay(record));
        }

        /// <summary>Rebuilds a run's result from its recorded answers (after a restart, or when it was not run in this process).</summary>
        private IvrSimulationResult? Replay(JObject record)
        {
            WxccFlow flow;
            SubflowLibrary subflows;
            JObject request;
            lock (_state.Sync)
            {
                if (!(_state.Wxcc[WxccRecords.Flows].Find(Text(record, "flowId")) is JObject document) ||
                    !(new StoredFlow(document).Version(Text(record, "versionId")) is JObject version))
                {
                    return null;
                }

                flow = ParseVersion(new StoredFlow(document), version);
                var used = new List<WxccFlow>();
                foreach (JObject sub in ((record["subflows"] as JArray) ?? new JArray()).OfType<JObject>())
                {
                    if (_state.Wxcc[WxccRecords.Flows].Find(Text(sub, "flowId")) is JObject subDocument &&
                        new StoredFlow(subDocument).Version(Text(sub, "versionId")) is JObject subVersion)
                    {
                        used.Add(ParseVersion(new StoredFlow(subDocument), subVersion));
                    }
                }

                subflows = new SubflowLibrary(used);
                request = _state.Tasks.FirstOrDefault(t => t.Id == Text(record, "id"))?.Request ?? new JObject();
            }

            var transport = new ReplayTransport((record["exchanges"] as JArray) ?? new JArray());
            IvrSimulationResult result = Task.Run(() => new IvrSimulator(transport).RunAsync(flow, Options(record, request, subflows))).GetAwaiter().GetResult();
            _results.TryAdd(Text(record, "id"), result);
            return result;
        }

        /// <summary>The caller and world of a run, the same for the run and its replay: all of it comes from the run record and the task.</summary>
        private IvrSimulationOptions Options(JObject record, JObject taskRequest, SubflowLibrary subflows)
        {
            var globals = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (JProperty attribute in ((taskRequest["attributes"] as JObject) ?? new JObject()).Properties())
            {
                if (!string.Equals(attribute.Name, DigitsAttribute, StringComparison.OrdinalIgnoreCase) && attribute.Value is JValue value)
                {
                    globals[attribute.Name] = value.Value;
                }
            }

            var baseUri = new Uri(Text(record, "baseUri"));
            return new IvrSimulationOptions
            {
                Ani = Text(record, "ani"),
                Dnis = Text(record, "dnis"),
                InteractionId = Text(record, "id"),
                StartTime = DateTimeOffset.FromUnixTimeMilliseconds((long?)record["time"] ?? 0),
                Digits = ((record["digits"] as JArray) ?? new JArray()).Select(d => (string?)d ?? string.Empty).ToList(),
                MockApiUri = new Uri(Text(record, "mockApiUri")),
                Connector = new EmulatorConnector(baseUri, _emulator),
                Subflows = subflows,
                GlobalVariables = globals,
            };
        }

        private static IEnumerable<string> DigitsOf(JObject request) =>
            ((string?)(request["attributes"]?[DigitsAttribute] as JValue) ?? string.Empty)
                .Split(new[] { ',' }, StringSplitOptions.None).Select(d => d.Trim()).Where((d, i) => d.Length > 0 || i > 0);

        private WxccFlow ParseVersion(StoredFlow flow, JObject version) =>
            WxccFlowReader.Parse(flow.Export(version, _state.OrgId).ToString(Newtonsoft.Json.Formatting.None),
                "emulator:" + flow.Name + " v" + ((int)version["version"]!).ToString(CultureInfo.InvariantCulture));

        private static string Text(JObject record, string name) => (string?)record[name] ?? string.Empty;

        /// <summary>The WxCC connector of a run: this emulator, with its starting token.</summary>
        private sealed class EmulatorConnector : IConnectorEndpoint
        {
            private readonly LabEmulator _emulator;

            internal EmulatorConnector(Uri baseUri, LabEmulator emulator)
            {
                BaseUri = baseUri;
                _emulator = emulator;
            }

            public Uri BaseUri { get; }

            public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult(_emulator.AccessToken);
        }
    }
}
