using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.Emulator
{
    public sealed class MockApiTests
    {
        private const string DynVars = "flowdesigner/Lab/DynVars";

        private static string?[] Ids(EmulatorClient.Answer answer) => answer.Json.Select(r => (string?)r["id"]).ToArray();

        /// <summary>MockAPI's miss: 404 with the JSON string "Not found".</summary>
        private static void AssertNotFound(EmulatorClient.Answer answer)
        {
            Assert.Equal(404, answer.Status);
            Assert.Equal("\"Not found\"", answer.Body);
        }

        [Fact]
        public async Task TheLabQueryAnswersTheLabRecordFirst()
        {
            using var lab = new EmulatorClient();
            var answer = await lab.GetAsync(DynVars + "?dn=" + LabSeed.LabDn);
            Assert.Equal(200, answer.Status);
            Assert.Equal(
                "[{\"dn\":\"4694096861\",\"outboundcallbackep\":\"" + LabSeed.LabOutboundEntryPointId + "\",\"tacnumber\":\"14085267209\",\"id\":\"1\"}]",
                answer.Body);
            Assert.Equal(new Uri(lab.Emulator.BaseUri, "flowdesigner/Lab"), lab.Emulator.MockApiUri);
        }

        [Fact]
        public async Task FiltersMatchBySubstringAndAreAndedTogether()
        {
            using var lab = new EmulatorClient();
            await lab.PostAsync(DynVars, "{\"dn\":\"14694096861\",\"tacnumber\":\"999\"}");
            var both = await lab.GetAsync(DynVars + "?dn=4694096861");
            Assert.Equal(new[] { "1", "6" }, Ids(both));
            var anded = await lab.GetAsync(DynVars + "?dn=4694096861&tacnumber=99");
            Assert.Equal(new[] { "6" }, Ids(anded));
        }

        [Fact]
        public async Task AFilterThatMatchesNothingIs404NotFound()
        {
            using var lab = new EmulatorClient();
            var answer = await lab.GetAsync(DynVars + "?dn=0000000000");
            AssertNotFound(answer);
            Assert.Equal("Not found", (string?)answer.Json);
        }

        [Fact]
        public async Task NotFoundAsEmptyArrayAnswers200EmptyArrayForFilters()
        {
            using var lab = new EmulatorClient(new LabEmulatorOptions { NotFoundAsEmptyArray = true });
            var answer = await lab.GetAsync(DynVars + "?dn=0000000000");
            Assert.Equal(200, answer.Status);
            Assert.Equal("[]", answer.Body);
            var unknownId = await lab.GetAsync(DynVars + "/99");
            Assert.Equal(404, unknownId.Status);
        }

        [Fact]
        public async Task GetByIdAndUnknownId()
        {
            using var lab = new EmulatorClient();
            var found = await lab.GetAsync(DynVars + "/2");
            Assert.Equal(200, found.Status);
            Assert.Equal("2147751365", (string?)found.Json["dn"]);
            var missing = await lab.GetAsync(DynVars + "/42");
            AssertNotFound(missing);
        }

        [Fact]
        public async Task PostAssignsIncreasingStringIdsAndAnswers201()
        {
            using var lab = new EmulatorClient();
            var first = await lab.PostAsync(DynVars, "{\"dn\":\"1\",\"id\":\"ignored\"}");
            var second = await lab.PostAsync(DynVars, "{\"dn\":\"2\"}");
            Assert.Equal(201, first.Status);
            Assert.Equal("{\"dn\":\"1\",\"id\":\"6\"}", first.Body);
            Assert.Equal("7", (string?)second.Json["id"]);
            Assert.Equal(JTokenType.String, second.Json["id"]!.Type);
        }

        [Fact]
        public async Task PutAndPatchMergeFieldsAndDeleteAnswersTheDeletedRecord()
        {
            using var lab = new EmulatorClient();
            var put = await lab.SendAsync(HttpMethod.Put, DynVars + "/2", "{\"tacnumber\":\"1234\",\"id\":\"77\"}");
            Assert.Equal(200, put.Status);
            Assert.Equal("{\"dn\":\"2147751365\",\"outboundcallbackep\":\"6c1e0a47-92b3-4d58-8f2a-7b9d3e5c1f04\",\"tacnumber\":\"1234\",\"id\":\"2\"}", put.Body);
            var patch = await lab.SendAsync(new HttpMethod("PATCH"), DynVars + "/2", "{\"note\":\"x\"}");
            Assert.Equal("x", (string?)patch.Json["note"]);
            Assert.Equal("1234", (string?)patch.Json["tacnumber"]);
            var deleted = await lab.SendAsync(HttpMethod.Delete, DynVars + "/2");
            Assert.Equal(200, deleted.Status);
            Assert.Equal("2", (string?)deleted.Json["id"]);
            Assert.Equal(404, (await lab.GetAsync(DynVars + "/2")).Status);
            Assert.Equal(404, (await lab.SendAsync(HttpMethod.Delete, DynVars + "/2")).Status);
            Assert.Equal(404, (await lab.SendAsync(HttpMethod.Put, DynVars + "/2", "{}")).Status);
        }

        [Fact]
        public async Task DeletedIdsAreNotReused()
        {
            using var lab = new EmulatorClient();
            await lab.SendAsync(HttpMethod.Delete, DynVars + "/5");
            var created = await lab.PostAsync(DynVars, "{}");
            Assert.Equal("{\"id\":\"6\"}", created.Body);
        }

        [Fact]
        public async Task SortByAndOrderAndPaging()
        {
            using var lab = new EmulatorClient();
            var desc = await lab.GetAsync(DynVars + "?sortBy=dn&order=desc");
            Assert.Equal(new[] { "9195550142", "6505550119", "4694096861", "3125550187", "2147751365" }, desc.Json.Select(r => (string?)r["dn"]).ToArray());
            var asc = await lab.GetAsync(DynVars + "?sortBy=id");
            Assert.Equal(new[] { "1", "2", "3", "4", "5" }, Ids(asc));
            var page2 = await lab.GetAsync(DynVars + "?page=2&limit=2");
            Assert.Equal(new[] { "3", "4" }, Ids(page2));
            var beyond = await lab.GetAsync(DynVars + "?page=9&limit=2");
            AssertNotFound(beyond);
        }

        [Fact]
        public async Task IdsSortNumericallyNotAsText()
        {
            using var lab = new EmulatorClient();
            for (int i = 0; i < 6; i++)
            {
                await lab.PostAsync(DynVars, "{}");
            }

            var desc = await lab.GetAsync(DynVars + "?sortBy=id&order=desc&limit=2");
            Assert.Equal(new[] { "11", "10" }, Ids(desc));
        }

        [Fact]
        public async Task TheRecordCapAnswers400WithMockApisMessage()
        {
            using var lab = new EmulatorClient(new LabEmulatorOptions { RecordLimit = 6 });
            Assert.Equal(201, (await lab.PostAsync(DynVars, "{}")).Status);
            var over = await lab.PostAsync(DynVars, "{}");
            Assert.Equal(400, over.Status);
            Assert.Equal("\"Max number of elements reached for this resource!\"", over.Body);
            Assert.Equal(6, (await lab.GetAsync(DynVars)).Json.Count());
        }

        [Fact]
        public async Task MalformedJsonIs400AndChangesNothing()
        {
            using var lab = new EmulatorClient();
            var bad = await lab.PostAsync(DynVars, "{\"dn\":");
            Assert.Equal(400, bad.Status);
            Assert.StartsWith("Invalid JSON:", (string?)bad.Json);
            var array = await lab.PostAsync(DynVars, "[1]");
            Assert.Equal(400, array.Status);
            Assert.Equal("\"The body must be a JSON object.\"", array.Body);
            Assert.Equal(5, (await lab.GetAsync(DynVars)).Json.Count());
        }

        [Fact]
        public async Task ABodyOverTheLimitIs413AndChangesNothing()
        {
            using var lab = new EmulatorClient(new LabEmulatorOptions { MaxBodyBytes = 64 });
            var big = await lab.PostAsync(DynVars, "{\"dn\":\"" + new string('9', 100) + "\"}");
            Assert.Equal(413, big.Status);
            Assert.Equal(5, (await lab.GetAsync(DynVars)).Json.Count());
        }

        [Fact]
        public async Task WrongMethodsAre405WithAllow()
        {
            using var lab = new EmulatorClient();
            var onCollection = await lab.SendAsync(HttpMethod.Delete, DynVars);
            Assert.Equal(405, onCollection.Status);
            Assert.Equal("GET, POST", onCollection.Allow);
            var onRecord = await lab.SendAsync(HttpMethod.Post, DynVars + "/1", "{}");
            Assert.Equal(405, onRecord.Status);
            Assert.Equal("GET, PUT, PATCH, DELETE", onRecord.Allow);
        }

        [Fact]
        public async Task AnyPrefixDepthAndNestedResources()
        {
            using var lab = new EmulatorClient();
            var user = await lab.PostAsync("api/v1/users", "{\"name\":\"Ana\"}");
            Assert.Equal(201, user.Status);
            Assert.Equal("1", (string?)user.Json["id"]);
            await lab.PostAsync("api/v1/tasks", "{\"title\":\"flat\"}");
            var nested = await lab.PostAsync("api/v1/users/1/tasks", "{\"title\":\"mine\"}");
            Assert.Equal("{\"title\":\"mine\",\"userId\":\"1\",\"id\":\"2\"}", nested.Body);
            var mine = await lab.GetAsync("api/v1/users/1/tasks");
            Assert.Equal(new[] { "mine" }, mine.Json.Select(t => (string?)t["title"]).ToArray());
            Assert.Equal(200, (await lab.GetAsync("api/v1/users/1/tasks/2")).Status);
            Assert.Equal(404, (await lab.GetAsync("api/v1/users/1/tasks/1")).Status);
            Assert.Equal(404, (await lab.GetAsync("api/v1/users/9/tasks")).Status);
            Assert.Equal(2, (await lab.GetAsync("api/v1/tasks")).Json.Count());
        }

        [Fact]
        public async Task AnUnknownResourceIs404()
        {
            using var lab = new EmulatorClient();
            var answer = await lab.GetAsync("nothing/here");
            AssertNotFound(answer);
        }

        [Fact]
        public async Task SearchMatchesAnyField()
        {
            using var lab = new EmulatorClient();
            var answer = await lab.GetAsync(DynVars + "?search=9195");
            Assert.Equal(new[] { "3" }, Ids(answer));
        }

        [Fact]
        public async Task ResetGoesBackToTheSeed()
        {
            using var lab = new EmulatorClient();
            await lab.PostAsync(DynVars, "{}");
            await lab.SendAsync(HttpMethod.Delete, DynVars + "/1");
            lab.Emulator.Reset();
            Assert.Empty(lab.Emulator.Journal);
            var all = await lab.GetAsync(DynVars);
            Assert.Equal(new[] { "1", "2", "3", "4", "5" }, Ids(all));
        }

        [Fact]
        public async Task BrowsersGetCorsHeadersAndPreflightsAre204()
        {
            using var lab = new EmulatorClient();
            using var preflight = new HttpRequestMessage(HttpMethod.Options, DynVars);
            preflight.Headers.Add("Origin", "http://example.test");
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
            using HttpResponseMessage answer = await lab.Http.SendAsync(preflight);
            Assert.Equal(204, (int)answer.StatusCode);
            Assert.Equal("*", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
            Assert.Equal("content-type", answer.Headers.GetValues("Access-Control-Allow-Headers").Single());
            Assert.Contains("POST", answer.Headers.GetValues("Access-Control-Allow-Methods").Single());
            using HttpResponseMessage get = await lab.Http.GetAsync(DynVars + "/1");
            Assert.Equal("*", get.Headers.GetValues("Access-Control-Allow-Origin").Single());
            Assert.Equal(5, (await lab.GetAsync(DynVars)).Json.Count());
        }

        [Fact]
        public async Task HeadAnswersLikeGetWithoutABody()
        {
            using var lab = new EmulatorClient();
            using var head = new HttpRequestMessage(HttpMethod.Head, DynVars + "?dn=" + LabSeed.LabDn);
            using HttpResponseMessage found = await lab.Http.SendAsync(head);
            Assert.Equal(200, (int)found.StatusCode);
            Assert.Equal(116, found.Content.Headers.ContentLength);
            Assert.Empty(await found.Content.ReadAsByteArrayAsync());
            using var missing = new HttpRequestMessage(HttpMethod.Head, DynVars + "/99");
            Assert.Equal(404, (int)(await lab.Http.SendAsync(missing)).StatusCode);
            Assert.Equal(200, (await lab.GetAsync(DynVars + "/1")).Status);
        }
    }
}
