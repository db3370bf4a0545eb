using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CallbackLab.Core.Emulator.Storage;
using CallbackLab.Core.Flows.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Emulator.FlowStore
{
    /// <summary>
    /// The Flow Store under <c>/flow-store/{orgId}/project/5e5c9ad6d61f870d6d778c1b/</c>: list flows, export a version, import
    /// an export (multipart), publish the draft with tags. Each choice where the reference is silent is documented in docs/emulator.md.
    /// </summary>
    internal sealed class FlowStoreHandler
    {
        /// <summary>The one project id the Flow Store knows ("Always use: 5e5c9ad6d61f870d6d778c1b").</summary>
        internal const string ProjectId = "5e5c9ad6d61f870d6d778c1b";

        /// <summary>The first path segment of every Flow Store route.</summary>
        internal const string Prefix = "flow-store";

        /// <summary>The page size when none is asked for, and the most a page holds (larger sizes are cut to it).</summary>
        internal const int DefaultPageSize = 10;
        internal const int MaxPageSize = 100;

        private readonly LabState _state;
        private readonly WxccGate _gate;
        private readonly Func<DateTimeOffset> _clock;

        private readonly string _publishScope;

        internal FlowStoreHandler(LabState state, WxccGate gate, Func<DateTimeOffset> clock, bool publishAcceptsReadScope = false)
        {
            _state = state;
            _gate = gate;
            _clock = clock;
            _publishScope = publishAcceptsReadScope ? WxccScopes.ConfigRead : WxccScopes.ConfigWrite;
        }

        internal EmulatorResponse Handle(EmulatorRequest request, string trackingId)
        {
            IReadOnlyList<string> segments = request.Segments;

            // flow-store / {orgId} / project / {projectId} / flows[:import] [/ {flowId}:export|:publish]
            if (segments.Count < 5 || segments[2] != "project" || segments[3] != ProjectId || segments.Count > 6)
            {
                return WxccErrors.Create(404, trackingId, "No Flow Store route matches " + request.RawPath + ".");
            }

            string orgId = segments[1];
            if (segments.Count == 5 && segments[4] == "flows")
            {
                return request.Method == "GET" ? Gated(request, trackingId, WxccScopes.ConfigRead, orgId, List) : NotAllowed(trackingId, "GET");
            }

            if (segments.Count == 5 && segments[4] == "flows:import")
            {
                return request.Method == "POST" ? Gated(request, trackingId, WxccScopes.ConfigWrite, orgId, Import) : NotAllowed(trackingId, "POST");
            }

            if (segments.Count == 6 && segments[4] == "flows")
            {
                string action = segments[5];
                if (action.EndsWith(":export", StringComparison.Ordinal))
                {
                    string flowId = action.Substring(0, action.Length - ":export".Length);
                    return request.Method == "GET"
                        ? Gated(request, trackingId, WxccScopes.ConfigRead, orgId, (r, t) => Export(r, t, flowId))
                        : NotAllowed(trackingId, "GET");
                }

                if (action.EndsWith(":publish", StringComparison.Ordinal))
                {
                    string flowId = action.Substring(0, action.Length - ":publish".Length);
                    return request.Method == "POST"
                        ? Gated(request, trackingId, _publishScope, orgId, (r, t) => Publish(r, t, flowId))
                        : NotAllowed(trackingId, "POST");
                }
            }

            return WxccErrors.Create(404, trackingId, "No Flow Store route matches " + request.RawPath + ".");
        }

        private EmulatorResponse Gated(EmulatorRequest request, string trackingId, string scope, string orgId, Func<EmulatorRequest, string, EmulatorResponse> handle) =>
            _gate.Refuse(request, trackingId, scope, orgId, _state.OrgId) ?? handle(request, trackingId);

        private static EmulatorResponse NotAllowed(string trackingId, string allow) =>
            WxccErrors.Create(405, trackingId, "Method not allowed; use " + allow + ".").WithHeader("Allow", allow);

        private EmulatorResponse List(EmulatorRequest request, string trackingId)
        {
            var problems = new List<string>();
            string? flowType = request.Query["flowType"];
            if (flowType != null && flowType != "FLOW" && flowType != "SUBFLOW")
            {
                problems.Add($"flowType '{flowType}' is not FLOW or SUBFLOW.");
            }

            int page = IntQuery(request, "page", 0, int.MaxValue, 0, problems);
            int size = Math.Min(MaxPageSize, IntQuery(request, "size", 1, int.MaxValue, DefaultPageSize, problems));
            string? includePagination = request.Query["includePagination"];
            if (includePagination != null && includePagination != "true" && includePagination != "false")
            {
                problems.Add("includePagination must be true or false.");
            }

            if (problems.Count > 0)
            {
                return WxccErrors.Create(400, trackingId, problems.ToArray());
            }

            string search = request.Query["partialNameSearch"] ?? string.Empty;
            HashSet<string>? ids = request.Query["ids"] is string idList
                ? new HashSet<string>(idList.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(i => i.Trim()), StringComparer.Ordinal)
                : null;
            List<StoredFlow> matching;
            lock (_state.Sync)
            {
                matching = _state.Wxcc[WxccRecords.Flows].Records.Select(r => new StoredFlow(r))
                    .Where(f => flowType == null || f.FlowType == flowType)
                    .Where(f => ids == null || ids.Contains(f.Id))
                    .Where(f => search.Length == 0 || f.Name.IndexOf(search, StringComparison.OrdinalIgnoreCase) >= 0)
                    .OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
                    .ThenBy(f => f.Id, StringComparer.Ordinal)
                    .ToList();
            }

            var data = new JArray(matching.Skip((int)Math.Min(int.MaxValue, (long)page * size)).Take(size).Select(f => f.Basic(_state.OrgId)));
            if (includePagination != "true")
            {
                return EmulatorResponse.Json(200, data);
            }

            return EmulatorResponse.Json(200, new JObject
            {
                ["data"] = data,
                ["meta"] = new JObject
                {
                    ["page"] = page,
                    ["pageSize"] = size,
                    ["totalPages"] = (matching.Count + size - 1) / size,
                    ["totalRecords"] = matching.Count,
                },
            });
        }

        private EmulatorResponse Export(EmulatorRequest request, string trackingId, string flowId)
        {
            string version = request.Query["version"] ?? "latest";
            lock (_state.Sync)
            {
                if (!(_state.Wxcc[WxccRecords.Flows].Find(flowId) is JObject document))
                {
                    return WxccErrors.Create(404, trackingId, $"Flow '{flowId}' does not exist.");
                }

                var flow = new StoredFlow(document);
                JObject? chosen;
                if (string.Equals(version, "draft", StringComparison.OrdinalIgnoreCase))
                {
                    chosen = null;
                }
                else if (string.Equals(version, "latest", StringComparison.OrdinalIgnoreCase))
                {
                    chosen = flow.LatestVersion; // a flow never published exports its draft (our choice; see docs/emulator.md)
                }
                else
                {
                    chosen = flow.Version(version);
                    if (chosen == null && !string.Equals(version, flow.DraftId, StringComparison.Ordinal))
                    {
                        return WxccErrors.Create(404, trackingId, $"Flow '{flowId}' has no version '{version}'.");
                    }
                }

                return EmulatorResponse.Json(200, flow.Export(chosen, _state.OrgId));
            }
        }

        private EmulatorResponse Import(EmulatorRequest request, string trackingId)
        {
            var problems = new List<string>();
            string overwrite = request.Query["overwrite"] ?? "no";
            if (overwrite != "yes" && overwrite != "no")
            {
                problems.Add($"overwrite '{overwrite}' is not yes or no.");
            }

            string? queryType = request.Query["flowType"];
            if (queryType != null && queryType != "FLOW" && queryType != "SUBFLOW")
            {
                problems.Add($"flowType '{queryType}' is not FLOW or SUBFLOW.");
            }

            if (problems.Count > 0)
            {
                return WxccErrors.Create(400, trackingId, problems.ToArray());
            }

            if (request.Headers["Content-Length"] == null)
            {
                return WxccErrors.Create(411, trackingId, "The Content-Length header is required.");
            }

            if (!(MultipartForm.Boundary(request.ContentType) is string boundary))
            {
                return WxccErrors.Create(400, trackingId, "The body must be multipart/form-data with a boundary, holding the export in the part 'file'.");
            }

            if (!MultipartForm.Parse(request.Body, boundary).TryGetValue("file", out string? file))
            {
                return WxccErrors.Create(400, trackingId, "The multipart body has no part named 'file'.");
            }

            (JObject? export, string? error) = FlowImport.Read(file, queryType);
            if (export == null)
            {
                return WxccErrors.Create(400, trackingId, error!);
            }

            string name = ((string)export["name"]!).Trim();
            string flowType = (string)export["flowType"]!;
            DateTimeOffset now = _clock();
            lock (_state.Sync)
            {
                MockResource flows = _state.Wxcc[WxccRecords.Flows];
                StoredFlow? existing = flows.Records.Select(r => new StoredFlow(r))
                    .FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
                StoredFlow imported;
                if (existing != null)
                {
                    if (overwrite != "yes")
                    {
                        return WxccErrors.Create(409, trackingId, $"A flow named '{existing.Name}' already exists; import with overwrite=yes to replace its draft.");
                    }

                    if (existing.FlowType != flowType)
                    {
                        return WxccErrors.Create(400, trackingId, $"'{existing.Name}' is a {existing.FlowType}; it cannot be overwritten with a {flowType}.");
                    }

                    imported = existing.WithDraft(export, now);
                }
                else
                {
                    imported = StoredFlow.Create(name, flowType, export, now);
                }

                return Save(imported, 201, trackingId);
            }
        }

        private EmulatorResponse Publish(EmulatorRequest request, string trackingId, string flowId)
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

            var problems = new List<string>();
            if (body == null)
            {
                problems.Add("The body must be a JSON object {\"comment\": …, \"tagIds\": […]}.");
            }
            else
            {
                if (body["comment"] != null && body["comment"]!.Type != JTokenType.String && body["comment"]!.Type != JTokenType.Null)
                {
                    problems.Add("comment must be a string.");
                }

                if (!(body["tagIds"] is JArray))
                {
                    problems.Add("tagIds is required: an array of Live, Test, Dev or Latest.");
                }
            }

            var tags = new List<string>();
            foreach (JToken tag in (body?["tagIds"] as JArray) ?? new JArray())
            {
                if (tag.Type == JTokenType.String && StoredFlow.CanonicalTag((string)tag!) is string canonical)
                {
                    tags.Add(canonical);
                }
                else
                {
                    problems.Add($"tagIds value '{tag}' is not one of Live, Test, Dev, Latest.");
                }
            }

            if (problems.Count > 0)
            {
                return WxccErrors.Create(400, trackingId, problems.ToArray());
            }

            string comment = (string?)body!["comment"] ?? string.Empty;
            lock (_state.Sync)
            {
                if (!(_state.Wxcc[WxccRecords.Flows].Find(flowId) is JObject document))
                {
                    return WxccErrors.Create(404, trackingId, $"Flow '{flowId}' does not exist.");
                }

                StoredFlow published = new StoredFlow(document).Published(comment, tags, _clock());
                return Save(published, 200, trackingId, full: true);
            }
        }

        /// <summary>Commits the flow (caller holds the lock) and answers its BasicFlowDTO, or FlowRes when <paramref name="full"/>.</summary>
        private EmulatorResponse Save(StoredFlow flow, int status, string trackingId, bool full = false)
        {
            try
            {
                _state.Commit(StoreChange.PutWxcc(WxccRecords.Flows, flow.Document));
            }
            catch (DataWriteException ex)
            {
                return WxccErrors.Create(ex.WritesStopped ? 503 : 500, trackingId, ex.Message);
            }

            return EmulatorResponse.Json(status, full ? flow.Full(_state.OrgId) : flow.Basic(_state.OrgId));
        }

        private static int IntQuery(EmulatorRequest request, string name, int min, int max, int fallback, List<string> problems)
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

            problems.Add($"{name} must be a whole number from {min}.");
            return fallback;
        }
    }
}
