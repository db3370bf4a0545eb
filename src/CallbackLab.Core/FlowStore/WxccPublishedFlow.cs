using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.FlowStore
{
    /// <summary>A flow after <c>POST …/flows/{id}:publish</c> (<c>FlowRes</c>): what Publish-WxccFlow returns.</summary>
    public sealed class WxccPublishedFlow
    {
        private WxccPublishedFlow(JObject body, string flowId, string name, string? comment, bool overwrote)
        {
            FlowId = FlowStoreJson.Text(body["id"]) ?? flowId;
            Name = (string?)body["name"] ?? name;
            Status = (string?)body["status"];
            Tags = FlowStoreJson.Strings(body["tags"]);
            LatestVersion = FlowStoreJson.Text(body["latestVersion"]);
            DraftVersion = FlowStoreJson.Text(body["draftVersion"]);
            Versions = FlowStoreJson.VersionIds(body["flowVersions"]);
            Comment = comment;
            Overwrote = overwrote;
            Json = body.ToString(Formatting.None);
        }

        /// <summary>The flow id on the tenant.</summary>
        public string FlowId { get; }

        /// <summary>The flow name on the tenant.</summary>
        public string Name { get; }

        /// <summary><c>Published</c> after a successful publish.</summary>
        public string? Status { get; }

        /// <summary>The tags the flow carries now.</summary>
        public IReadOnlyList<string> Tags { get; }

        /// <summary>The published version's id, when the answer gives it.</summary>
        public string? LatestVersion { get; }

        /// <summary>The draft version's id, when the answer gives it.</summary>
        public string? DraftVersion { get; }

        /// <summary>Every version id the answer lists.</summary>
        public IReadOnlyList<string> Versions { get; }

        /// <summary>The publish comment sent.</summary>
        public string? Comment { get; }

        /// <summary>True when the import replaced a flow of the same name (overwrite=yes).</summary>
        public bool Overwrote { get; }

        /// <summary>The answer exactly as the Flow Store sent it.</summary>
        public string Json { get; }

        /// <summary>Reads a <c>FlowRes</c>; <paramref name="flowId"/> and <paramref name="name"/> stand in for fields it lacks.</summary>
        public static WxccPublishedFlow FromJson(JObject body, string flowId, string name, string? comment, bool overwrote) =>
            new WxccPublishedFlow(body ?? throw new ArgumentNullException(nameof(body)), flowId, name, comment, overwrote);

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
