using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Wxcc
{
    /// <summary>The WxCC task API over the shared HTTP layer: create a callback task, list tasks.</summary>
    public sealed class WxccClient
    {
        private readonly WxccConnection _connection;
        private readonly ApiHttpClient _http;

        /// <summary>Creates a client for <paramref name="connection"/>.</summary>
        public WxccClient(WxccConnection connection, ApiHttpClient http)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
            _http = http ?? throw new ArgumentNullException(nameof(http));
        }

        /// <summary>The address of <c>/v1/tasks</c> for this connection.</summary>
        public Uri TasksUri => new Uri(_connection.BaseUri.AbsoluteUri.TrimEnd('/') + "/v1/tasks");

        /// <summary>
        /// The request <see cref="CreateCallbackTaskAsync"/> would send, without sending it (for -WhatIf and error targets).
        /// It is not idempotent: after a timeout or a 5xx it is never retried, because a second task would dial the customer twice.
        /// </summary>
        public ApiRequest NewCreateTaskRequest(CallbackTaskRequest task)
        {
            return new ApiRequest(ApiService.Wxcc, HttpMethod.Post, TasksUri) { Body = task.ToJson(), IsIdempotent = false };
        }

        /// <summary>Sends <paramref name="request"/> (from <see cref="NewCreateTaskRequest"/>) and reads the created task.</summary>
        /// <exception cref="ArgumentException">The task fails client-side validation; nothing was sent.</exception>
        /// <exception cref="ApiException">WxCC refused the task or could not be reached.</exception>
        public async Task<WxccCallbackTask> CreateCallbackTaskAsync(CallbackTaskRequest task, ApiRequest request, CancellationToken cancellationToken)
        {
            IReadOnlyList<string> problems = task.Validate();
            if (problems.Count > 0)
            {
                throw new ArgumentException(string.Join(" ", problems), nameof(task));
            }

            request.BearerToken = await _connection.GetAccessTokenAsync(_http, cancellationToken).ConfigureAwait(false);
            ApiResponse response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            (string id, string? orgId) = CreatedTaskAnswer.Read(request, response, "the task was created; do not retry it.");
            return new WxccCallbackTask(
                id, orgId, (int)response.StatusCode, task.EntryPointId, task.Destination,
                request.TrackingId, response.RequestedAt);
        }

        /// <summary>The first page of tasks matching <paramref name="query"/>.</summary>
        public Task<WxccTaskPage> GetTasksAsync(WxccTaskQuery query, CancellationToken cancellationToken)
        {
            var parts = new List<string> { "from=" + query.From.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) };
            if (query.To.HasValue)
            {
                parts.Add("to=" + query.To.Value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
            }

            if (query.ChannelTypes.Count > 0)
            {
                parts.Add("channelTypes=" + Uri.EscapeDataString(string.Join(",", query.ChannelTypes.Select(c => c.ToLowerInvariant()))));
            }

            if (query.PageSize.HasValue)
            {
                parts.Add("pageSize=" + query.PageSize.Value.ToString(CultureInfo.InvariantCulture));
            }

            return GetTaskPageAsync(new Uri(TasksUri.AbsoluteUri + "?" + string.Join("&", parts)), cancellationToken);
        }

        /// <summary>The page at <paramref name="pageUri"/> (a <see cref="WxccTaskPage.Next"/> link).</summary>
        public async Task<WxccTaskPage> GetTaskPageAsync(Uri pageUri, CancellationToken cancellationToken)
        {
            var request = new ApiRequest(ApiService.Wxcc, HttpMethod.Get, pageUri) { IsIdempotent = true };
            request.BearerToken = await _connection.GetAccessTokenAsync(_http, cancellationToken).ConfigureAwait(false);
            ApiResponse response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            JObject body = response.ReadJsonObject();
            var tasks = (body["data"] as JArray ?? new JArray()).OfType<JObject>().Select(WxccTask.FromJson).ToList();
            return new WxccTaskPage(tasks, tasks.Count == 0 ? null : NextPage(pageUri, body, tasks.Count));
        }

        /// <summary>
        /// The next page: a <c>links.next</c> address when the API gives one, else (offset paging) the same query with
        /// <c>page</c> + 1 when this page was full.
        /// </summary>
        private Uri? NextPage(Uri pageUri, JObject body, int count)
        {
            string? next = (string?)body.SelectToken("meta.links.next") ?? (string?)body.SelectToken("links.next");
            if (!string.IsNullOrEmpty(next))
            {
                return new Uri(_connection.BaseUri, next);
            }

            int? pageSize = (int?)body.SelectToken("meta.pageSize");
            if (pageSize is null || count < pageSize.Value)
            {
                return null;
            }

            int page = (int?)body.SelectToken("meta.page") ?? 0;
            string query = string.Join("&", pageUri.Query.TrimStart('?').Split('&')
                .Where(p => p.Length > 0 && !p.StartsWith("page=", StringComparison.Ordinal))
                .Concat(new[] { "page=" + (page + 1).ToString(CultureInfo.InvariantCulture) }));
            return new Uri(pageUri.GetLeftPart(UriPartial.Path) + "?" + query);
        }
    }
}
