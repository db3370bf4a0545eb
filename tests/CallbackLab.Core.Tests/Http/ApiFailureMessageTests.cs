using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using CallbackLab.Core.Http;

namespace CallbackLab.Core.Tests.Http
{
    /// <summary>The message of a failed request reads as one clean sentence, whatever the server's body looks like.</summary>
    public sealed class ApiFailureMessageTests
    {
        private static readonly Uri s_tasks = new Uri("https://api.wxcc-us1.cisco.com/v1/tasks");

        private static async Task<ApiException> Fail(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
        {
            var t = new TestClient(new ApiClientOptions { MaximumRetryCount = 0 });
            t.Handler.Then(status, body, headers);
            return await Assert.ThrowsAsync<ApiException>(() => t.Send(
                new ApiRequest(ApiService.Wxcc, HttpMethod.Get, s_tasks) { IsIdempotent = true, BearerToken = "tok" }));
        }

        [Fact]
        public async Task ADescriptionEndingInAFullStopIsNotGivenASecondOne()
        {
            ApiException ex = await Fail(HttpStatusCode.Unauthorized,
                "{\"trackingId\":\"srv-1\",\"error\":{\"key\":\"401\",\"message\":[{\"description\":\"Unauthorized, Token is Invalid.\"}]}}");
            Assert.EndsWith("failed with 401 (Unauthorized): Unauthorized, Token is Invalid. TrackingId: srv-1.", ex.Message);
        }

        [Fact]
        public async Task AnEmptyBodyIsSaidInsteadOfRepeatingTheReasonPhrase()
        {
            ApiException ex = await Fail(HttpStatusCode.InternalServerError, "");
            Assert.Contains("failed with 500 (InternalServerError) (no body). TrackingId: ", ex.Message);
            Assert.Null(ex.RetryAfter);
        }

        [Fact]
        public async Task A429CarriesItsRetryAfter()
        {
            ApiException ex = await Fail((HttpStatusCode)429, "", ("Retry-After", "30"));
            Assert.Equal(TimeSpan.FromSeconds(30), ex.RetryAfter);
            Assert.Contains("failed with 429 (TooManyRequests) (no body). Retry-After: 30 s. TrackingId: ", ex.Message);
        }
    }
}
