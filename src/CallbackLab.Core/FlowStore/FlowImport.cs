using System;
using CallbackLab.Core.Flows.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.FlowStore
{
    /// <summary>What <c>POST …/flows:import</c> uploads: the export JSON (under the name it gets on the tenant), its type, and whether to overwrite.</summary>
    public sealed class FlowImport
    {
        private FlowImport(string json, string name, FlowKind kind, bool overwrite)
        {
            Json = json;
            Name = name;
            Kind = kind;
            Overwrite = overwrite;
        }

        /// <summary>The export JSON to upload (its <c>name</c> is <see cref="Name"/>).</summary>
        public string Json { get; }

        /// <summary>The flow's name on the tenant.</summary>
        public string Name { get; }

        /// <summary>A flow or a subflow (<c>flowType=FLOW|SUBFLOW</c>).</summary>
        public FlowKind Kind { get; }

        /// <summary>True to replace a flow of the same name (<c>overwrite=yes</c>); false makes a clash a 409.</summary>
        public bool Overwrite { get; }

        /// <summary>
        /// The import of <paramref name="flow"/> (read from an export, so it keeps its JSON) under <paramref name="name"/>, else the
        /// flow's name: only the export's <c>name</c> changes, and only when it differs (the JSON is otherwise uploaded as read).
        /// </summary>
        /// <exception cref="ArgumentException">The flow was not read from export JSON.</exception>
        public static FlowImport FromFlow(WxccFlow flow, string? name, bool overwrite)
        {
            if (flow is null)
            {
                throw new ArgumentNullException(nameof(flow));
            }

            if (flow.ExportJson is null)
            {
                throw new ArgumentException("The flow '" + flow.Name + "' was not read from export JSON, so there is nothing to upload.", nameof(flow));
            }

            // The Flow Store refuses an empty name, and an export without one was named after its file when it was read.
            string effective = NullableStrings.IsNullOrEmpty(name) ? flow.Name : name;
            JObject root = ParseObject(flow.ExportJson);
            if (root["name"] is JValue { Type: JTokenType.String } current && (string?)current == effective)
            {
                return new FlowImport(flow.ExportJson, effective, flow.Kind, overwrite);
            }

            root["name"] = effective;
            return new FlowImport(root.ToString(Formatting.None), effective, flow.Kind, overwrite);
        }

        /// <summary>The import's <c>flowType</c> query value.</summary>
        internal string FlowTypeValue => Kind == FlowKind.Subflow ? "SUBFLOW" : "FLOW";

        private static JObject ParseObject(string json)
        {
            // Dates stay text so the upload carries them exactly as exported.
            using var reader = new JsonTextReader(new System.IO.StringReader(json)) { DateParseHandling = DateParseHandling.None };
            return (JObject)JToken.ReadFrom(reader);
        }
    }
}
