using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Stubs
{
    /// <summary>Writes stubs as a WireMock mappings file (<c>{"mappings":[…]}</c>) that <see cref="StubReader"/> and WireMock read.</summary>
    public static class StubWriter
    {
        /// <summary>The mappings document for <paramref name="stubs"/>.</summary>
        public static JObject ToDocument(IEnumerable<Stub> stubs) =>
            new JObject { ["mappings"] = new JArray(stubs.Select(stub => stub.Mapping)) };

        /// <summary>The mappings document as indented JSON text.</summary>
        public static string ToJson(IEnumerable<Stub> stubs) => ToDocument(stubs).ToString(Formatting.Indented);
    }
}
