using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CallbackLab.Core.Http
{
    /// <summary>
    /// The one HTTP layer every CallbackLab API call goes through: per-attempt timeouts, cancellation, retries that honour
    /// <c>Retry-After</c> with cancellable waits, a <c>TrackingId</c> on every request, redacted verbose/debug logging,
    /// and typed <see cref="ApiException"/>s. A request that is not idempotent (<c>POST /v1/tasks</c>) is never retried after an
    /// ambiguous failure: a duplicate callback would dial a customer twice.
    /// </summary>
    public sealed class ApiHttpClient
    {
        // One HttpClient for the process: sockets are pooled, nothing per-session lives in it (tokens travel per request;
        // no cookie jar; redirects are not followed, so a token never travels to a Location).
        private static readonly Lazy<HttpClient> s_shared = new Lazy<HttpClient>(() => CreateHttpClient(SharedHttpHandler.Create()));

        private readonly HttpClient _http;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;

        /// <summary>Creates a client over the process-wide connection pool.</summary>
        public ApiHttpClient(ApiClientOptions? options = null)
            : this(options, null, null)
        {
        }

        /// <summary>Creates a client over <paramref name="handler"/> (tests) and with a custom wait (tests record the waits).</summary>
        internal ApiHttpClient(ApiClientOptions? options, HttpMessageHandler? handler, Func<TimeSpan, CancellationToken, Task>? delay)
        {
            Options = options ?? new ApiClientOptions();
            _http = handler is null ? s_shared.Value : CreateHttpClient(handler);
            _delay = delay ?? ((wait, token) => Task.Delay(wait, token));
        }

        /// <summary>The timeout, retry and security settings.</summary>
        public ApiClientOptions Options { get; }

        private IApiLog Log => Options.Log;

        /// <summary>
        /// Sends <paramref name="request"/>, retrying when that is safe, and returns the successful response.
        /// </summary>
        /// <exception cref="ApiException">The request failed; nothing was retried that could have acted twice.</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (Ctrl+C).</exception>
        public async Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken)
        {
            EnsureSafeTransport(request);
            DateTimeOffset requestedAt = DateTimeOffset.UtcNow;
            for (int attempt = 1; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ApiResponse? response = null;
                ApiException failure;
                try
                {
                    response = await SendOnceAsync(request, attempt, cancellationToken).ConfigureAwait(false);
                    // Redirects are not followed (see SharedHttpHandler), so a 3xx is a failure the caller sees, not a success.
                    if ((int)response.StatusCode < 300)
                    {
                        response.RequestedAt = requestedAt;
                        return response;
                    }

                    failure = StatusFailure(request, response, attempt);
                }
                catch (ApiException ex)
                {
                    failure = ex;
                }

                TimeSpan? wait = RetryWait(request, failure, response);
                if (wait is null || attempt > Options.MaximumRetryCount)
                {
                    throw failure;
                }

                Log.Verbose(string.Format(
                    CultureInfo.InvariantCulture, "Retry {0} of {1} for {2} in {3:0.###} s: {4}.",
                    attempt, Options.MaximumRetryCount, request, wait.Value.TotalSeconds, RetryReason(failure, response)));
                await _delay(wait.Value, cancellationToken).ConfigureAwait(false);
            }
        }

        private static HttpClient CreateHttpClient(HttpMessageHandler handler)
        {
            // Timeouts are per attempt and enforced here, so HttpClient's own timeout is off.
            return new HttpClient(handler, disposeHandler: false) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        private void EnsureSafeTransport(ApiRequest request)
        {
            bool carriesSecret = request.BearerToken != null || request.BodyHasSecrets;
            if (carriesSecret && request.Uri.Scheme == Uri.UriSchemeHttp && !request.Uri.IsLoopback && !Options.AllowUnencryptedAuthentication)
            {
                throw new ApiException(
                    "Refusing to send credentials over unencrypted HTTP to " + request.Uri.Host +
                    " (a bearer token or a secret would be readable on the way).",
                    request, ApiFailureKind.UnencryptedAuthentication);
            }
        }

        private async Task<ApiResponse> SendOnceAsync(ApiRequest request, int attempt, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bool hasTimeout = Options.Timeout > TimeSpan.Zero && Options.Timeout != System.Threading.Timeout.InfiniteTimeSpan;
            if (hasTimeout)
            {
                timeout.CancelAfter(Options.Timeout);
            }

            using HttpRequestMessage message = BuildMessage(request);
            Log.Verbose(attempt == 1 ? request.ToString() : request + " (attempt " + attempt.ToString(CultureInfo.InvariantCulture) + ")");
            LogRequest(request, message);
            try
            {
                using HttpResponseMessage httpResponse = await _http
                    .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                IReadOnlyDictionary<string, string> headers = CollectHeaders(httpResponse);
                string body;
                try
                {
                    body = httpResponse.Content is null ? string.Empty : await httpResponse.Content.ReadAsStringAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is HttpRequestException || ex is System.IO.IOException)
                {
                    throw new ApiException(
                        "The connection broke while reading the response of " + request + ".", request, ApiFailureKind.ConnectionLost,
                        httpResponse.StatusCode, attempts: attempt, innerException: ex);
                }

                Log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} ({2} bytes)",
                    (int)httpResponse.StatusCode, httpResponse.ReasonPhrase, Encoding.UTF8.GetByteCount(body)));
                Log.Debug(LogRedactor.Scrub(
                    "Response " + (int)httpResponse.StatusCode + "\n" + LogRedactor.FormatHeaders(headers) + "\n\n" +
                    LogRedactor.RedactBody(body, headers.TryGetValue("Content-Type", out string? type) ? type : null),
                    request.BearerToken));
                return new ApiResponse(request, httpResponse.StatusCode, body, headers, attempt);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
            {
                throw new ApiException(
                    string.Format(CultureInfo.InvariantCulture, "{0} timed out after {1:0.###} s.", request, Options.Timeout.TotalSeconds),
                    request, ApiFailureKind.Timeout, attempts: attempt, innerException: ex);
            }
            catch (HttpRequestException ex)
            {
                bool neverSent = TransportFailures.IsConnectFailure(ex);
                throw new ApiException(
                    (neverSent ? "Could not connect for " : "The connection broke during ") + request + ": " + ex.GetBaseException().Message,
                    request, neverSent ? ApiFailureKind.ConnectFailure : ApiFailureKind.ConnectionLost, attempts: attempt, innerException: ex);
            }
        }

        private static HttpRequestMessage BuildMessage(ApiRequest request)
        {
            var message = new HttpRequestMessage(request.Method, request.Uri);
            message.Headers.TryAddWithoutValidation("TrackingId", request.TrackingId);
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (request.BearerToken != null)
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.BearerToken);
            }

            foreach (KeyValuePair<string, string> header in request.Headers)
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            if (request.BodyToSend != null)
            {
                message.Content = NewContent(request.BodyToSend, request.ContentType);
            }

            return message;
        }

        /// <summary>
        /// The body as UTF-8 text with a computed Content-Length. A media type with parameters (a multipart boundary) is set
        /// exactly as given, without a charset, because StringContent refuses parameters in its media type.
        /// </summary>
        private static StringContent NewContent(string body, string contentType)
        {
            if (contentType.IndexOf(';') < 0)
            {
                return new StringContent(body, new UTF8Encoding(false), contentType);
            }

            var content = new StringContent(body, new UTF8Encoding(false));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            return content;
        }

        private void LogRequest(ApiRequest request, HttpRequestMessage message)
        {
            IEnumerable<KeyValuePair<string, string>> headers = message.Headers
                .Concat(message.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .Select(h => new KeyValuePair<string, string>(h.Key, string.Join(", ", h.Value)));
            // Body is already masked when it holds secrets; RedactBody also masks token fields of an ordinary JSON body.
            string body = request.Body is null ? string.Empty : "\n\n" + LogRedactor.RedactBody(request.Body, request.ContentType);
            Log.Debug(LogRedactor.Scrub("Request " + request + "\n" + LogRedactor.FormatHeaders(headers) + body, request.BearerToken));
        }

        /// <summary>Response and content headers, values comma-joined (the flow simulator's transport reads them the same way).</summary>
        internal static IReadOnlyDictionary<string, string> CollectHeaders(HttpResponseMessage response)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            IEnumerable<KeyValuePair<string, IEnumerable<string>>> all = response.Headers;
            if (response.Content != null)
            {
                all = all.Concat(response.Content.Headers);
            }

            foreach (KeyValuePair<string, IEnumerable<string>> header in all)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }

            return headers;
        }

        private static ApiException StatusFailure(ApiRequest request, ApiResponse response, int attempt)
        {
            // An error answer should hold no secret, but an error object must never be where one leaks: the one redaction policy
            // applies to the body kept and to the description read from it (a server may echo what it was sent).
            string responseBody = LogRedactor.RedactBody(response.Body, response.Headers.TryGetValue("Content-Type", out string? type) ? type : null);
            string? description = ApiErrorBody.Description(responseBody);
            string trackingId = ApiErrorBody.TrackingId(response.Body)
                                ?? (response.Headers.TryGetValue("TrackingId", out string? echoed) ? echoed : null)
                                ?? request.TrackingId;
            TimeSpan? retryAfter = RetryAfter.Parse(response.Headers, DateTimeOffset.UtcNow);
            string explanation = description is null
                ? (string.IsNullOrWhiteSpace(response.Body) ? " (no body)." : ".")
                : ": " + Sentence.End(description);
            string retry = retryAfter is { } wait
                ? string.Format(CultureInfo.InvariantCulture, " Retry-After: {0:0} s.", Math.Ceiling(wait.TotalSeconds))
                : string.Empty;
            string message = string.Format(
                CultureInfo.InvariantCulture, "{0} failed with {1} ({2}){3}{4} TrackingId: {5}.",
                request, (int)response.StatusCode, response.StatusCode, explanation, retry, trackingId);
            return new ApiException(
                message, request, ApiFailureKind.HttpStatus, response.StatusCode, responseBody, description, trackingId, attempt)
            {
                RetryAfter = retryAfter,
            };
        }

        private TimeSpan? RetryWait(ApiRequest request, ApiException failure, ApiResponse? response)
        {
            TimeSpan? serverWait = response is null ? null : RetryAfter.Parse(response.Headers, DateTimeOffset.UtcNow);
            if (serverWait > Options.MaximumRetryAfter)
            {
                Log.Verbose("Not retrying " + request + ": Retry-After asks for longer than " + Options.MaximumRetryAfter + ".");
                return null;
            }

            // 429 means the request was not processed; a failed connect means it was never sent. Both are safe for any method.
            if (failure.StatusCode == (HttpStatusCode)429 || failure.Kind == ApiFailureKind.ConnectFailure)
            {
                return serverWait ?? Options.RetryInterval;
            }

            bool retryableStatus = failure.StatusCode is HttpStatusCode status &&
                                   (status == HttpStatusCode.InternalServerError || status == HttpStatusCode.BadGateway ||
                                    status == HttpStatusCode.ServiceUnavailable || status == HttpStatusCode.GatewayTimeout);
            bool ambiguous = retryableStatus || failure.Kind == ApiFailureKind.Timeout || failure.Kind == ApiFailureKind.ConnectionLost;
            if (!ambiguous)
            {
                return null;
            }

            if (!request.IsIdempotent)
            {
                Log.Verbose("Not retrying " + request + ": it is not idempotent and the server may already have acted on it.");
                return null;
            }

            return serverWait ?? Options.RetryInterval;
        }

        private static string RetryReason(ApiException failure, ApiResponse? response)
        {
            if (response is null)
            {
                return failure.Kind.ToString();
            }

            string reason = (int)response.StatusCode + " " + response.StatusCode;
            return response.Headers.TryGetValue("Retry-After", out string? retryAfter) ? reason + ", Retry-After: " + retryAfter : reason;
        }
    }
}
