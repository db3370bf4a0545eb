using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CallbackLab.Core.Http;

namespace CallbackLab.Core.Tests.Http
{
    public sealed class ApiHttpClientHeaderTests
    {
        private const string Token = "eyJhbGciOi.SECRET-TOKEN.xyz";

        [Fact]
        public async Task EveryAttemptSendsTheSameCallbackLabTrackingIdAndTheBearerToken()
        {
            var t = new TestClient();
            t.Handler.Then((HttpStatusCode)429, "", ("Retry-After", "0")).Then(HttpStatusCode.OK, "[]");
            var request = new ApiRequest(ApiService.Wxcc, HttpMethod.Get, new Uri("https://api.wxcc-eu1.cisco.com/v1/tasks")) { BearerToken = Token };

            await t.Send(request);

            Assert.Matches(new Regex("^CallbackLab_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"), request.TrackingId);
            Assert.All(t.Handler.Sent, s => Assert.Equal(request.TrackingId, s.Headers["TrackingId"]));
            Assert.All(t.Handler.Sent, s => Assert.Equal("Bearer " + Token, s.Headers["Authorization"]));
        }

        [Fact]
        public async Task VerboseAndDebugNeverShowTheTokenOrSecretQueryValues()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.OK, "{\"access_token\":\"" + Token + "\",\"ok\":true}");
            var request = new ApiRequest(ApiService.Wxcc, HttpMethod.Post, new Uri("https://api.wxcc-us1.cisco.com/v1/tasks?access_token=" + Token + "&dn=469"))
            {
                BearerToken = Token,
                Body = "{\"entryPointId\":\"ep\"}",
            };

            await t.Send(request);

            Assert.DoesNotContain(Token, t.Log.All);
            Assert.Contains("POST https://api.wxcc-us1.cisco.com/v1/tasks?access_token=***&dn=469", t.Log.VerboseMessages);
            Assert.Contains(t.Log.DebugMessages, m => m.Contains("Authorization: Bearer ***"));
            Assert.Contains(t.Log.DebugMessages, m => m.Contains("TrackingId: " + request.TrackingId));
            Assert.Contains(t.Log.DebugMessages, m => m.Contains("{\"entryPointId\":\"ep\"}"));
            Assert.Contains(t.Log.DebugMessages, m => m.Contains("\"access_token\":\"***\""));
        }

        [Fact]
        public async Task AFormBodyWithSecretsIsMaskedInDebug()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.OK, "{}");
            var request = new ApiRequest(ApiService.WxccToken, HttpMethod.Post, new Uri("https://webexapis.com/v1/access_token"))
            {
                ContentType = "application/x-www-form-urlencoded",
                BodyHasSecrets = true,
                Body = "grant_type=refresh_token&client_id=cid&client_secret=S3CR3T-VALUE&refresh_token=R3FR3SH-VALUE",
            };
            await t.Send(request);
            Assert.DoesNotContain("S3CR3T-VALUE", t.Log.All);
            Assert.DoesNotContain("R3FR3SH-VALUE", t.Log.All);
            Assert.Contains(t.Log.DebugMessages, m => m.Contains("grant_type=refresh_token&client_id=cid&client_secret=***&refresh_token=***"));
        }

        [Theory]
        [InlineData("http://api.example.com/v1/tasks", false, true)]
        [InlineData("http://127.0.0.1:5080/v1/tasks", false, false)]
        [InlineData("http://localhost:5080/v1/tasks", false, false)]
        [InlineData("http://api.example.com/v1/tasks", true, false)]
        [InlineData("https://api.example.com/v1/tasks", false, false)]
        public async Task TokensGoOverPlainHttpOnlyToTheLoopbackUnlessAllowed(string uri, bool allow, bool refused)
        {
            var t = new TestClient(new ApiClientOptions { AllowUnencryptedAuthentication = allow });
            t.Handler.Then(HttpStatusCode.OK, "[]");
            var request = new ApiRequest(ApiService.Wxcc, HttpMethod.Get, new Uri(uri)) { BearerToken = Token };
            if (refused)
            {
                var ex = await Assert.ThrowsAsync<ApiException>(() => t.Send(request));
                Assert.Equal(ApiFailureKind.UnencryptedAuthentication, ex.Kind);
                Assert.Empty(t.Handler.Sent);
            }
            else
            {
                await t.Send(request);
                Assert.Single(t.Handler.Sent);
            }
        }

        [Fact]
        public async Task ARequestWithoutCredentialsMayUsePlainHttpAnywhere()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.OK, "[]");
            await t.Send(new ApiRequest(ApiService.MockApi, HttpMethod.Get, new Uri("http://mock.example.com/flowdesigner/Lab/DynVars")));
            Assert.Single(t.Handler.Sent);
            Assert.False(t.Handler.Sent.Single().Headers.ContainsKey("Authorization"));
        }
    }
}
