using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Http;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.Http
{
    /// <summary>The one redaction policy: forms, JSON at any depth, queries and headers, whatever the Content-Type claims.</summary>
    [Trait("Category", "CrashAndFault")]
    public sealed class LogRedactorTests
    {
        private const string Secret = "S3cr3tValue42";

        public static IEnumerable<object[]> SecretFieldNames() =>
            new[]
            {
                "client_secret", "clientSecret", "ClientSecret", "refresh_token", "refreshToken", "access_token", "id_token", "token",
                "apiKey", "APIKEY", "api_key", "ApiKey", "x-api-key", "password", "Password", "userPassword", "secret", "authToken",
                "assertion", "privateKey", "sessionId",
            }.Select(name => new object[] { name });

        [Theory]
        [MemberData(nameof(SecretFieldNames))]
        public void JsonSecretsAreMaskedAtAnyDepthWhateverTheContentType(string name)
        {
            string body = new JObject
            {
                ["outer"] = new JObject { ["list"] = new JArray(new JObject { [name] = Secret, ["keep"] = "visible" }) },
                [name] = Secret,
            }.ToString();
            foreach (string? contentType in new[] { "application/json", "application/x-www-form-urlencoded", "text/plain", null })
            {
                string redacted = LogRedactor.RedactBody(body, contentType);
                Assert.DoesNotContain(Secret, redacted);
                Assert.Contains("visible", redacted);
                Assert.Equal(LogRedactor.Mask, (string?)JObject.Parse(redacted).SelectToken("outer.list[0]")![name]);
            }
        }

        [Theory]
        [MemberData(nameof(SecretFieldNames))]
        public void FormAndQuerySecretsAreMasked(string name)
        {
            string form = "grant_type=refresh_token&" + name + "=" + Secret + "&keep=visible";
            foreach (string? contentType in new[] { "application/x-www-form-urlencoded", "application/json", null })
            {
                string redacted = LogRedactor.RedactBody(form, contentType);
                Assert.Equal("grant_type=refresh_token&" + name + "=" + LogRedactor.Mask + "&keep=visible", redacted);
            }

            Assert.Equal("grant_type=refresh_token&" + name + "=" + LogRedactor.Mask + "&keep=visible", LogRedactor.RedactForm(form));
        }

        [Fact]
        public void AnOAuthCodeIsMaskedBesideOAuthFieldsAndAnOrdinaryCodeStaysVisible()
        {
            Assert.Equal("grant_type=authorization_code&code=" + LogRedactor.Mask + "&redirect_uri=x", LogRedactor.RedactForm("grant_type=authorization_code&code=" + Secret + "&redirect_uri=x"));
            Assert.Equal("code=" + LogRedactor.Mask + "&state=abc", LogRedactor.RedactQuery("code=" + Secret + "&state=abc"));
            Assert.Equal("dn=4694096861&code=CB-42", LogRedactor.RedactQuery("dn=4694096861&code=CB-42")); // a MockAPI filter on a DynVars field
            string oauthJson = new JObject { ["client_id"] = "C1", ["code"] = Secret }.ToString();
            Assert.DoesNotContain(Secret, LogRedactor.RedactBody(oauthJson, "application/json"));
            string record = new JObject { ["dn"] = "4694096861", ["code"] = "CB-42" }.ToString();
            Assert.Same(record, LogRedactor.RedactBody(record, "application/json"));
            Assert.DoesNotContain(Secret, LogRedactor.RedactBody("{\"grant_type\":\"authorization_code\",\"code\":\"" + Secret, null)); // cut off: by pattern
        }

        [Fact]
        public void AKeyIsAnApiKeyInAQueryFormOrHeaderButAFlowsKeyInJsonStaysVisible()
        {
            Assert.Equal("key=" + LogRedactor.Mask + "&q=x", LogRedactor.RedactQuery("key=" + Secret + "&q=x"));
            Assert.Equal(LogRedactor.Mask, LogRedactor.RedactHeader("Key", Secret));
            string flow = new JObject { ["tags"] = new JArray(new JObject { ["key"] = "Latest", ["value"] = "v1" }), ["apiKey"] = Secret }.ToString();
            string redacted = LogRedactor.RedactBody(flow, "application/json");
            Assert.Equal("Latest", (string?)JObject.Parse(redacted).SelectToken("tags[0].key"));
            Assert.DoesNotContain(Secret, redacted);
            Assert.False(LogRedactor.IsSecretName("code"));
            Assert.False(LogRedactor.IsSecretName("key"));
            Assert.True(LogRedactor.IsSecretParameter("code", new[] { "grant_type", "code" }));
        }

        [Theory]
        [InlineData("X-Auth-Token")]
        [InlineData("X-Api-Key")]
        [InlineData("x-api-key")]
        [InlineData("Cookie")]
        [InlineData("Set-Cookie")]
        [InlineData("Proxy-Authorization")]
        [InlineData("X-Client-Secret")]
        [InlineData("X-Access-Token")]
        [InlineData("Api-Key")]
        public void SecretHeadersAreMasked(string name)
        {
            Assert.True(LogRedactor.IsSecretHeader(name));
            Assert.Equal(LogRedactor.Mask, LogRedactor.RedactHeader(name, Secret));
        }

        [Fact]
        public void AuthorizationKeepsOnlyItsScheme()
        {
            Assert.Equal("Bearer " + LogRedactor.Mask, LogRedactor.RedactHeader("Authorization", "Bearer " + Secret));
            Assert.Equal(LogRedactor.Mask, LogRedactor.RedactHeader("Authorization", Secret));
        }

        [Theory]
        [InlineData("Content-Type")]
        [InlineData("TrackingId")]
        [InlineData("Accept")]
        [InlineData("X-Token-Type")]
        public void OrdinaryHeadersStay(string name)
        {
            Assert.False(LogRedactor.IsSecretHeader(name));
            Assert.Equal("value", LogRedactor.RedactHeader(name, "value"));
        }

        [Fact]
        public void AJsonBodyWithoutSecretsIsReturnedAsSent()
        {
            const string body = "{ \"destination\" : \"+15550100\",\n  \"when\": \"2024-01-01T00:00:00Z\", \"n\": 1.50, \"token_type\": \"Bearer\" }";
            Assert.Same(body, LogRedactor.RedactBody(body, "application/json"));
        }

        [Fact]
        public void ASecretObjectOrArrayIsMaskedWhole()
        {
            string redacted = LogRedactor.RedactBody("{\"credentials\":{\"user\":\"u\",\"pin\":\"" + Secret + "\"},\"tokens\":[\"" + Secret + "\"]}", null);
            Assert.DoesNotContain(Secret, redacted);
        }

        [Fact]
        public void TruncatedOrInvalidJsonStillHasItsSecretsMasked()
        {
            string body = "{\"a\":{\"clientSecret\" : \"" + Secret + "\", \"apiKey\": 12345678, \"password\": \"half-";
            string redacted = LogRedactor.RedactBody(body, "application/json");
            Assert.DoesNotContain(Secret, redacted);
            Assert.DoesNotContain("12345678", redacted);
            Assert.DoesNotContain("half-", redacted);
        }

        [Fact]
        public void NonStringJsonSecretsAreMasked()
        {
            string redacted = LogRedactor.RedactBody("{\"n\":1,\"apiKey\":987654321,\"nested\":{\"token\":true}}", null);
            Assert.DoesNotContain("987654321", redacted);
            Assert.Equal(LogRedactor.Mask, (string?)JObject.Parse(redacted).SelectToken("nested.token"));
            Assert.Equal(1, (int)JObject.Parse(redacted)["n"]!);
        }

        [Fact]
        public void UriQuerySecretsAreMasked()
        {
            Assert.Equal(
                "https://example.test/cb?state=1&X-Api-Key=" + LogRedactor.Mask + "&apiKey=" + LogRedactor.Mask,
                LogRedactor.RedactUri(new System.Uri("https://example.test/cb?state=1&X-Api-Key=" + Secret + "&apiKey=" + Secret)));
        }

        [Fact]
        public void HeadersAreRedactedAsADictionary()
        {
            IReadOnlyDictionary<string, string> redacted = LogRedactor.RedactHeaders(new[]
            {
                new KeyValuePair<string, string>("X-Auth-Token", Secret),
                new KeyValuePair<string, string>("Accept", "application/json"),
            });
            Assert.Equal(LogRedactor.Mask, redacted["x-auth-token"]);
            Assert.Equal("application/json", redacted["Accept"]);
        }
    }
}
