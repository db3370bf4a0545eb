using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Http;
using CallbackLab.Core.MockApi;
using CallbackLab.Core.Tests.Http;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.MockApi
{
    public sealed class MockApiClientTests
    {
        private const string Records =
            "[{\"dn\":\"4694096861\",\"outboundcallbackep\":\"ep-1\",\"tacnumber\":\"14085267209\",\"id\":\"1\",\"createdAt\":\"2026-01-01\"}," +
            "{\"dn\":\"14694096861\",\"outboundcallbackep\":\"ep-2\",\"tacnumber\":\"1\",\"id\":\"2\"}]";

        [Fact]
        public void DnisIsSlicedTheWayTheFlowDoes()
        {
            Assert.Equal("4694096861", DynVarsQuery.DnFromDnis("+14694096861"));
            Assert.Equal(string.Empty, DynVarsQuery.DnFromDnis("+1"));
        }

        [Fact]
        public async Task FindsRecordsKeepingOtherFieldsAndReFiltersWhenExact()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.OK, Records).Then(HttpStatusCode.OK, Records);
            var client = new MockApiClient(new Uri("https://x.mockapi.io/flowdesigner/Lab/"), t.Client);

            DynVarsPage loose = await client.FindAsync(new DynVarsQuery { Dn = "4694096861", SortBy = "dn", Descending = true, Page = 2, Limit = 5 }, CancellationToken.None);
            DynVarsPage exact = await client.FindAsync(new DynVarsQuery { Dn = "4694096861", Exact = true }, CancellationToken.None);

            Assert.Equal("https://x.mockapi.io/flowdesigner/Lab/DynVars?dn=4694096861&sortBy=dn&order=desc&page=2&limit=5", t.Handler.Sent[0].Uri.ToString());
            Assert.Equal(new[] { "1", "2" }, loose.Records.Select(r => r.Id));
            DynVarsRecord only = Assert.Single(exact.Records);
            Assert.Equal(2, exact.Received);
            Assert.Equal(("1", "4694096861", "ep-1", "14085267209"), (only.Id, only.Dn, only.OutboundCallbackEp, only.TacNumber));
            Assert.Equal("2026-01-01", only.OtherFields["createdAt"]);
            Assert.Equal("2026-01-01", (string?)only.OtherJson["createdAt"]);
        }

        [Fact]
        public async Task MockApisNotFoundForALookupIsNoRecordsButForAnIdIsAnError()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.NotFound, "\"Not found\"").Then(HttpStatusCode.NotFound, "\"Not found\"");
            var client = new MockApiClient(MockApiClient.LabUri, t.Client);

            DynVarsPage page = await client.FindAsync(new DynVarsQuery { Dn = "000" }, CancellationToken.None);
            var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetAsync("99", CancellationToken.None));

            Assert.Empty(page.Records);
            Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
            Assert.Equal("Not found", ex.Description);
            Assert.Equal("https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab/DynVars/99", ex.Request.Uri.ToString());
        }

        [Fact]
        public async Task TheHundredRecordCapIsRecognisedAndAPostIsNotRetried()
        {
            var t = new TestClient();
            t.Handler.Then(HttpStatusCode.BadRequest, "\"Max number of elements reached for this resource!\"");
            var client = new MockApiClient(MockApiClient.LabUri, t.Client);
            ApiRequest request = client.NewCreateRequest(new JObject { ["dn"] = "1" });
            var ex = await Assert.ThrowsAsync<ApiException>(() => client.CreateAsync(request, CancellationToken.None));
            Assert.True(MockApiClient.IsRecordLimitReached(ex));
            Assert.False(request.IsIdempotent);
            Assert.Single(t.Handler.Sent);
        }

        [Fact]
        public void ARecordRoundTripsToMockApiJson()
        {
            var record = DynVarsRecord.FromJson(JObject.Parse("{\"dn\":\"1\",\"outboundcallbackep\":\"e\",\"tacnumber\":2,\"id\":\"7\",\"site\":\"x\"}"));
            Assert.Equal("2", record.TacNumber);
            Assert.Equal("{\"dn\":\"1\",\"outboundcallbackep\":\"e\",\"tacnumber\":\"2\",\"site\":\"x\",\"id\":\"7\"}", record.ToString());
        }
    }
}
