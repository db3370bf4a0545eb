using System;
using System.Collections.Generic;
using CallbackLab.Core.Http;

namespace CallbackLab.Core.Tests.Http
{
    public sealed class ApiErrorBodyTests
    {
        [Theory]
        [InlineData("{\"trackingId\":\"x\",\"error\":{\"key\":\"401\",\"message\":[{\"description\":\"Incorrect Credentials.\"}]}}", "Incorrect Credentials.")]
        [InlineData("{\"errors\":[{\"key\":\"400\",\"description\":\"bad field\"}]}", "bad field")]
        [InlineData("{\"code\":429,\"message\":\"Too many\",\"trackingId\":\"GTWY_1\"}", "Too many")]
        [InlineData("{\"error\":\"invalid_grant\",\"error_description\":\"refresh token expired\"}", "refresh token expired")]
        [InlineData("\"Not found\"", "Not found")]
        [InlineData("\"Max number of elements reached for this resource!\"", "Max number of elements reached for this resource!")]
        [InlineData("<html>Bad Gateway</html>", "<html>Bad Gateway</html>")]
        [InlineData("", null)]
        public void ReadsTheDescriptionOfEveryKnownErrorShape(string body, string? expected)
        {
            Assert.Equal(expected, ApiErrorBody.Description(body));
        }

        [Fact]
        public void ReadsTheTrackingIdOfAnErrorBody()
        {
            Assert.Equal("c1a4fcef", ApiErrorBody.TrackingId("{\"trackingId\":\"c1a4fcef\",\"error\":{}}"));
            Assert.Null(ApiErrorBody.TrackingId("\"Not found\""));
        }

        [Fact]
        public void RetryAfterReadsSecondsAndHttpDates()
        {
            var now = new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);
            Assert.Equal(TimeSpan.FromSeconds(4), RetryAfter.Parse(new Dictionary<string, string> { ["Retry-After"] = "4" }, now));
            Assert.Equal(TimeSpan.FromSeconds(30), RetryAfter.Parse(new Dictionary<string, string> { ["Retry-After"] = "Tue, 24 Nov 2026 03:00:30 GMT" }, now));
            Assert.Null(RetryAfter.Parse(new Dictionary<string, string> { ["Retry-After"] = "soon" }, now));
            Assert.Null(RetryAfter.Parse(new Dictionary<string, string>(), now));
        }

        [Theory]
        [InlineData("https://x.io/a?access_token=abc&dn=1", "https://x.io/a?access_token=***&dn=1")]
        [InlineData("https://x.io/a?Client_Secret=abc", "https://x.io/a?Client_Secret=***")]
        [InlineData("https://x.io/a?dn=4694096861", "https://x.io/a?dn=4694096861")]
        public void RedactsSecretQueryValues(string uri, string expected)
        {
            Assert.Equal(expected, LogRedactor.RedactUri(new Uri(uri)));
        }
    }
}
