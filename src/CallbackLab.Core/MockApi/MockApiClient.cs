using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.MockApi
{
    /// <summary>
    /// The lab's MockAPI <c>DynVars</c> resource over the shared HTTP layer, with MockAPI's quirks handled:
    /// a filter that matches nothing answers <c>404 "Not found"</c> (read here as "no records"), and POST fails with
    /// <c>400 "Max number of elements reached for this resource!"</c> past 100 records.
    /// </summary>
    public sealed class MockApiClient
    {
        /// <summary>The lab's own MockAPI project prefix.</summary>
        public static readonly Uri LabUri = new Uri("https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab");

        /// <summary>The resource the lab's flow reads.</summary>
        public const string DynVarsResource = "DynVars";

        private const string RecordLimitText = "Max number of elements reached";

        private readonly ApiHttpClient _http;

        /// <summary>Creates a client for the project prefix <paramref name="mockApiUri"/> (e.g. <see cref="LabUri"/>).</summary>
        public MockApiClient(Uri mockApiUri, ApiHttpClient http)
        {
            if (mockApiUri is null || !mockApiUri.IsAbsoluteUri)
            {
                throw new ArgumentException("The MockAPI address must be absolute, e.g. " + LabUri + ".", nameof(mockApiUri));
            }

            _http = http ?? throw new ArgumentNullException(nameof(http));
            ResourceUri = new Uri(mockApiUri.AbsoluteUri.TrimEnd('/') + "/" + DynVarsResource);
        }

        /// <summary>The <c>DynVars</c> collection address.</summary>
        public Uri ResourceUri { get; }

        /// <summary>True when <paramref name="exception"/> is MockAPI's 100-records-per-resource cap.</summary>
        public static bool IsRecordLimitReached(ApiException exception)
        {
            return exception.StatusCode == HttpStatusCode.BadRequest &&
                   (exception.Description ?? string.Empty).IndexOf(RecordLimitText, StringComparison.OrdinalIgnoreCase) >= 0;
        }

        /// <summary>Finds records; MockAPI's 404 for a lookup is an empty page, not an error.</summary>
        public async Task<DynVarsPage> FindAsync(DynVarsQuery query, CancellationToken cancellationToken)
        {
            var request = new ApiRequest(ApiService.MockApi, HttpMethod.Get, QueryUri(query)) { IsIdempotent = true };
            ApiResponse response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                return new DynVarsPage(Array.Empty<DynVarsRecord>(), 0);
            }

            JToken body = response.ReadJson();
            var records = (body as JArray ?? new JArray(body)).OfType<JObject>().Select(DynVarsRecord.FromJson).ToList();
            int received = records.Count;
            if (query.Exact && query.Dn != null)
            {
                records = records.Where(r => string.Equals(r.Dn, query.Dn, StringComparison.Ordinal)).ToList();
            }

            return new DynVarsPage(records, received);
        }

        /// <summary>The record with <paramref name="id"/>; an unknown id is an <see cref="ApiException"/> with status 404.</summary>
        public async Task<DynVarsRecord> GetAsync(string id, CancellationToken cancellationToken)
        {
            var request = new ApiRequest(ApiService.MockApi, HttpMethod.Get, RecordUri(id)) { IsIdempotent = true };
            return ReadRecord(await _http.SendAsync(request, cancellationToken).ConfigureAwait(false));
        }

        /// <summary>The request <see cref="CreateAsync"/> sends (not idempotent: a retry after a timeout could add a duplicate).</summary>
        public ApiRequest NewCreateRequest(JObject fields)
        {
            return new ApiRequest(ApiService.MockApi, HttpMethod.Post, ResourceUri) { Body = fields.ToString(Formatting.None) };
        }

        /// <summary>The request <see cref="UpdateAsync"/> sends: a PUT of the changed fields.</summary>
        public ApiRequest NewUpdateRequest(string id, JObject fields)
        {
            return new ApiRequest(ApiService.MockApi, HttpMethod.Put, RecordUri(id)) { Body = fields.ToString(Formatting.None), IsIdempotent = true };
        }

        /// <summary>The request <see cref="DeleteAsync"/> sends.</summary>
        public ApiRequest NewDeleteRequest(string id)
        {
            return new ApiRequest(ApiService.MockApi, HttpMethod.Delete, RecordUri(id)) { IsIdempotent = true };
        }

        /// <summary>Creates a record (POST, 201) and returns it with its new id.</summary>
        public async Task<DynVarsRecord> CreateAsync(ApiRequest request, CancellationToken cancellationToken)
        {
            return ReadRecord(await _http.SendAsync(request, cancellationToken).ConfigureAwait(false));
        }

        /// <summary>Updates a record (PUT) and returns it as stored.</summary>
        public async Task<DynVarsRecord> UpdateAsync(ApiRequest request, CancellationToken cancellationToken)
        {
            return ReadRecord(await _http.SendAsync(request, cancellationToken).ConfigureAwait(false));
        }

        /// <summary>Deletes a record and returns it as it was (MockAPI answers with the deleted record).</summary>
        public async Task<DynVarsRecord?> DeleteAsync(ApiRequest request, CancellationToken cancellationToken)
        {
            ApiResponse response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(response.Body) ? null : response.ReadJson() is JObject obj ? DynVarsRecord.FromJson(obj) : null;
        }

        private Uri RecordUri(string id)
        {
            if (string.IsNullOrEmpty(id))
            {
                throw new ArgumentException("A record id is required.", nameof(id));
            }

            return new Uri(ResourceUri.AbsoluteUri + "/" + Uri.EscapeDataString(id));
        }

        private Uri QueryUri(DynVarsQuery query)
        {
            var parts = new List<string>();
            if (!string.IsNullOrEmpty(query.Dn))
            {
                parts.Add(DynVarsRecord.DnField + "=" + Uri.EscapeDataString(query.Dn));
            }

            if (!string.IsNullOrEmpty(query.SortBy))
            {
                parts.Add("sortBy=" + Uri.EscapeDataString(query.SortBy));
                parts.Add("order=" + (query.Descending ? "desc" : "asc"));
            }

            if (query.Page.HasValue)
            {
                parts.Add("page=" + query.Page.Value.ToString(CultureInfo.InvariantCulture));
            }

            if (query.Limit.HasValue)
            {
                parts.Add("limit=" + query.Limit.Value.ToString(CultureInfo.InvariantCulture));
            }

            return parts.Count == 0 ? ResourceUri : new Uri(ResourceUri.AbsoluteUri + "?" + string.Join("&", parts));
        }

        private static DynVarsRecord ReadRecord(ApiResponse response)
        {
            return DynVarsRecord.FromJson(response.ReadJsonObject());
        }
    }
}
