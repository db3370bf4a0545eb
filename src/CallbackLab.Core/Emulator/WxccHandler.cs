using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator.Storage;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Emulator
{
    /// <summary>The WxCC tasks API: <c>POST /v1/tasks</c> (Create Task) and <c>GET /v1/tasks</c> (list), behind bearer tokens and a rate limit.</summary>
    internal sealed class WxccHandler
    {
        private static readonly HashSet<string> s_channelTypes = new HashSet<string>(StringComparer.Ordinal) { "email", "chat", "telephony", "social" };
        private readonly LabState _state;
        private readonly WxccGate _gate;
        private readonly IReadOnlyCollection<string> _outboundEntryPoints;
        private readonly Func<DateTimeOffset> _clock;

        internal WxccHandler(LabState state, WxccGate gate, IReadOnlyCollection<string> outboundEntryPoints, Func<DateTimeOffset> clock)
        {
            _state = state;
            _gate = gate;
            _outboundEntryPoints = outboundEntryPoints;
            _clock = clock;
        }

        /// <summary>The organization every token belongs to (<c>meta.orgId</c>).</summary>
        internal string OrgId => _state.OrgId;

        /// <summary>Runs an accepted EXECUTE_FLOW task before it is answered; null runs nothing.</summary>
        internal Func<RecordedTask, Task>? ExecuteFlow { get; set; }

        internal async Task<EmulatorResponse> HandleTasksAsync(EmulatorRequest request, string trackingId)
        {
            if (request.Method != "POST" && request.Method != "GET")
            {
                return WxccErrors.Create(405, trackingId, "Method not allowed on /v1/tasks; use POST or GET.").WithHeader("Allow", "GET, POST");
            }

            if (_gate.Refuse(request, trackingId, WxccScopes.User) is EmulatorResponse refused)
            {
                return refused;
            }

            return request.Method == "POST" ? await CreateAsync(request, trackingId).ConfigureAwait(false) : List(request, trackingId);
        }

        private async Task<EmulatorResponse> CreateAsync(EmulatorRequest request, string trackingId)
        {
            JObject body;
            try
            {
                body = JToken.Parse(request.Body) as JObject ?? throw new JsonReaderException("The body is not a JSON object.");
            }
            catch (JsonReaderException ex)
            {
                return WxccErrors.Create(400, trackingId, "The request body is not a valid JSON object: " + ex.Message);
            }

            List<string> problems;
            lock (_state.Sync)
            {
                problems = TaskValidator.Validate(body, OutboundEntryPoints());
                if ((string?)(body["outboundType"] as JValue) == "EXECUTE_FLOW" && (string?)(body["entryPointId"] as JValue) is string inbound && inbound.Length > 0 &&
                    InboundProblem(inbound) is string problem)
                {
                    problems.Add(problem);
                }
            }

            if (problems.Count > 0)
            {
                return WxccErrors.Create(400, trackingId, problems.ToArray());
            }

            var task = new RecordedTask(Guid.NewGuid().ToString(), body, _clock());
            lock (_state.Sync)
            {
                try
                {
                    _state.Commit(StoreChange.AddTask(task));
                }
                catch (DataWriteException ex)
                {
                    return WxccErrors.Create(ex.WritesStopped ? 503 : 500, trackingId, ex.Message);
                }
            }

            // The tenant answers at once and runs the flow afterwards; the emulator finishes the (virtual-time) call first, so a
            // client holding its 201 can read the run. A task a run itself sends is recorded but not run again (no recursion).
            if (task.OutboundType == "EXECUTE_FLOW" && ExecuteFlow != null && request.Headers[Runs.RecordingTransport.RunHeader] == null)
            {
                await ExecuteFlow(task).ConfigureAwait(false);
            }

            return EmulatorResponse.Json(201, new JObject
            {
                ["meta"] = new JObject { ["orgId"] = OrgId },
                ["data"] = new JObject { ["id"] = task.Id },
            });
        }

        /// <summary>The seed's outbound entry points and every OUTBOUND entry point stored. Caller holds the lock.</summary>
        private IReadOnlyCollection<string> OutboundEntryPoints()
        {
            var ids = new List<string>(_outboundEntryPoints);
            ids.AddRange(_state.Wxcc[WxccRecords.EntryPoints].Records
                .Where(e => (string?)e["entryPointType"] == "OUTBOUND").Select(e => (string)e["id"]!));
            return ids;
        }

        /// <summary>Why an EXECUTE_FLOW task cannot run on <paramref name="entryPointId"/>; null when it is an inbound entry point mapped to a flow. Caller holds the lock.</summary>
        private string? InboundProblem(string entryPointId)
        {
            JObject? entryPoint = _state.Wxcc[WxccRecords.EntryPoints].Records
                .FirstOrDefault(e => string.Equals((string?)e["id"], entryPointId, StringComparison.OrdinalIgnoreCase));
            if (entryPoint == null || (string?)entryPoint["entryPointType"] != "INBOUND")
            {
                return $"entryPointId '{entryPointId}' is not an inbound entry point of this organization; EXECUTE_FLOW runs the flow of an inbound entry point.";
            }

            string? flowId = (string?)(entryPoint["flowId"] as JValue);
            if (string.IsNullOrEmpty(flowId) || !(_state.Wxcc[WxccRecords.Flows].Find(flowId!) is JObject flow))
            {
                return $"entryPointId '{entryPointId}' ({(string?)entryPoint["name"]}) is not mapped to a flow.";
            }

            string tag = Runs.FlowRunner.TagOf(entryPoint);
            var stored = new FlowStore.StoredFlow(flow);
            return stored.Tagged(tag) == null
                ? $"entryPointId '{entryPointId}' ({(string?)entryPoint["name"]}) runs the {tag} version of '{stored.Name}', which has none; publish it with that tag."
                : null;
        }

        private EmulatorResponse List(EmulatorRequest request, string trackingId)
        {
            var problems = new List<string>();
            long? from = EpochQuery(request, "from", problems);
            if (request.Query["from"] == null)
            {
                problems.Add("from is required (epoch milliseconds).");
            }

            long? to = EpochQuery(request, "to", problems);
            int pageSize = IntQuery(request, "pageSize", 100, 1, 1000, problems);
            int page = IntQuery(request, "page", 0, 0, int.MaxValue, problems);
            string[] channelTypes = (request.Query["channelTypes"] ?? string.Empty)
                .Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()).ToArray();
            foreach (string channelType in channelTypes.Where(c => !s_channelTypes.Contains(c)))
            {
                problems.Add($"channelTypes value '{channelType}' is not one of email, chat, telephony, social.");
            }

            if (problems.Count > 0)
            {
                return WxccErrors.Create(400, trackingId, problems.ToArray());
            }

            List<RecordedTask> tasks;
            lock (_state.Sync)
            {
                tasks = _state.Tasks.ToList();
            }

            var data = new JArray();
            foreach (RecordedTask task in tasks
                .Where(t => t.Time.ToUnixTimeMilliseconds() >= from && (to == null || t.Time.ToUnixTimeMilliseconds() <= to))
                .Where(t => channelTypes.Length == 0 || channelTypes.Contains(ChannelType(t)))
                .OrderBy(t => t.Time)
                .Skip((int)Math.Min(int.MaxValue, (long)page * pageSize))
                .Take(pageSize))
            {
                data.Add(Describe(task));
            }

            return EmulatorResponse.Json(200, new JObject
            {
                ["meta"] = new JObject { ["orgId"] = OrgId, ["page"] = page, ["pageSize"] = pageSize },
                ["data"] = data,
            });
        }

        private static JObject Describe(RecordedTask task)
        {
            long created = task.Time.ToUnixTimeMilliseconds();
            string direction = task.OutboundType == "OUTDIAL" ? "outdial" : task.OutboundType == "EXECUTE_FLOW" ? "inbound" : "outbound";
            return new JObject
            {
                ["id"] = task.Id,
                ["attributes"] = new JObject
                {
                    ["channelType"] = ChannelType(task),
                    ["status"] = "created",
                    ["createdTime"] = created,
                    ["lastUpdatedTime"] = created,
                    ["captureRequested"] = false,
                    ["origin"] = (string?)task.Request["origin"],
                    ["destination"] = task.Destination,
                    ["direction"] = direction,
                    ["entryPointId"] = task.EntryPointId,
                    ["outboundType"] = task.OutboundType,
                },
            };
        }

        private static string ChannelType(RecordedTask task) => (string?)task.Request["mediaType"] ?? "telephony";

        private static long? EpochQuery(EmulatorRequest request, string name, List<string> problems)
        {
            string? text = request.Query[name];
            if (text == null)
            {
                return null;
            }

            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
            {
                return value;
            }

            problems.Add($"{name} must be epoch milliseconds.");
            return null;
        }

        private static int IntQuery(EmulatorRequest request, string name, int fallback, int min, int max, List<string> problems)
        {
            string? text = request.Query[name];
            if (text == null)
            {
                return fallback;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max)
            {
                return value;
            }

            problems.Add($"{name} must be a whole number from {min} to {max}.");
            return fallback;
        }
    }
}
