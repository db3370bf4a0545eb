using CallbackLab.Core.Flows.Model;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Subflows
{
    /// <summary>What a Subflow activity (<c>subflow-handoff</c>) says about the subflow it runs: its ids and its name.</summary>
    public sealed class SubflowReference
    {
        /// <summary>Creates a reference.</summary>
        public SubflowReference(string? subflowId, string? versionId, string? name, string? tag)
        {
            SubflowId = Blank(subflowId);
            VersionId = Blank(versionId);
            Name = Blank(name);
            Tag = Blank(tag);
        }

        /// <summary>The subflow's flow id as the caller knows it (<c>subflowId</c>); null when none.</summary>
        public string? SubflowId { get; }

        /// <summary>The resolved version id (<c>subflowVersion.subflowVersionId</c>); null when none.</summary>
        public string? VersionId { get; }

        /// <summary>The subflow's name (<c>subflowName</c>, a copy of the subflow's own name); null when none.</summary>
        public string? Name { get; }

        /// <summary>The version tag (<c>subflowVersion.subflowTagId</c>: Latest, Live, Test, Dev); null when none.</summary>
        public string? Tag { get; }

        /// <summary>Reads the reference of a Subflow activity; values of another shape than text count as absent.</summary>
        public static SubflowReference Of(FlowActivity handoff)
        {
            JObject properties = handoff.Json;
            JObject? version = properties["subflowVersion"] as JObject;
            return new SubflowReference(Text(properties["subflowId"]) ?? Text(version?["subflowId"]), Text(version?["subflowVersionId"]),
                Text(properties["subflowName"]), Text(version?["subflowTagId"]));
        }

        /// <summary>How the reference reads in a message: <c>name 'x' (id 687f…, version 69e1…)</c>.</summary>
        public string Describe()
        {
            string ids = SubflowId == null ? string.Empty : "id " + SubflowId + (VersionId == null ? string.Empty : ", version " + VersionId);
            if (Name == null)
            {
                return ids.Length == 0 ? "no id and no name" : ids;
            }

            return "name '" + Name + "'" + (ids.Length == 0 ? string.Empty : " (" + ids + ")");
        }

        /// <inheritdoc />
        public override string ToString() => Describe();

        private static string? Text(JToken? token) => token is JValue value && value.Type == JTokenType.String ? Blank((string?)value) : null;

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
    }
}
