using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Emulator
{
    /// <summary>What a handler answers; the listener loop writes it (or drops the connection).</summary>
    internal sealed class EmulatorResponse
    {
        private EmulatorResponse(int status, string? body)
        {
            Status = status;
            Body = body;
        }

        internal int Status { get; }

        /// <summary>The JSON body text; null sends no body.</summary>
        internal string? Body { get; }

        internal string ContentType { get; set; } = "application/json; charset=utf-8";

        internal List<KeyValuePair<string, string>> Headers { get; } = new List<KeyValuePair<string, string>>();

        /// <summary>Close the connection without answering (fault injection).</summary>
        internal bool Drop { get; private set; }

        internal static EmulatorResponse Json(int status, JToken body) => new EmulatorResponse(status, body.ToString(Formatting.None));

        /// <summary>Serializes records without attaching them to a new parent (which would clone or re-parent stored records).</summary>
        internal static EmulatorResponse JsonArray(int status, IEnumerable<JObject> records)
        {
            var text = new System.IO.StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            using (var writer = new JsonTextWriter(text))
            {
                writer.WriteStartArray();
                foreach (JObject record in records)
                {
                    record.WriteTo(writer);
                }

                writer.WriteEndArray();
            }

            return new EmulatorResponse(status, text.ToString());
        }

        internal static EmulatorResponse Raw(int status, string? jsonText) => new EmulatorResponse(status, jsonText);

        internal static EmulatorResponse Empty(int status) => new EmulatorResponse(status, null);

        internal static EmulatorResponse Dropped() => new EmulatorResponse(0, null) { Drop = true };

        internal EmulatorResponse WithHeader(string name, string value)
        {
            Headers.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }
    }
}
