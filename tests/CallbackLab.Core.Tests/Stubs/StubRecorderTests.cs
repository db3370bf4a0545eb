using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Stubs;
using static CallbackLab.Core.Tests.Stubs.StubTestData;

namespace CallbackLab.Core.Tests.Stubs
{
    /// <summary>Recorded exchanges become stubs that answer the same requests in the same order, with no secret kept.</summary>
    public sealed class StubRecorderTests
    {
        [Fact]
        public void RepeatedRequestsBecomeASequenceAndSecretsAreMaskedEverywhere()
        {
            var recorder = new StubRecorder();
            StubRequest request = Request("GET", "https://api.example.com/v1/me?api_key=k-SECRET-1&lang=en", null, ("X-Api-Key", "hdr-SECRET-2"), ("Authorization", "Bearer bearer-SECRET-3"));
            var headers = new Dictionary<string, string> { ["Content-Type"] = "application/json", ["Set-Cookie"] = "sid=cookie-SECRET-4", ["Date"] = "Tue, 01 Dec 2026 09:00:00 GMT", ["X-Kept"] = "yes" };
            recorder.Record(request, 503, headers, "{\"busy\":true}");
            recorder.Record(request, 200, headers, "{\"echo\":\"k-SECRET-1 hdr-SECRET-2 bearer-SECRET-3\",\"password\":\"pw-SECRET-5\"}");
            recorder.Record(Request("POST", "https://api.example.com/v1/me"), 201, headers, "{}");

            IReadOnlyList<Stub> stubs = recorder.ToStubs();
            Assert.Equal(2, stubs.Count);
            Assert.Equal(3, recorder.ExchangeCount);
            string saved = StubWriter.ToJson(stubs);
            Assert.DoesNotContain("SECRET", saved, System.StringComparison.Ordinal);
            Assert.DoesNotContain("Date", saved, System.StringComparison.Ordinal);
            Assert.Contains("X-Kept", saved, System.StringComparison.Ordinal);

            var engine = new StubEngine();
            engine.Add(StubReader.Read(saved));
            StubRequest replay = Request("GET", "https://api.example.com/v1/me?api_key=other&lang=en");
            Assert.Equal(503, engine.Match(replay).Answer!.Status);
            StubAnswer second = engine.Match(replay).Answer!;
            Assert.Equal(200, second.Status);
            Assert.Equal("{\"echo\":\"*** *** ***\",\"password\":\"***\"}", second.Body);
            Assert.False(engine.Match(Request("GET", "https://api.example.com/v1/me?lang=fr")).IsMatch);
            Assert.Equal(201, engine.Match(Request("POST", "https://api.example.com/v1/me")).Answer!.Status);
            Assert.Equal(new[] { "GET", "POST" }, stubs.Select(s => s.Method));
        }
    }
}
