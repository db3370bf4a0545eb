using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.Emulator
{
    public sealed class OAuthTests
    {
        private static async Task<(int Status, JObject Body)> TokenAsync(EmulatorClient lab, Dictionary<string, string> form)
        {
            using var content = new FormUrlEncodedContent(form);
            using HttpResponseMessage response = await lab.Http.PostAsync(lab.Emulator.TokenUri, content);
            return ((int)response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync()));
        }

        [Fact]
        public async Task ARefreshGrantIssuesAWorkingTokenPair()
        {
            using var lab = new EmulatorClient(new LabEmulatorOptions { TokenLifetime = TimeSpan.FromHours(12) });
            var (status, body) = await TokenAsync(lab, new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = lab.Emulator.ClientId,
                ["client_secret"] = lab.Emulator.ClientSecret,
                ["refresh_token"] = lab.Emulator.RefreshToken,
            });
            Assert.Equal(200, status);
            Assert.Equal(43200L, (long?)body["expires_in"]);
            Assert.Equal(7776000L, (long?)body["refresh_token_expires_in"]);
            string access = (string)body["access_token"]!;
            Assert.NotEqual(lab.Emulator.AccessToken, access);
            Assert.NotEqual(lab.Emulator.RefreshToken, (string?)body["refresh_token"]);
            Assert.Equal(201, (await lab.PostTaskAsync(WxccTasksTests.LabTask(), "Bearer " + access)).Status);
        }

        [Fact]
        public async Task AnAuthorizationCodeGrantIssuesATokenAndNeedsACode()
        {
            using var lab = new EmulatorClient();
            var form = new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["client_id"] = lab.Emulator.ClientId,
                ["client_secret"] = lab.Emulator.ClientSecret,
                ["code"] = "abc",
                ["redirect_uri"] = "http://localhost/cb",
            };
            Assert.Equal(200, (await TokenAsync(lab, form)).Status);
            form.Remove("code");
            var (status, body) = await TokenAsync(lab, form);
            Assert.Equal(400, status);
            Assert.Equal("code is required for grant_type authorization_code.", (string?)body["message"]);
        }

        [Fact]
        public async Task WrongClientCredentialsAre401AndUnknownGrantsAndRefreshTokensAre400()
        {
            using var lab = new EmulatorClient();
            var form = new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = lab.Emulator.ClientId,
                ["client_secret"] = "wrong",
                ["refresh_token"] = lab.Emulator.RefreshToken,
            };
            Assert.Equal(401, (await TokenAsync(lab, form)).Status);
            form["client_secret"] = lab.Emulator.ClientSecret;
            form["refresh_token"] = "unknown";
            Assert.Equal(400, (await TokenAsync(lab, form)).Status);
            form["grant_type"] = "password";
            var (status, body) = await TokenAsync(lab, form);
            Assert.Equal(400, status);
            Assert.Equal("grant_type must be refresh_token or authorization_code.", (string?)body["errors"]![0]!["description"]);
        }
    }
}
