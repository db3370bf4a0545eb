using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Wxcc;

namespace CallbackLab.Core.Tests.Wxcc
{
    public sealed class CallbackTaskRequestTests
    {
        [Fact]
        public void TheDefaultsReproduceTheLabBodyByteForByte()
        {
            var request = new CallbackTaskRequest("a1b2c3d4-0000-4000-8000-000000000001", "14085267209");
            Assert.Equal(
                "{\"entryPointId\":\"a1b2c3d4-0000-4000-8000-000000000001\",\"destination\":\"14085267209\"," +
                "\"attributes\":{\"Message\":\"tester\",\"To Queue\":\"sales\"},\"outboundType\":\"CALLBACK\",\"mediaType\":\"telephony\"," +
                "\"callback\":{\"callbackOrigin\":\"web\",\"callbackType\":\"immediate\"}}",
                request.ToJson());
            Assert.Empty(request.Validate());
        }

        [Fact]
        public void GivenAttributesReplaceTheLabOnesAndOriginIsSentOnlyWhenGiven()
        {
            var request = new CallbackTaskRequest("ep", "123")
            {
                Attributes = new List<KeyValuePair<string, string>> { new KeyValuePair<string, string>("channel", "sales") },
                Origin = "+14085550100",
            };
            Assert.Equal(
                "{\"entryPointId\":\"ep\",\"destination\":\"123\",\"origin\":\"+14085550100\",\"attributes\":{\"channel\":\"sales\"}," +
                "\"outboundType\":\"CALLBACK\",\"mediaType\":\"telephony\",\"callback\":{\"callbackOrigin\":\"web\",\"callbackType\":\"immediate\"}}",
                request.ToJson());
        }

        [Fact]
        public void ValidationMirrorsTheApiLimits()
        {
            var request = new CallbackTaskRequest(new string('e', 37), "")
            {
                Origin = new string('o', 37),
                Attributes = Enumerable.Range(0, 31).Select(i => new KeyValuePair<string, string>("k" + i, "v"))
                    .Append(new KeyValuePair<string, string>(new string('k', 201), "v"))
                    .Append(new KeyValuePair<string, string>("big", new string('é', 513)))
                    .ToList(),
            };
            Assert.Equal(new[]
            {
                "entryPointId is 37 characters; the API allows at most 36.",
                "destination is required.",
                "origin is 37 characters; the API allows at most 36.",
                "attributes has 33 entries; the API allows at most 30.",
                "attribute key '" + new string('k', 40) + "…' is 201 bytes; the API allows 1 to 200.",
                "attribute 'big' has a 1026-byte value; the API allows at most 1024.",
            }, request.Validate());
        }

        [Fact]
        public void RegionsMapToTheirApiAddresses()
        {
            Assert.Equal("https://api.wxcc-eu2.cisco.com/", WxccRegions.BaseUri("EU2").ToString());
            Assert.Equal("sg1", WxccRegions.FromBaseUri(new System.Uri("https://api.wxcc-sg1.cisco.com")));
            Assert.Null(WxccRegions.FromBaseUri(new System.Uri("http://127.0.0.1:5080/")));
            Assert.Throws<System.ArgumentException>(() => WxccRegions.BaseUri("mars1"));
        }
    }
}
