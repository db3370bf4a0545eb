using System;
using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Emulator.Storage;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Emulator.EntryPoints
{
    /// <summary>
    /// Entry points under <c>/organization/{orgId}/entry-point</c> (list, which strips array fields; get; put the full DTO) and,
    /// read-only, the queues under <c>/organization/{orgId}/contact-service-queue</c>. Reading needs
    /// <see cref="WxccScopes.ConfigRead"/>, changing <see cref="WxccScopes.ConfigWrite"/> (the OAS states no scope: our choice).
    /// </summary>
    internal sealed class EntryPointHandler
    {
        internal const string Prefix = "organization";
        internal const string EntryPointSegment = "entry-point";
        internal const string QueueSegment = "contact-service-queue";

        private readonly LabState _state;
        private readonly WxccGate _gate;
        private readonly Func<DateTimeOffset> _clock;

        internal EntryPointHandler(LabState state, WxccGate gate, Func<DateTimeOffset> clock)
        {
            _state = state;
            _gate = gate;
            _clock = clock;
        }

        /// <summary>True for the paths this handler serves (the rest of <c>/organization/…</c> stays MockAPI's).</summary>
        internal static bool Serves(IReadOnlyList<string> segments) =>
            segments.Count >= 3 && segments.Count <= 4 && segments[0] == Prefix && (segments[2] == EntryPointSegment || segments[2] == QueueSegment);

        internal EmulatorResponse Handle(EmulatorRequest request, string trackingId)
        {
            IReadOnlyList<string> segments = request.Segments;
            string orgId = segments[1];
            bool queues = segments[2] == QueueSegment;
            string collection = queues ? WxccRecords.Queues : WxccRecords.EntryPoints;
            string? id = segments.Count == 4 ? segments[3] : null;
            string allow = id == null || queues ? "GET" : "GET, PUT";
            bool isPut = request.Method == "PUT" && allow.Contains("PUT");
            if (request.Method != "GET" && !isPut)
            {
                return WxccErrors.Create(405, trackingId, "Method not allowed; use " + allow + ".").WithHeader("Allow", allow);
            }

            if (_gate.Refuse(request, trackingId, isPut ? WxccScopes.ConfigWrite : WxccScopes.ConfigRead, orgId, _state.OrgId) is EmulatorResponse refused)
            {
                return refused;
            }

            string what = queues ? "Queue" : "Entry point";
            lock (_state.Sync)
            {
                MockResource records = _state.Wxcc[collection];
                if (id == null)
                {
                    return EmulatorResponse.Json(200, new JArray(records.Records.Select(r => Stamped(WithoutArrays(r)))));
                }

                JObject? stored = records.Records.FirstOrDefault(r => string.Equals((string?)r["id"], id, StringComparison.OrdinalIgnoreCase));
                if (stored == null)
                {
                    return WxccErrors.Create(404, trackingId, $"{what} '{id}' does not exist in this organization.");
                }

                return isPut ? Update(request, trackingId, stored) : EmulatorResponse.Json(200, Stamped((JObject)stored.DeepClone()));
            }
        }

        /// <summary>A copy as answered: with the organization it belongs to (seeded records are stored without it).</summary>
        private JObject Stamped(JObject copy)
        {
            copy["organizationId"] = _state.OrgId;
            return copy;
        }

        /// <summary>The list strips array fields (OAS: "fetch by id before updating").</summary>
        private static JObject WithoutArrays(JObject record)
        {
            var copy = new JObject();
            foreach (JProperty property in record.Properties().Where(p => p.Value.Type != JTokenType.Array))
            {
                copy[property.Name] = property.Value.DeepClone();
            }

            return copy;
        }

        /// <summary>Replaces the stored DTO with the sent one (caller holds the lock). Read-only fields keep the server's values.</summary>
        private EmulatorResponse Update(EmulatorRequest request, string trackingId, JObject stored)
        {
            JObject? body = null;
            try
            {
                body = JToken.Parse(request.Body) as JObject;
            }
            catch (JsonReaderException)
            {
                // reported below
            }

            if (body == null)
            {
                return WxccErrors.Create(400, trackingId, "The body must be a JSON EntryPointDTO object.");
            }

            string id = (string)stored["id"]!;
            MockResource flows = _state.Wxcc[WxccRecords.Flows];
            List<string> problems = EntryPointValidator.Validate(body, id, flowId => flows.Find(flowId) != null);
            string? name = (string?)(body["name"] as JValue);
            if (name != null && _state.Wxcc[WxccRecords.EntryPoints].Records.Any(r =>
                    !ReferenceEquals(r, stored) && string.Equals((string?)r["name"], name, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"name '{name}' is already used by another entry point.");
            }

            if (problems.Count > 0)
            {
                return WxccErrors.Create(400, trackingId, problems.ToArray());
            }

            if (body["version"] is JToken sentVersion && sentVersion.Type == JTokenType.Integer && (long)sentVersion != ((long?)stored["version"] ?? 0))
            {
                return WxccErrors.Create(412, trackingId, $"version {(long)sentVersion} is not the entry point's current version {((long?)stored["version"] ?? 0)}; fetch it again.");
            }

            var updated = (JObject)body.DeepClone();
            updated["id"] = id;
            updated["version"] = ((long?)stored["version"] ?? 0) + 1;
            updated["createdTime"] = stored["createdTime"]?.DeepClone();
            updated["lastUpdatedTime"] = _clock().ToUnixTimeMilliseconds();
            try
            {
                _state.Commit(StoreChange.PutWxcc(WxccRecords.EntryPoints, updated));
            }
            catch (DataWriteException ex)
            {
                return WxccErrors.Create(ex.WritesStopped ? 503 : 500, trackingId, ex.Message);
            }

            return EmulatorResponse.Json(200, Stamped((JObject)updated.DeepClone()));
        }
    }
}
