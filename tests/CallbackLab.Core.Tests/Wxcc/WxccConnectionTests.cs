using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Http;
using CallbackLab.Core.Tests.Http;
using CallbackLab.Core.Wxcc;

namespace CallbackLab.Core.Tests.Wxcc
{
    public sealed class WxccConnectionTests
    {
        private static readonly Uri s_base = new Uri("https://api.wxcc-us1.cisco.com");
        private static readonly Uri s_token = new Uri("https://webexapis.com/v1/access_token");

        [Fact]
        public async Task RefreshesOnFirstUseAndAgainOnlyWhenExpiryIsNear()
        {
            var now = new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.OK, "{\"access_token\":\"AT-1\",\"expires_in\":1000,\"refresh_token\":\"RT-2\"}")
                .Then(HttpStatusCode.OK, "{\"access_token\":\"AT-2\",\"expires_in\":1000}");
            var connection = WxccConnection.WithRefreshToken(s_base, s_token, new WxccRefreshCredentials("cid", "csecret", "RT-1"), null, () => now);

            Assert.Equal("AT-1", await connection.GetAccessTokenAsync(t.Client, CancellationToken.None));
            Assert.Equal(now.AddSeconds(1000), connection.ExpiresOn);
            Assert.Equal("grant_type=refresh_token&client_id=cid&client_secret=csecret&refresh_token=RT-1", t.Handler.Sent[0].Body);
            Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", t.Handler.Sent[0].Headers["Content-Type"]);

            now = now.AddSeconds(899); // 101 s left: more than a tenth of the lifetime
            Assert.Equal("AT-1", await connection.GetAccessTokenAsync(t.Client, CancellationToken.None));
            Assert.Single(t.Handler.Sent);

            now = now.AddSeconds(2); // 99 s left: refresh before it runs out, with the new refresh token
            Assert.Equal("AT-2", await connection.GetAccessTokenAsync(t.Client, CancellationToken.None));
            Assert.Equal("grant_type=refresh_token&client_id=cid&client_secret=csecret&refresh_token=RT-2", t.Handler.Sent[1].Body);
        }

        [Fact]
        public async Task ARefusedRefreshIsATokenServiceError()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.BadRequest, "{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token is expired.\"}");
            var connection = WxccConnection.WithRefreshToken(s_base, s_token, new WxccRefreshCredentials("cid", "cs", "RT"));
            var ex = await Assert.ThrowsAsync<ApiException>(() => connection.RefreshAsync(t.Client, CancellationToken.None));
            Assert.Equal(ApiService.WxccToken, ex.Request.Service);
            Assert.Equal("The refresh token is expired.", ex.Description);
        }

        [Fact]
        public async Task AFailedRefreshKeepsNoSecretOnTheError()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.BadRequest, "{\"error\":\"invalid_grant\",\"refresh_token\":\"RT-ECHOED\"}");
            var connection = WxccConnection.WithRefreshToken(s_base, s_token, new WxccRefreshCredentials("cid", "csecret-1", "RT-secret-1"));
            var ex = await Assert.ThrowsAsync<ApiException>(() => connection.RefreshAsync(t.Client, CancellationToken.None));

            Assert.Equal("grant_type=refresh_token&client_id=cid&client_secret=csecret-1&refresh_token=RT-secret-1", t.Handler.Sent[0].Body);
            Assert.Equal("grant_type=refresh_token&client_id=cid&client_secret=***&refresh_token=***", ex.Request.Body);
            Assert.Equal("{\"error\":\"invalid_grant\",\"refresh_token\":\"***\"}", ex.ResponseBody);
        }

        [Fact]
        public void ABodyWithSecretsThatIsNotAFormIsMaskedWhole()
        {
            var request = new ApiRequest(ApiService.WxccToken, System.Net.Http.HttpMethod.Post, s_token)
            {
                Body = "{\"assertion\":\"jwt-secret\"}",
                BodyHasSecrets = true,
            };
            Assert.Equal(LogRedactor.Mask, request.Body);
            request.BodyHasSecrets = false;
            Assert.Equal("{\"assertion\":\"***\"}", request.Body); // the one redaction policy still masks a secret-named field
        }

        [Fact]
        public async Task AFixedTokenIsNeverRefreshedAndNeverShown()
        {
            var connection = WxccConnection.WithAccessToken(s_base, "FIXED-TOKEN");
            Assert.Equal("FIXED-TOKEN", await connection.GetAccessTokenAsync(CancellationToken.None));
            Assert.Equal("us1", connection.Region);
            Assert.Null(connection.ExpiresOn);
            Assert.DoesNotContain("FIXED-TOKEN", connection.ToString());
        }
    }
}
