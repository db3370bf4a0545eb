using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Emulator.FlowStore
{
    /// <summary>
    /// A flow as the emulator stores it: one JSON document with its draft export and every published version
    /// (<c>{id, name, flowType, description, createdDate, lastModifiedDate, draft, versions:[{id, version, comment, tags, createdDate, export}]}</c>).
    /// Documents are never changed in place: every change builds a new one, which is committed (logged) before it replaces the old.
    /// </summary>
    internal sealed class StoredFlow
    {
        /// <summary>The tags a published version can carry; <c>Latest</c> always moves to the newest version.</summary>
        internal static readonly IReadOnlyList<string> Tags = new[] { "Live", "Test", "Dev", "Latest" };

        internal const string LatestTag = "Latest";

        internal StoredFlow(JObject document)
        {
            Document = document;
        }

        internal JObject Document { get; }

        internal string Id => (string)Document["id"]!;

        internal string Name => (string?)Document["name"] ?? string.Empty;

        internal string FlowType => (string?)Document["flowType"] ?? "FLOW";

        internal string DraftId => WxccIds.DraftId(Id);

        internal JObject Draft => (JObject)Document["draft"]!;

        internal IEnumerable<JObject> Versions => (Document["versions"] as JArray)?.OfType<JObject>() ?? Enumerable.Empty<JObject>();

        /// <summary>The newest published version; null when the flow was never published.</summary>
        internal JObject? LatestVersion => Versions.LastOrDefault();

        /// <summary>The version carrying <paramref name="tag"/> (without regard to case); null when none does.</summary>
        internal JObject? Tagged(string tag) =>
            Versions.LastOrDefault(v => (v["tags"] as JArray)?.Any(t => string.Equals((string?)t, tag, StringComparison.OrdinalIgnoreCase)) == true);

        internal JObject? Version(string versionId) => Versions.FirstOrDefault(v => string.Equals((string?)v["id"], versionId, StringComparison.Ordinal));

        /// <summary>The canonical spelling of a tag (<c>live</c> is <c>Live</c>); null when it is not one.</summary>
        internal static string? CanonicalTag(string tag) => Tags.FirstOrDefault(t => string.Equals(t, tag, StringComparison.OrdinalIgnoreCase));

        /// <summary>A new flow holding <paramref name="export"/> as its draft.</summary>
        internal static StoredFlow Create(string name, string flowType, JObject export, DateTimeOffset now)
        {
            string id = WxccIds.FlowId(name);
            return new StoredFlow(new JObject
            {
                ["id"] = id,
                ["name"] = name,
                ["flowType"] = flowType,
                ["description"] = (string?)(export["description"] as JValue) ?? string.Empty,
                ["createdDate"] = Timestamp(now),
                ["lastModifiedDate"] = Timestamp(now),
                ["draft"] = export,
                ["versions"] = new JArray(),
            });
        }

        /// <summary>This flow with <paramref name="export"/> as its new draft (an import that overwrites it).</summary>
        internal StoredFlow WithDraft(JObject export, DateTimeOffset now)
        {
            var document = (JObject)Document.DeepClone();
            document["draft"] = export;
            document["description"] = (string?)(export["description"] as JValue) ?? string.Empty;
            document["lastModifiedDate"] = Timestamp(now);
            return new StoredFlow(document);
        }

        /// <summary>This flow with its draft published as the next version, carrying <c>Latest</c> and <paramref name="tags"/> (moved off older versions).</summary>
        internal StoredFlow Published(string comment, IEnumerable<string> tags, DateTimeOffset now)
        {
            var document = (JObject)Document.DeepClone();
            var versions = (JArray)document["versions"]!;
            var moving = new HashSet<string>(tags.Append(LatestTag), StringComparer.Ordinal);
            foreach (JObject older in versions.OfType<JObject>())
            {
                var kept = new JArray(((JArray)older["tags"]!).Where(t => !moving.Contains((string)t!)));
                older["tags"] = kept;
            }

            int number = versions.Count + 1;
            versions.Add(new JObject
            {
                ["id"] = WxccIds.VersionId(Id, number),
                ["version"] = number,
                ["comment"] = comment,
                ["tags"] = new JArray(Tags.Where(moving.Contains)),
                ["createdDate"] = Timestamp(now),
                ["export"] = document["draft"]!.DeepClone(),
            });
            document["lastModifiedDate"] = Timestamp(now);
            return new StoredFlow(document);
        }

        /// <summary>The export of the draft or of a version, as the Flow Store answers it (ids, name, version number and organization filled in).</summary>
        internal JObject Export(JObject? version, string orgId)
        {
            var export = (JObject)(version?["export"] ?? Draft).DeepClone();
            export["orgId"] = orgId;
            export["id"] = version != null ? (string?)version["id"] : DraftId;
            export["flowId"] = Id;
            export["name"] = Name;
            export["flowType"] = FlowType;
            export["version"] = version != null ? (int)version["version"]! : 0;
            return export;
        }

        /// <summary>The <c>BasicFlowDTO</c> the list and the import answer.</summary>
        internal JObject Basic(string orgId)
        {
            JObject? latest = LatestVersion;
            return new JObject
            {
                ["id"] = Id,
                ["name"] = Name,
                ["description"] = (string?)Document["description"] ?? string.Empty,
                ["flowType"] = FlowType,
                ["orgId"] = orgId,
                ["status"] = latest == null ? "Draft" : "Published",
                ["version"] = latest == null ? 0 : (int)latest["version"]!,
                ["tags"] = TagsOf(),
                ["lockedBy"] = null,
                ["createdBy"] = EmulatorUser,
                ["createdDate"] = Document["createdDate"]!.DeepClone(),
                ["lastModifiedBy"] = EmulatorUser,
                ["lastModifiedDate"] = Document["lastModifiedDate"]!.DeepClone(),
            };
        }

        /// <summary>The <c>FlowRes</c> publish answers: the flow with its latest and draft versions and every published version's id.</summary>
        internal JObject Full(string orgId)
        {
            JObject result = Basic(orgId);
            result["projectId"] = FlowStoreHandler.ProjectId;
            result["latestVersion"] = LatestVersion is JObject latest ? VersionSummary(latest) : null;
            result["draftVersion"] = new JObject { ["id"] = DraftId, ["flowId"] = Id, ["name"] = Name, ["version"] = 0 };
            result["flowVersions"] = new JArray(Versions.Select(v => (string?)v["id"]));
            return result;
        }

        /// <summary>The <c>FlowTagRes</c> list: each tag in use, with the version it is on.</summary>
        private JArray TagsOf()
        {
            var tags = new JArray();
            foreach (string tag in Tags)
            {
                if (Tagged(tag) is JObject version)
                {
                    tags.Add(new JObject
                    {
                        ["id"] = tag,
                        ["displayName"] = tag,
                        ["flowVersionId"] = (string?)version["id"],
                        ["versionNumber"] = (int)version["version"]!,
                        ["default"] = tag == LatestTag,
                    });
                }
            }

            return tags;
        }

        private JObject VersionSummary(JObject version) => new JObject
        {
            ["id"] = (string?)version["id"],
            ["flowId"] = Id,
            ["name"] = Name,
            ["version"] = (int)version["version"]!,
            ["comment"] = (string?)version["comment"],
            ["tags"] = version["tags"]!.DeepClone(),
            ["createdDate"] = version["createdDate"]!.DeepClone(),
        };

        /// <summary>Who the emulator says created and changed flows (the real API names the account's email).</summary>
        internal const string EmulatorUser = "emulator@callbacklab.invalid";

        internal static string Timestamp(DateTimeOffset time) =>
            time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }
}
