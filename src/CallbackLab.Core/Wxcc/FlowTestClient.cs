using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Http;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Wxcc
{
    /// <summary>
    /// Starts a flow on an inbound entry point without a phone (<c>POST /v1/tasks</c>, <c>EXECUTE_FLOW</c>). Like a callback task
    /// it is never retried after an ambiguous failure (timeout, lost connection, 5xx): a second request would run the flow twice.
    /// </summary>
    public sealed class FlowTestClient
    {
        private readonly WxccConnection _connection;
        private readonly ApiHttpClient _http;

        /// <summary>Creates a client for <paramref name="connection"/>.</summary>
        public FlowTestClient(WxccConnection connection, ApiHttpClient http)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
            _http = http ?? throw new ArgumentNullException(nameof(http));
        }

        /// <summary>The address of <c>/v1/tasks</c>.</summary>
        public Uri TasksUri => new Uri(_connection.BaseUri.AbsoluteUri.TrimEnd('/') + "/v1/tasks");

        /// <summary>The request <see cref="StartAsync"/> sends, not idempotent (for error targets).</summary>
        public ApiRequest NewRequest(ExecuteFlowTaskRequest task)
        {
            return new ApiRequest(ApiService.Wxcc, HttpMethod.Post, TasksUri)
            {
                Body = (task ?? throw new ArgumentNullException(nameof(task))).ToJson(),
                IsIdempotent = false,
            };
        }

        /// <summary>Sends <paramref name="request"/> (from <see cref="NewRequest"/>) and reads the created task.</summary>
        /// <exception cref="ArgumentException">The task fails client-side validation; nothing was sent.</exception>
        /// <exception cref="ApiException">WxCC refused the task or could not be reached; <see cref="ApiException.TaskWasCreated"/> when it answered 2xx unreadably.</exception>
        public async Task<WxccFlowTest> StartAsync(ExecuteFlowTaskRequest task, ApiRequest request, CancellationToken cancellationToken)
        {
            IReadOnlyList<string> problems = (task ?? throw new ArgumentNullException(nameof(task))).Validate();
            if (problems.Count > 0)
            {
                throw new ArgumentException(string.Join(" ", problems), nameof(task));
            }

            request.BearerToken = await _connection.GetAccessTokenAsync(_http, cancellationToken).ConfigureAwait(false);
            ApiResponse response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            (string id, string? orgId) = CreatedTaskAnswer.Read(request, response, "the flow run was requested; do not retry.");
            return new WxccFlowTest(id, orgId, (int)response.StatusCode, task, request.TrackingId, response.RequestedAt);
        }
    }
}
