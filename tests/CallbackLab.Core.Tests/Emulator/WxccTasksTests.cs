using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.Emulator
{
    public sealed class WxccTasksTests
    {
        /// <summary>The descriptions of a documented WxCC error body, in order.</summary>
        internal static string?[] Descriptions(EmulatorClient.Answer answer) =>
            answer.Json["error"]!["message"]!.Select(m => (string?)m["description"]).ToArray();

        internal static JObject LabTask() => new JObject
        {
            ["entryPointId"] = LabSeed.LabOutboundEntryPointId,
            ["destination"] = LabSeed.LabTacNumber,
            ["attributes"] = new JObject { ["customANI"] = "+14694096861" },
            ["outboundType"] = "CALLBACK",
            ["mediaType"] = "telephony",
            ["callback"] = new JObject { ["callbackOrigin"] = "web", ["callbackType"] = "immediate" },
        };

        [Fact]
        public async Task TheLabTaskIsCreatedAndRecordedExactly()
        {
            using var lab = new EmulatorClient();
            JObject body = LabTask();
            var answer = await lab.PostTaskAsync(body);
            Assert.Equal(201, answer.Status);
            Assert.Equal(lab.Emulator.OrgId, (string?)answer.Json["meta"]!["orgId"]);
            string id = (string)answer.Json["data"]!["id"]!;
            Assert.True(Guid.TryParse(id, out _));
            RecordedTask task = Assert.Single(lab.Emulator.Tasks);
            Assert.Equal(id, task.Id);
            Assert.True(JToken.DeepEquals(body, task.Request));
            Assert.Equal(LabSeed.LabTacNumber, task.Destination);
        }

        [Fact]
        public async Task AMissingOrNonBearerAuthorizationIs400()
        {
            using var lab = new EmulatorClient();
            var none = await lab.PostTaskAsync(LabTask(), bearer: null);
            Assert.Equal(400, none.Status);
            Assert.Equal("400", (string?)none.Json["error"]!["key"]);
            var basic = await lab.PostTaskAsync(LabTask(), bearer: "Basic dXNlcjpwYXNz");
            Assert.Equal(400, basic.Status);
            Assert.Empty(lab.Emulator.Tasks);
        }

        [Fact]
        public async Task AnUnknownTokenIs401WithTheDocumentedBody()
        {
            using var lab = new EmulatorClient();
            var answer = await lab.PostTaskAsync(LabTask(), bearer: "Bearer not-a-token");
            Assert.Equal(401, answer.Status);
            Assert.Equal(answer.TrackingId, (string?)answer.Json["trackingId"]);
            Assert.Equal("401", (string?)answer.Json["error"]!["key"]);
            Assert.Equal("Unauthorized, Token is Invalid.", Descriptions(answer)[0]);
        }

        [Fact]
        public async Task AnExpiredTokenIs401()
        {
            DateTimeOffset now = DateTimeOffset.UtcNow;
            using var lab = new EmulatorClient(new LabEmulatorOptions { TokenLifetime = TimeSpan.FromHours(1), Clock = () => now });
            Assert.Equal(201, (await lab.PostTaskAsync(LabTask())).Status);
            now = now.AddHours(1);
            Assert.Equal(401, (await lab.PostTaskAsync(LabTask())).Status);
        }

        [Theory]
        [InlineData("destination", null, "destination is required.")]
        [InlineData("entryPointId", null, "entryPointId is required.")]
        [InlineData("mediaType", null, "mediaType is required.")]
        [InlineData("mediaType", "chat", "mediaType 'chat' is not supported; the supported value is telephony.")]
        [InlineData("outboundType", "PREVIEW", "outboundType 'PREVIEW' is not supported; use CALLBACK, OUTDIAL or EXECUTE_FLOW.")]
        [InlineData("destination", "1234567890123456789012345678901234567", "destination is longer than 36 characters.")]
        [InlineData("entryPointId", "00000000-0000-0000-0000-000000000000", "entryPointId '00000000-0000-0000-0000-000000000000' is not an outbound entry point of this organization.")]
        [InlineData("callback", null, "callback is required when outboundType is CALLBACK.")]
        public async Task InvalidTasksAre400WithTheDocumentedBody(string field, string? value, string description)
        {
            using var lab = new EmulatorClient();
            JObject body = LabTask();
            if (value == null)
            {
                body.Remove(field);
            }
            else
            {
                body[field] = value;
            }

            var answer = await lab.PostTaskAsync(body);
            Assert.Equal(400, answer.Status);
            Assert.Equal("400", (string?)answer.Json["error"]!["key"]);
            Assert.Equal(answer.TrackingId, (string?)answer.Json["trackingId"]);
            Assert.Equal(new[] { description }, Descriptions(answer));
            Assert.Empty(lab.Emulator.Tasks);
        }

        [Fact]
        public async Task CallbackDetailsMustBeWebImmediate()
        {
            using var lab = new EmulatorClient();
            JObject body = LabTask();
            body["callback"] = new JObject { ["callbackOrigin"] = "phone", ["callbackType"] = "scheduled" };
            var answer = await lab.PostTaskAsync(body);
            Assert.Equal(new[] { "callback.callbackOrigin is required and must be 'web'.", "callback.callbackType is required and must be 'immediate'." },
                Descriptions(answer));
        }

        [Fact]
        public async Task OutdialNeedsAnOriginAndOriginIsAtMost36()
        {
            using var lab = new EmulatorClient();
            JObject body = LabTask();
            body["outboundType"] = "OUTDIAL";
            body.Remove("callback");
            var noOrigin = await lab.PostTaskAsync(body);
            Assert.Equal("origin is required when outboundType is OUTDIAL.", Descriptions(noOrigin)[0]);
            body["origin"] = new string('1', 37);
            var longOrigin = await lab.PostTaskAsync(body);
            Assert.Equal("origin is longer than 36 characters.", Descriptions(longOrigin)[0]);
            body["origin"] = "+14694096861";
            Assert.Equal(201, (await lab.PostTaskAsync(body)).Status);
        }

        [Fact]
        public async Task AttributesAreLimitedTo30TuplesAnd200ByteKeysAnd1024ByteValues()
        {
            using var lab = new EmulatorClient();
            JObject body = LabTask();
            var many = new JObject();
            for (int i = 0; i < 31; i++)
            {
                many["k" + i] = "v";
            }

            body["attributes"] = many;
            Assert.Equal("attributes has 31 tuples; at most 30 are allowed.", Descriptions((await lab.PostTaskAsync(body)))[0]);
            body["attributes"] = new JObject { [new string('k', 201)] = "v" };
            Assert.Equal(400, (await lab.PostTaskAsync(body)).Status);
            body["attributes"] = new JObject { ["k"] = new string('é', 513) };
            Assert.Equal("attributes value of 'k' is longer than 1024 bytes.", Descriptions((await lab.PostTaskAsync(body)))[0]);
            body["attributes"] = new JObject { ["k"] = new string('é', 512) };
            Assert.Equal(201, (await lab.PostTaskAsync(body)).Status);
        }

        [Fact]
        public async Task MalformedJsonIs400()
        {
            using var lab = new EmulatorClient();
            var answer = await lab.SendAsync(HttpMethod.Post, "v1/tasks", "{nope", "Bearer " + lab.Emulator.AccessToken);
            Assert.Equal(400, answer.Status);
            Assert.StartsWith("The request body is not a valid JSON object", Descriptions(answer)[0]);
        }

        [Fact]
        public async Task TrackingIdIsOnEveryResponseAndEchoed()
        {
            using var lab = new EmulatorClient();
            var generated = await lab.GetAsync("flowdesigner/Lab/DynVars");
            Assert.StartsWith("CBLAB_", generated.TrackingId);
            using var request = new HttpRequestMessage(HttpMethod.Get, "flowdesigner/Lab/DynVars/1");
            request.Headers.Add("TrackingId", "INTEGRATION-42");
            using HttpResponseMessage response = await lab.Http.SendAsync(request);
            Assert.Equal("INTEGRATION-42", response.Headers.GetValues("TrackingID").Single());
        }

        [Fact]
        public async Task TheRateLimitAnswers429WithRetryAfterAndNoBody()
        {
            DateTimeOffset now = DateTimeOffset.UtcNow;
            using var lab = new EmulatorClient(new LabEmulatorOptions { RateLimitPerMinute = 3, Clock = () => now });
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(201, (await lab.PostTaskAsync(LabTask())).Status);
            }

            now = now.AddSeconds(15);
            var limited = await lab.PostTaskAsync(LabTask());
            Assert.Equal(429, limited.Status);
            Assert.Equal(string.Empty, limited.Body);
            Assert.Equal(TimeSpan.FromSeconds(45), limited.RetryAfter);
            Assert.Equal(3, lab.Emulator.Tasks.Count);
            now = now.AddSeconds(45);
            Assert.Equal(201, (await lab.PostTaskAsync(LabTask())).Status);
        }

        [Fact]
        public async Task ListingTasksNeedsFromAndReturnsTheDocumentedShape()
        {
            using var lab = new EmulatorClient();
            await lab.PostTaskAsync(LabTask());
            string bearer = "Bearer " + lab.Emulator.AccessToken;
            var noFrom = await lab.SendAsync(HttpMethod.Get, "v1/tasks", bearer: bearer);
            Assert.Equal(400, noFrom.Status);
            Assert.Equal("from is required (epoch milliseconds).", Descriptions(noFrom)[0]);
            var list = await lab.SendAsync(HttpMethod.Get, "v1/tasks?from=0&channelTypes=telephony", bearer: bearer);
            Assert.Equal(200, list.Status);
            JToken item = Assert.Single(list.Json["data"]!);
            Assert.Equal(lab.Emulator.Tasks[0].Id, (string?)item["id"]);
            Assert.Equal("telephony", (string?)item["attributes"]!["channelType"]);
            Assert.Equal(LabSeed.LabTacNumber, (string?)item["attributes"]!["destination"]);
            Assert.Equal(lab.Emulator.OrgId, (string?)list.Json["meta"]!["orgId"]);
            var later = await lab.SendAsync(HttpMethod.Get, "v1/tasks?from=" + DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds(), bearer: bearer);
            Assert.Empty(later.Json["data"]!);
            var email = await lab.SendAsync(HttpMethod.Get, "v1/tasks?from=0&channelTypes=email", bearer: bearer);
            Assert.Empty(email.Json["data"]!);
        }

        [Fact]
        public async Task OtherMethodsOnTasksAre405AndBadListParametersAre400()
        {
            using var lab = new EmulatorClient();
            string bearer = "Bearer " + lab.Emulator.AccessToken;
            var delete = await lab.SendAsync(HttpMethod.Delete, "v1/tasks", bearer: bearer);
            Assert.Equal(405, delete.Status);
            Assert.Equal("GET, POST", delete.Allow);
            var bad = await lab.SendAsync(HttpMethod.Get, "v1/tasks?from=x&pageSize=0&channelTypes=fax", bearer: bearer);
            Assert.Equal(400, bad.Status);
            Assert.Equal(
                new[] { "from must be epoch milliseconds.", "pageSize must be a whole number from 1 to 1000.", "channelTypes value 'fax' is not one of email, chat, telephony, social." },
                Descriptions(bad));
        }

        [Fact]
        public async Task ExecuteFlowNeedsAnOriginAndAnInboundEntryPointMappedToAFlow()
        {
            using var lab = new EmulatorClient();
            JObject body = LabTask();
            body["outboundType"] = "EXECUTE_FLOW";
            body["entryPointId"] = CallbackLab.Core.Emulator.WxccIds.EntryPointId("Inbound_Lab_Channel");
            body["origin"] = "+14694096861";
            body.Remove("callback");
            Assert.Equal(201, (await lab.PostTaskAsync(body)).Status);
            Assert.Equal("inbound", (string?)(await lab.SendAsync(HttpMethod.Get, "v1/tasks?from=0", bearer: "Bearer " + lab.Emulator.AccessToken))
                .Json["data"]![0]!["attributes"]!["direction"]);

            body["entryPointId"] = LabSeed.LabOutboundEntryPointId;
            var outbound = await lab.PostTaskAsync(body);
            Assert.Equal(400, outbound.Status);
            Assert.Equal(
                $"entryPointId '{LabSeed.LabOutboundEntryPointId}' is not an inbound entry point of this organization; EXECUTE_FLOW runs the flow of an inbound entry point.",
                Descriptions(outbound).Single());
            body.Remove("origin");
            body["entryPointId"] = "inbound-ep-1";
            var neither = await lab.PostTaskAsync(body);
            Assert.Equal(new[] { "origin is required when outboundType is EXECUTE_FLOW.", "entryPointId 'inbound-ep-1' is not an inbound entry point of this organization; EXECUTE_FLOW runs the flow of an inbound entry point." },
                Descriptions(neither));
            Assert.Single(lab.Emulator.Tasks);
        }

        [Fact]
        public async Task TasksNeedTheUserScope()
        {
            using var lab = new EmulatorClient();
            var answer = await lab.PostTaskAsync(LabTask(), "Bearer " + lab.Emulator.IssueAccessToken(WxccScopes.ConfigRead, WxccScopes.ConfigWrite));
            Assert.Equal(403, answer.Status);
            Assert.Equal("The access token lacks the scope cjp:user this request needs.", Descriptions(answer).Single());
            Assert.Equal(201, (await lab.PostTaskAsync(LabTask(), "Bearer " + lab.Emulator.IssueAccessToken(WxccScopes.User))).Status);
        }

        [Fact]
        public async Task OnlyTasksAndAccessTokenAreWxccRoutesOtherV1PathsAreMockApiResources()
        {
            using var lab = new EmulatorClient();
            Assert.Equal(404, (await lab.GetAsync("v1/teams")).Status);
            Assert.Equal(201, (await lab.PostAsync("v1/teams", "{\"name\":\"a\"}")).Status);
            Assert.Equal("a", (string?)(await lab.GetAsync("v1/teams/1")).Json["name"]);
        }
    }
}
