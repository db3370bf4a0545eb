using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Http;
using CallbackLab.Core.Wxcc;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.FlowStore
{
    /// <summary>
    /// The Flow Store API over the shared HTTP layer: list flows (following pages), export a version, import an export
    /// (multipart, 409 on a name clash) and publish with tags. Paths are <c>{base}/{orgId}/project/{projectId}/flows…</c>.
    /// </summary>
    public sealed class FlowStoreClient
    {
        /// <summary>The project id every Flow Store path uses ("Always use" in the OpenAPI).</summary>
        public const string ProjectId = "5e5c9ad6d61f870d6d778c1b";

        /// <summary>The most pages one listing follows; a server that ignores paging cannot keep a listing going for ever.</summary>
        public const int MaximumPages = 1000;

        private readonly WxccConnection _connection;
        private readonly ApiHttpClient _http;

        /// <summary>Creates a client for <paramref name="connection"/>.</summary>
        public FlowStoreClient(WxccConnection connection, ApiHttpClient http)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
            _http = http ?? throw new ArgumentNullException(nameof(http));
        }

        /// <summary>
        /// The Flow Store base: the connection's <see cref="WxccConnection.FlowStoreUri"/>, else the WxCC API base + <c>flow-store/</c>
        /// (the real host is unverified: the OpenAPI names no server).
        /// </summary>
        public Uri BaseUri => _connection.FlowStoreUri ?? new Uri(_connection.BaseUri.AbsoluteUri.TrimEnd('/') + "/flow-store/");

        /// <summary>The address of the flows collection, <c>…/{orgId}/project/{projectId}/flows</c>.</summary>
        /// <exception cref="OrganizationIdRequiredException">The connection has no organization id.</exception>
        public Uri FlowsUri
        {
            get
            {
                string orgId = NullableStrings.IsNullOrEmpty(_connection.OrgId) ? throw new OrganizationIdRequiredException("Flow Store") : _connection.OrgId;
                return new Uri(BaseUri.AbsoluteUri.TrimEnd('/') + "/" + Uri.EscapeDataString(orgId) + "/project/" + ProjectId + "/flows");
            }
        }

        /// <summary>Every flow matching <paramref name="query"/>, following the pages (each flow once, in the server's order).</summary>
        public async Task<IReadOnlyList<WxccFlowSummary>> ListFlowsAsync(FlowListQuery query, CancellationToken cancellationToken)
        {
            var flows = new List<WxccFlowSummary>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            int? page = 0;
            for (int pages = 0; page.HasValue && pages < MaximumPages; pages++)
            {
                FlowListPage current = await ListFlowPageAsync(query, page.Value, cancellationToken).ConfigureAwait(false);
                int added = 0;
                foreach (WxccFlowSummary flow in current.Flows)
                {
                    if (flow.Id.Length == 0 || seen.Add(flow.Id))
                    {
                        flows.Add(flow);
                        added++;
                    }
                }

                // A page with nothing new means the server ignored the page number: stop rather than loop.
                page = added == 0 ? null : current.Next;
            }

            return flows;
        }

        /// <summary>Page <paramref name="page"/> (0-based) of the flows matching <paramref name="query"/>, with page metadata.</summary>
        public async Task<FlowListPage> ListFlowPageAsync(FlowListQuery query, int page, CancellationToken cancellationToken)
        {
            if (query is null)
            {
                throw new ArgumentNullException(nameof(query));
            }

            int size = Math.Max(1, query.PageSize);
            var parts = new List<string>();
            if (query.Kind.HasValue)
            {
                parts.Add("flowType=" + (query.Kind.Value == FlowKind.Subflow ? "SUBFLOW" : "FLOW"));
            }

            if (query.Ids.Count > 0)
            {
                parts.Add("ids=" + string.Join(",", query.Ids.Select(Uri.EscapeDataString)));
            }

            if (!NullableStrings.IsNullOrEmpty(query.PartialName))
            {
                parts.Add("partialNameSearch=" + Uri.EscapeDataString(query.PartialName));
            }

            parts.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
            parts.Add("size=" + size.ToString(CultureInfo.InvariantCulture));
            parts.Add("includePagination=true");

            var request = new ApiRequest(ApiService.FlowStore, HttpMethod.Get, new Uri(FlowsUri.AbsoluteUri + "?" + string.Join("&", parts))) { IsIdempotent = true };
            ApiResponse response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            return ReadPage(response, page, size);
        }

        /// <summary>The request <see cref="ExportFlowAsync"/> sends (for error targets).</summary>
        /// <param name="flowId">The flow id.</param>
        /// <param name="version"><c>draft</c>, <c>latest</c> (any case) or a version id.</param>
        public ApiRequest NewExportRequest(string flowId, string version)
        {
            if (NullableStrings.IsNullOrEmpty(flowId))
            {
                throw new ArgumentException("A flow id is required.", nameof(flowId));
            }

            string value = NormalizeVersion(version);
            var uri = new Uri(FlowsUri.AbsoluteUri + "/" + Uri.EscapeDataString(flowId) + ":export?version=" + Uri.EscapeDataString(value));
            return new ApiRequest(ApiService.FlowStore, HttpMethod.Get, uri) { IsIdempotent = true };
        }

        /// <summary>The export of <paramref name="flowId"/> at <paramref name="version"/> (<c>FlowVersionRes</c>, the export JSON).</summary>
        /// <exception cref="ApiException">The Flow Store refused (404: no such flow or version) or answered with something that is not an export.</exception>
        public async Task<FlowExport> ExportFlowAsync(string flowId, string version, CancellationToken cancellationToken)
        {
            ApiRequest request = NewExportRequest(flowId, version);
            ApiResponse response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            JObject body = response.ReadJsonObject();
            if (!(body["process"] is JObject))
            {
                throw new ApiException(
                    request + " answered " + (int)response.StatusCode + " with JSON that is not a flow export (no process).", request,
                    ApiFailureKind.InvalidResponse, response.StatusCode, LogRedactor.RedactBody(response.Body, null));
            }

            string name = (string?)body["name"] is { Length: > 0 } exported ? exported : flowId;
            return new FlowExport(flowId, NormalizeVersion(version), name, response.Body, request.Uri);
        }

        /// <summary>
        /// Imports <paramref name="import"/> (multipart part <c>file</c>, <c>?overwrite=yes|no&amp;flowType=…</c>) and reads the
        /// created flow (<c>BasicFlowDTO</c>). Without overwrite the upload is not retried after an ambiguous failure: the first
        /// may have created the flow, and a second would then fail with 409.
        /// </summary>
        /// <exception cref="FlowNameConflictException">409: a flow of that name exists and overwrite was not asked for.</exception>
        /// <exception cref="ApiException">The Flow Store refused the import (400 names what is wrong) or could not be reached.</exception>
        public async Task<WxccFlowSummary> ImportFlowAsync(FlowImport import, CancellationToken cancellationToken)
        {
            if (import is null)
            {
                throw new ArgumentNullException(nameof(import));
            }

            (string body, string contentType) = MultipartFormBody.WithFile(
                "file", FileName(import.Name), "application/json", import.Json, MultipartFormBody.NewBoundary());
            var uri = new Uri(FlowsUri.AbsoluteUri + ":import?overwrite=" + (import.Overwrite ? "yes" : "no") + "&flowType=" + import.FlowTypeValue);
            var request = new ApiRequest(ApiService.FlowStore, HttpMethod.Post, uri)
            {
                Body = body,
                ContentType = contentType,
                IsIdempotent = import.Overwrite,
            };
            ApiResponse response;
            try
            {
                response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
            {
                throw new FlowNameConflictException(import.Name, ex);
            }

            JObject? created = TryReadObject(response);
            if (created is null || FlowStoreJson.Text(created["id"]) is not { Length: > 0 })
            {
                throw new ApiException(
                    request + " answered " + (int)response.StatusCode + " without a flow id: the flow may have been imported; list it before importing again.",
                    request, ApiFailureKind.InvalidResponse, response.StatusCode, LogRedactor.RedactBody(response.Body, null));
            }

            if (created["name"] is null)
            {
                created["name"] = import.Name;
            }

            return WxccFlowSummary.FromJson(created);
        }

        /// <summary>
        /// Publishes <paramref name="flowId"/> (<c>PublishParameters {comment, tagIds}</c>). Never retried after an ambiguous failure:
        /// every publish makes a version.
        /// </summary>
        /// <param name="flowId">The flow id (from an import or a listing).</param>
        /// <param name="name">The flow's name, for the result when the answer lacks it.</param>
        /// <param name="comment">The version comment.</param>
        /// <param name="tags">Tag ids: <c>Live</c>, <c>Test</c>, <c>Dev</c>, <c>Latest</c>.</param>
        /// <param name="overwrote">Whether the import before it overwrote a flow (carried into the result).</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        public async Task<WxccPublishedFlow> PublishFlowAsync(
            string flowId, string name, string? comment, IEnumerable<string> tags, bool overwrote, CancellationToken cancellationToken)
        {
            if (NullableStrings.IsNullOrEmpty(flowId))
            {
                throw new ArgumentException("A flow id is required.", nameof(flowId));
            }

            var body = new JObject
            {
                ["comment"] = comment ?? string.Empty,
                ["tagIds"] = new JArray((tags ?? Enumerable.Empty<string>()).Distinct(StringComparer.OrdinalIgnoreCase).Cast<object>().ToArray()),
            };
            var request = new ApiRequest(ApiService.FlowStore, HttpMethod.Post, new Uri(FlowsUri.AbsoluteUri + "/" + Uri.EscapeDataString(flowId) + ":publish"))
            {
                Body = body.ToString(Formatting.None),
                IsIdempotent = false,
            };
            ApiResponse response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            return WxccPublishedFlow.FromJson(TryReadObject(response) ?? new JObject(), flowId, name, comment, overwrote);
        }

        /// <summary>Imports then publishes: the loop's push step.</summary>
        /// <exception cref="FlowNameConflictException">The import met a flow of the same name without overwrite; nothing was published.</exception>
        public async Task<WxccPublishedFlow> ImportAndPublishAsync(FlowImport import, string? comment, IEnumerable<string> tags, CancellationToken cancellationToken)
        {
            WxccFlowSummary imported = await ImportFlowAsync(import, cancellationToken).ConfigureAwait(false);
            return await PublishFlowAsync(imported.Id, imported.Name, comment, tags, import.Overwrite, cancellationToken).ConfigureAwait(false);
        }

        /// <summary><c>draft</c> and <c>latest</c> in lower case (any case accepted); a version id as given.</summary>
        /// <exception cref="ArgumentException">The version is empty.</exception>
        public static string NormalizeVersion(string version)
        {
            if (NullableStrings.IsNullOrWhiteSpace(version))
            {
                throw new ArgumentException("A version is required: draft, latest or a version id.", nameof(version));
            }

            string trimmed = version.Trim();
            return trimmed.Equals("draft", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("latest", StringComparison.OrdinalIgnoreCase)
                ? trimmed.ToLowerInvariant()
                : trimmed;
        }

        /// <summary>Reads the flows and the page metadata; the names of the metadata fields vary, so several are accepted.</summary>
        internal static FlowListPage ReadPage(ApiResponse response, int page, int requestedSize)
        {
            JToken root = response.ReadJson();
            JObject? obj = root as JObject;
            JArray? items = root as JArray ?? obj?["data"] as JArray ?? obj?["flows"] as JArray ?? obj?["content"] as JArray;
            if (items is null)
            {
                throw new ApiException(
                    response.Request + " answered " + (int)response.StatusCode + " without a list of flows.", response.Request,
                    ApiFailureKind.InvalidResponse, response.StatusCode, LogRedactor.RedactBody(response.Body, null));
            }

            IReadOnlyList<WxccFlowSummary> flows = WxccFlowSummary.FromArray(items);
            JObject? meta = obj?["meta"] as JObject ?? obj?["pagination"] as JObject ?? obj?["pageInfo"] as JObject ?? obj?["page"] as JObject ?? obj;
            int? totalPages = FlowStoreJson.Integer(meta?["totalPages"]);
            int? total = FlowStoreJson.Integer(meta?["totalElements"] ?? meta?["totalRecords"] ?? meta?["total"] ?? meta?["totalCount"]);
            // The server may cap the size it was asked for; the metadata then says what it used.
            int size = FlowStoreJson.Integer(meta?["size"] ?? meta?["pageSize"]) is int used && used > 0 ? used : requestedSize;
            bool more = totalPages.HasValue ? page + 1 < totalPages.Value
                : total.HasValue ? (long)(page + 1) * size < total.Value
                : flows.Count >= size;
            return new FlowListPage(flows, page, totalPages, total, more && flows.Count > 0 ? page + 1 : null);
        }

        private static JObject? TryReadObject(ApiResponse response)
        {
            try
            {
                return string.IsNullOrWhiteSpace(response.Body) ? null : response.ReadJson() as JObject;
            }
            catch (ApiException)
            {
                return null;
            }
        }

        private static string FileName(string flowName)
        {
            char[] invalid = System.IO.Path.GetInvalidFileNameChars();
            string safe = new string(flowName.Select(c => Array.IndexOf(invalid, c) >= 0 ? '_' : c).ToArray());
            return (safe.Length == 0 ? "flow" : safe) + ".json";
        }

        private async Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken)
        {
            request.BearerToken = await _connection.GetAccessTokenAsync(_http, cancellationToken).ConfigureAwait(false);
            return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
