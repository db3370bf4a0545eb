using System;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.FlowStore
{
    /// <summary>An export fetched from the Flow Store (<c>FlowVersionRes</c>): the JSON exactly as sent and what it names.</summary>
    public sealed class FlowExport
    {
        /// <summary>Creates the export.</summary>
        public FlowExport(string flowId, string version, string name, string json, Uri uri)
        {
            FlowId = flowId;
            Version = version;
            Name = name;
            Json = json;
            Uri = uri;
        }

        /// <summary>The flow id asked for.</summary>
        public string FlowId { get; }

        /// <summary>The version asked for: <c>draft</c>, <c>latest</c> or a version id.</summary>
        public string Version { get; }

        /// <summary>The flow's name (the export's <c>name</c>; the id when it has none).</summary>
        public string Name { get; }

        /// <summary>The export JSON exactly as the Flow Store sent it (the file Flow Designer's Export would write).</summary>
        public string Json { get; }

        /// <summary>The address it was fetched from.</summary>
        public Uri Uri { get; }

        /// <summary>The export parsed for simulation; <paramref name="source"/> (a file it was saved to) names it, else the address.</summary>
        /// <exception cref="FlowFormatException">The answer is not a flow export.</exception>
        public WxccFlow ToFlow(string? source = null) => WxccFlowReader.Parse(Json, source ?? Uri.AbsoluteUri);
    }
}
