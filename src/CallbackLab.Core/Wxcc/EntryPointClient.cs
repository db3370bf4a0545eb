using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.FlowStore;
using CallbackLab.Core.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Wxcc
{
    /// <summary>
    /// Entry points over the shared HTTP layer (<c>{base}/organization/{orgId}/entry-point[/{id}]</c>): list, get by id, and
    /// map a flow. The list strips array fields, so a change reads the entry point by id and PUTs the whole DTO back.
    /// </summary>
    public sealed class EntryPointClient
    {
        /// <summary>Entry points asked for per page.</summary>
        public const int PageSize = 100;

        private readonly WxccConnection _connection;
        private readonly ApiHttpClient _http;

        /// <summary>Creates a client for <paramref name="connection"/>.</summary>
        public EntryPointClient(WxccConnection connection, ApiHttpClient http)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
            _http = http ?? throw new ArgumentNullException(nameof(http));
        }

        /// <summary>The address of the entry-point collection.</summary>
        /// <exception cref="OrganizationIdRequiredException">The connection has no organization id.</exception>
        public Uri EntryPointsUri
        {
            get
            {
                string orgId = NullableStrings.IsNullOrEmpty(_connection.OrgId) ? throw new OrganizationIdRequiredException("entry-point") : _connection.OrgId;
                return new Uri(_connection.BaseUri.AbsoluteUri.TrimEnd('/') + "/organization/" + Uri.EscapeDataString(orgId) + "/entry-point");
            }
        }

        /// <summary>Every entry point, following pages (<c>meta.links.next</c>, else <c>page</c> + 1 while <c>meta.totalPages</c> says more).</summary>
        public async Task<IReadOnlyList<WxccEntryPoint>> ListEntryPointsAsync(CancellationToken cancellationToken)
        {
            var entryPoints = new List<WxccEntryPoint>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            Uri? next = new Uri(EntryPointsUri.AbsoluteUri + "?page=0&pageSize=" + PageSize.ToString(CultureInfo.InvariantCulture));
            for (int page = 0; next != null && page < FlowStoreClient.MaximumPages; page++)
            {
                var request = new ApiRequest(ApiService.Wxcc, HttpMethod.Get, next) { IsIdempotent = true };
                ApiResponse response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
                JToken root = response.ReadJson();
                JArray items = root as JArray ?? (root as JObject)?["data"] as JArray ?? throw new ApiException(
                    request + " answered " + (int)response.StatusCode + " without a list of entry points.", request,
                    ApiFailureKind.InvalidResponse, response.StatusCode, LogRedactor.RedactBody(response.Body, null));
                int added = 0;
                foreach (WxccEntryPoint entryPoint in items.OfType<JObject>().Select(WxccEntryPoint.FromJson))
                {
                    if (entryPoint.Id.Length == 0 || seen.Add(entryPoint.Id))
                    {
                        entryPoints.Add(entryPoint);
                        added++;
                    }
                }

                next = added == 0 ? null : NextPage(root as JObject, page, items.Count);
            }

            return entryPoints;
        }

        /// <summary>The entry point <paramref name="id"/> with every field (<c>?includeNames=true</c>).</summary>
        /// <exception cref="ApiException">404 when there is no such entry point.</exception>
        public async Task<WxccEntryPoint> GetEntryPointAsync(string id, CancellationToken cancellationToken)
        {
            (JObject dto, _) = await GetDtoAsync(id, cancellationToken).ConfigureAwait(false);
            return WxccEntryPoint.FromJson(dto);
        }

        /// <summary>
        /// Maps <paramref name="flowId"/> (and <paramref name="flowTagId"/> when given) onto the entry point: reads it by id, sets the
        /// two fields, and PUTs the whole DTO back. Returns the entry point as the PUT answered it (or as sent, when the answer is empty).
        /// </summary>
        public async Task<WxccEntryPoint> SetFlowAsync(string id, string flowId, string? flowTagId, CancellationToken cancellationToken)
        {
            if (NullableStrings.IsNullOrEmpty(flowId))
            {
                throw new ArgumentException("A flow id is required.", nameof(flowId));
            }

            (JObject dto, Uri uri) = await GetDtoAsync(id, cancellationToken).ConfigureAwait(false);
            dto["id"] = id;
            dto["flowId"] = flowId;
            if (!NullableStrings.IsNullOrEmpty(flowTagId))
            {
                dto["flowTagId"] = flowTagId;
            }

            var request = new ApiRequest(ApiService.Wxcc, HttpMethod.Put, uri) { Body = dto.ToString(Formatting.None), IsIdempotent = true };
            ApiResponse response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            JObject? answered = null;
            if (!string.IsNullOrWhiteSpace(response.Body))
            {
                answered = response.ReadJson() as JObject;
            }

            return WxccEntryPoint.FromJson(answered ?? dto);
        }

        private async Task<(JObject Dto, Uri Uri)> GetDtoAsync(string id, CancellationToken cancellationToken)
        {
            if (NullableStrings.IsNullOrEmpty(id))
            {
                throw new ArgumentException("An entry point id is required.", nameof(id));
            }

            var uri = new Uri(EntryPointsUri.AbsoluteUri + "/" + Uri.EscapeDataString(id));
            var request = new ApiRequest(ApiService.Wxcc, HttpMethod.Get, new Uri(uri.AbsoluteUri + "?includeNames=true")) { IsIdempotent = true };
            ApiResponse response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            return (response.ReadJsonObject(), uri);
        }

        private Uri? NextPage(JObject? body, int page, int count)
        {
            if (body is null)
            {
                return null;
            }

            string? link = (string?)body.SelectToken("meta.links.next") ?? (string?)body.SelectToken("links.next");
            // A next link to another host is not followed: the token goes only where the connection points.
            if (!string.IsNullOrEmpty(link) && new Uri(_connection.BaseUri, link) is var next
                && Uri.Compare(next, _connection.BaseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return next;
            }

            int? totalPages = FlowStoreJson.Integer(body.SelectToken("meta.totalPages"));
            bool more = totalPages.HasValue ? page + 1 < totalPages.Value : count >= PageSize;
            return more
                ? new Uri(EntryPointsUri.AbsoluteUri + "?page=" + (page + 1).ToString(CultureInfo.InvariantCulture) + "&pageSize=" + PageSize.ToString(CultureInfo.InvariantCulture))
                : null;
        }

        private async Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken)
        {
            request.BearerToken = await _connection.GetAccessTokenAsync(_http, cancellationToken).ConfigureAwait(false);
            return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
