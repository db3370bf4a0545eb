using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;

namespace CallbackLab.Core.Tests.Emulator
{
    public sealed class FaultAndJournalTests
    {
        private const string DynVars = "flowdesigner/Lab/DynVars";

        [Fact]
        public async Task AStatusFaultAppliesToTheNextNRequestsOfItsRouteOnly()
        {
            using var lab = new EmulatorClient();
            lab.Emulator.SetFault(new FaultRule { Method = "GET", PathPattern = "/flowdesigner/Lab/DynVars", StatusCode = 503, Count = 2 });
            Assert.Equal(503, (await lab.GetAsync(DynVars)).Status);
            Assert.Equal(200, (await lab.GetAsync(DynVars + "/1")).Status);
            Assert.Equal(201, (await lab.PostAsync(DynVars, "{}")).Status);
            Assert.Equal(503, (await lab.GetAsync(DynVars + "?dn=1")).Status);
            Assert.Equal(200, (await lab.GetAsync(DynVars)).Status);
            Assert.Equal(2, lab.Emulator.Faults.Single().Applied);
        }

        [Fact]
        public async Task A429FaultCarriesRetryAfterAndAFaultedWriteChangesNothing()
        {
            using var lab = new EmulatorClient();
            lab.Emulator.SetFault(new FaultRule { PathPattern = "/v1/*", StatusCode = 429, RetryAfterSeconds = 7 });
            var answer = await lab.PostTaskAsync(WxccTasksTests.LabTask());
            Assert.Equal(429, answer.Status);
            Assert.Equal(TimeSpan.FromSeconds(7), answer.RetryAfter);
            Assert.Empty(lab.Emulator.Tasks);
            lab.Emulator.ClearFaults();
            Assert.Equal(201, (await lab.PostTaskAsync(WxccTasksTests.LabTask())).Status);
        }

        [Fact]
        public async Task AFaultWithoutABodyAnswersInTheStyleOfTheApiItsPathBelongsTo()
        {
            using var lab = new EmulatorClient();
            lab.Emulator.SetFault(new FaultRule { PathPattern = "/v1/tasks", StatusCode = 503, Count = 1 });
            lab.Emulator.SetFault(new FaultRule { PathPattern = "/flowdesigner/*", StatusCode = 500, Count = 1 });

            var wxcc = await lab.PostTaskAsync(WxccTasksTests.LabTask());
            Assert.Equal(503, wxcc.Status);
            Assert.Equal(wxcc.TrackingId, (string?)wxcc.Json["trackingId"]);
            Assert.Equal("503", (string?)wxcc.Json["error"]!["key"]);
            Assert.Equal("Service Unavailable", (string?)wxcc.Json["error"]!["message"]![0]!["description"]);

            var mockApi = await lab.GetAsync(DynVars);
            Assert.Equal(500, mockApi.Status);
            Assert.Equal("\"Internal Server Error\"", mockApi.Body);
        }

        [Fact]
        public async Task A429FaultWithoutABodyHasNoBodyLikeWxccAndAGivenBodyIsSentAsIs()
        {
            using var lab = new EmulatorClient();
            lab.Emulator.SetFault(new FaultRule { PathPattern = "/v1/tasks", StatusCode = 429, Count = 1 });
            lab.Emulator.SetFault(new FaultRule { PathPattern = "/v1/tasks", StatusCode = 400, Body = "{\"x\":1}", Count = 1 });
            var limited = await lab.PostTaskAsync(WxccTasksTests.LabTask());
            Assert.Equal(429, limited.Status);
            Assert.Equal(string.Empty, limited.Body);
            var given = await lab.PostTaskAsync(WxccTasksTests.LabTask());
            Assert.Equal(400, given.Status);
            Assert.Equal("{\"x\":1}", given.Body);
        }

        [Fact]
        public async Task ProbabilityZeroNeverFaultsAndOneAlwaysDoes()
        {
            using var lab = new EmulatorClient();
            lab.Emulator.SetFault(new FaultRule { PathPattern = "*", StatusCode = 500, Probability = 0 });
            Assert.Equal(200, (await lab.GetAsync(DynVars)).Status);
            lab.Emulator.SetFault(new FaultRule { PathPattern = "*", StatusCode = 500, Probability = 1 });
            Assert.Equal(500, (await lab.GetAsync(DynVars)).Status);
        }

        [Fact]
        public async Task ADroppedConnectionFailsTheClientAndIsJournalledAsZero()
        {
            using var lab = new EmulatorClient();
            // Every matching request is dropped: HttpClient may retry a GET once on a new connection, and that is dropped too.
            lab.Emulator.SetFault(new FaultRule { PathPattern = "/flowdesigner/*", DropConnection = true });
            await Assert.ThrowsAsync<HttpRequestException>(() => lab.GetAsync(DynVars));
            Assert.All(lab.Emulator.Journal, entry => Assert.Equal(0, entry.StatusCode));
            lab.Emulator.ClearFaults();
            Assert.Equal(200, (await lab.GetAsync(DynVars)).Status);
        }

        [Fact]
        public async Task LatencyDelaysThenAnswersNormally()
        {
            using var lab = new EmulatorClient();
            lab.Emulator.SetFault(new FaultRule { PathPattern = "*", Latency = TimeSpan.FromMilliseconds(150), Count = 1 });
            var answer = await lab.GetAsync(DynVars + "/1");
            Assert.Equal(200, answer.Status);
            Assert.True(lab.Emulator.Journal.Single().Duration >= TimeSpan.FromMilliseconds(140));
        }

