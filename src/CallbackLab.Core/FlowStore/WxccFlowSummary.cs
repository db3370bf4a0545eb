using System;
using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Flows.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.FlowStore
{
    /// <summary>One flow as the Flow Store lists it (<c>BasicFlowDTO</c>): what Get-WxccFlow shows and Export-WxccFlow takes by property name.</summary>
    public sealed class WxccFlowSummary
    {
        private WxccFlowSummary(JObject item)
        {
            Id = (string?)item["id"] ?? string.Empty;
            Name = (string?)item["name"] ?? string.Empty;
            Type = string.Equals((string?)item["flowType"], "SUBFLOW", StringComparison.OrdinalIgnoreCase) ? FlowKind.Subflow : FlowKind.Flow;
            Status = (string?)item["status"];
            Version = FlowStoreJson.Text(item["version"]) ?? FlowStoreJson.Text(item["latestVersion"]);
            Versions = FlowStoreJson.VersionIds(item["flowVersions"]);
            Tags = FlowStoreJson.Strings(item["tags"]);
            LockedBy = FlowStoreJson.Text(item["lockedBy"]);
            Description = (string?)item["description"];
            Modified = FlowStoreJson.Time(item["lastModifiedDate"] ?? item["lastModified"] ?? item["modifiedDate"] ?? item["updatedAt"]);
            Json = item.ToString(Formatting.None);
        }

        /// <summary>The flow id (the same for every version): what export and publish take.</summary>
        public string Id { get; }

        /// <summary>The flow name, e.g. <c>Main_Flow_7</c>.</summary>
        public string Name { get; }

        /// <summary>A main flow or a subflow (<c>flowType</c>).</summary>
        public FlowKind Type { get; }

        /// <summary><c>Draft</c> or <c>Published</c>.</summary>
        public string? Status { get; }

        /// <summary>The current version (<c>version</c>, else <c>latestVersion</c>), when the list gives it.</summary>
        public string? Version { get; }

        /// <summary>The version ids the list gives (<c>flowVersions[]</c>); empty when it gives none.</summary>
        public IReadOnlyList<string> Versions { get; }

        /// <summary>The tags on the flow (<c>Live</c>, <c>Test</c>, <c>Dev</c>, <c>Latest</c>).</summary>
        public IReadOnlyList<string> Tags { get; }

        /// <summary>Who holds the flow's edit lock, or null.</summary>
        public string? LockedBy { get; }

        /// <summary>The description, or null.</summary>
        public string? Description { get; }

        /// <summary>When the flow last changed, when the list says.</summary>
        public DateTimeOffset? Modified { get; }

        /// <summary>The item exactly as the Flow Store sent it.</summary>
        public string Json { get; }

        /// <summary>Reads one <c>BasicFlowDTO</c>.</summary>
        public static WxccFlowSummary FromJson(JObject item) => new WxccFlowSummary(item ?? throw new ArgumentNullException(nameof(item)));

        /// <inheritdoc />
        public override string ToString() => Name;

        internal static IReadOnlyList<WxccFlowSummary> FromArray(JArray? items) =>
            (items ?? new JArray()).OfType<JObject>().Select(FromJson).ToList();
    }
}
