using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;

namespace CallbackLab.Core.Tests.Emulator
{
    /// <summary>The journal applies the one redaction policy: JSON bodies on any route (the token endpoint too), at any depth, and every secret header.</summary>
    [Trait("Category", "CrashAndFault")]
    public sealed class JournalRedactionTests
    {
        private const string DynVars = "flowdesigner/Lab/DynVars";

        [Fact]
        public async Task AJsonBodySentToTheTokenEndpointIsRedactedAsJson()
        {
            using var lab = new EmulatorClient();
            string json = "{\"grant_type\":\"refresh_token\",\"client_id\":\"" + lab.Emulator.ClientId + "\",\"client_secret\":\"" +
                          lab.Emulator.ClientSecret + "\",\"refresh_token\":\"" + lab.Emulator.RefreshToken + "\"}";
            await lab.SendAsync(HttpMethod.Post, "v1/access_token", json);
            string body = lab.Emulator.Journal.Single().Body;
            Assert.DoesNotContain(lab.Emulator.ClientSecret, body);
            Assert.DoesNotContain(lab.Emulator.RefreshToken, body);
            Assert.Contains(lab.Emulator.ClientId, body);
        }

        [Theory]
        [InlineData("clientSecret")]
        [InlineData("apiKey")]
        [InlineData("APIKEY")]
        [InlineData("ApiKey")]
        [InlineData("password")]
        [InlineData("token")]
        public async Task JsonSecretFieldsAreMaskedAtAnyDepth(string name)
        {
            using var lab = new EmulatorClient();
            Assert.Equal(201, (await lab.PostAsync(DynVars, "{\"dn\":\"1\",\"" + name + "\":\"top-secret-1\",\"deep\":{\"list\":[{\"" + name + "\":\"top-secret-2\"}]}}")).Status);
            string body = lab.Emulator.Journal.Single().Body;
            Assert.DoesNotContain("top-secret", body);
            Assert.Contains("\"dn\":\"1\"", body);
        }

        [Theory]
        [InlineData("X-Auth-Token")]
        [InlineData("X-Api-Key")]
        [InlineData("Cookie")]
        [InlineData("X-Client-Secret")]
        public async Task SecretHeadersAreMasked(string name)
        {
            using var lab = new EmulatorClient();
            using (var request = new HttpRequestMessage(HttpMethod.Get, DynVars + "/1"))
            {
                request.Headers.TryAddWithoutValidation(name, "header-secret-value");
                using HttpResponseMessage response = await lab.Http.SendAsync(request);
            }

            JournalEntry entry = lab.Emulator.Journal.Single();
            Assert.Equal("***", entry.Headers[name]);
            Assert.DoesNotContain(entry.Headers.Values, value => value.Contains("header-secret-value"));
        }

        [Fact]
        public async Task SecretQueryValuesAreMaskedWhateverTheirCase()
        {
            using var lab = new EmulatorClient();
            await lab.GetAsync(DynVars + "?dn=1&ApiKey=q-secret&clientSecret=q-secret2&X-Auth-Token=q-secret3");
            Assert.Equal("dn=1&ApiKey=***&clientSecret=***&X-Auth-Token=***", lab.Emulator.Journal.Single().Query);
        }
    }
}