        [Theory]
        [InlineData(100)]
        [InlineData(200)]
        [InlineData(204)]
        [InlineData(299)]
        public void ASuccessStatusIsNotAFault(int status)
        {
            using var emulator = LabEmulator.Start();
            var ex = Assert.Throws<ArgumentException>(() => emulator.SetFault(new FaultRule { StatusCode = status }));
            Assert.Equal("StatusCode", ex.ParamName);
            Assert.StartsWith("StatusCode " + status + " is not a fault status: use a redirect or error status (300-599)", ex.Message);
            Assert.Empty(emulator.Faults);
            emulator.SetFault(new FaultRule { StatusCode = 300 });
            emulator.SetFault(new FaultRule { StatusCode = 599 });
            Assert.Equal(2, emulator.Faults.Count);
        }

        [Fact]
        public void InvalidRulesAreRefused()
        {
            using var emulator = LabEmulator.Start();
            Assert.Throws<ArgumentException>(() => emulator.SetFault(new FaultRule { StatusCode = 42 }));
            Assert.Throws<ArgumentException>(() => emulator.SetFault(new FaultRule { StatusCode = 600 }));
            Assert.Throws<ArgumentException>(() => emulator.SetFault(new FaultRule { StatusCode = 500, Probability = 2 }));
            Assert.Throws<ArgumentException>(() => emulator.SetFault(new FaultRule { StatusCode = 500, Count = 0 }));
            Assert.Throws<ArgumentException>(() => emulator.SetFault(new FaultRule()));
            Assert.Empty(emulator.Faults);
        }

        [Fact]
        public async Task TheJournalRecordsEverythingAndRedactsAuthorization()
        {
            using var lab = new EmulatorClient();
            await lab.PostTaskAsync(WxccTasksTests.LabTask());
            await lab.GetAsync(DynVars + "?dn=4694096861");
            JournalEntry post = lab.Emulator.Journal[0];
            Assert.Equal("POST", post.Method);
            Assert.Equal("/v1/tasks", post.Path);
            Assert.Equal(201, post.StatusCode);
            Assert.Equal("Bearer ***", post.Headers["Authorization"]);
            Assert.DoesNotContain(lab.Emulator.AccessToken, string.Join(" ", post.Headers.Values));
            Assert.Contains("\"destination\": \"14085267209\"", post.Body);
            JournalEntry get = lab.Emulator.Journal[1];
            Assert.Equal("/flowdesigner/Lab/DynVars", get.Path);
            Assert.Equal("dn=4694096861", get.Query);
            Assert.Equal(200, get.StatusCode);
        }

        [Fact]
        public async Task TheJournalMasksTheSecretsOfATokenRequest()
        {
            using var lab = new EmulatorClient();
            string form = "grant_type=refresh_token&client_id=" + lab.Emulator.ClientId + "&client_secret=" + lab.Emulator.ClientSecret +
                          "&refresh_token=" + lab.Emulator.RefreshToken;

            // The token endpoint reads a form whatever the Content-Type says, so the journal must redact it as one too.
            Assert.Equal(200, (await lab.SendAsync(HttpMethod.Post, "v1/access_token", form, contentType: "text/plain")).Status);
            Assert.Equal(200, (await lab.SendAsync(
                HttpMethod.Post, "v1/access_token",
                "grant_type=authorization_code&client_id=" + lab.Emulator.ClientId + "&client_secret=" + lab.Emulator.ClientSecret + "&code=c0de-123",
                contentType: "application/x-www-form-urlencoded")).Status);

            Assert.Equal(
                new[]
                {
                    "grant_type=refresh_token&client_id=" + lab.Emulator.ClientId + "&client_secret=***&refresh_token=***",
                    "grant_type=authorization_code&client_id=" + lab.Emulator.ClientId + "&client_secret=***&code=***",
                },
                lab.Emulator.Journal.Select(e => e.Body).ToArray());
        }

        [Fact]
        public async Task TheJournalMasksSecretQueryValuesJsonTokenFieldsAndCookies()
        {
            using var lab = new EmulatorClient();
            using (var request = new HttpRequestMessage(HttpMethod.Get, DynVars + "?dn=4694096861&access_token=qs-secret"))
            {
                request.Headers.TryAddWithoutValidation("Cookie", "session=cookie-secret");
                request.Headers.TryAddWithoutValidation("X-Api-Key", "key-secret");
                using HttpResponseMessage response = await lab.Http.SendAsync(request);
            }

            await lab.PostAsync(DynVars, "{\"dn\":\"1\",\"refresh_token\":\"json-secret\"}");

            JournalEntry get = lab.Emulator.Journal[0];
            Assert.Equal("dn=4694096861&access_token=***", get.Query);
            Assert.Equal("***", get.Headers["Cookie"]);
            Assert.Equal("***", get.Headers["X-Api-Key"]);
            Assert.Equal("{\"dn\":\"1\",\"refresh_token\":\"***\"}", lab.Emulator.Journal[1].Body);
        }

        [Fact]
        public async Task TheJournalIsBounded()
        {
            using var lab = new EmulatorClient(new LabEmulatorOptions { JournalCapacity = 3 });
            for (int i = 1; i <= 5; i++)
            {
                await lab.GetAsync(DynVars + "/" + i);
            }

            Assert.Equal(new[] { "/flowdesigner/Lab/DynVars/3", "/flowdesigner/Lab/DynVars/4", "/flowdesigner/Lab/DynVars/5" },
                lab.Emulator.Journal.Select(e => e.Path).ToArray());
        }

        [Fact]
        public async Task TheJournalKeepsTheFirst64KiCharactersOfABody()
        {
            using var lab = new EmulatorClient();
            string big = "{\"dn\":\"" + new string('7', 70000) + "\"}";
            Assert.Equal(201, (await lab.PostAsync(DynVars, big)).Status);
            Assert.Equal(big.Substring(0, 65536), lab.Emulator.Journal.Single().Body);
        }
    }
}
