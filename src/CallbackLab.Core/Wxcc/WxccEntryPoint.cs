using System;
using CallbackLab.Core.FlowStore;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Wxcc
{
    /// <summary>An entry point (<c>EntryPointDTO</c>): its name, type and the flow it runs.</summary>
    public sealed class WxccEntryPoint
    {
        private WxccEntryPoint(JObject item)
        {
            Id = FlowStoreJson.Text(item["id"]) ?? string.Empty;
            Name = (string?)item["name"] ?? string.Empty;
            Description = (string?)item["description"];
            EntryPointType = (string?)item["entryPointType"];
            ChannelType = (string?)item["channelType"];
            FlowId = FlowStoreJson.Text(item["flowId"]);
            FlowTagId = FlowStoreJson.Text(item["flowTagId"]);
            Active = item["active"] is JValue { Type: JTokenType.Boolean } active ? (bool?)active : null;
            OutdialQueueId = FlowStoreJson.Text(item["outdialQueueId"]);
            Json = item.ToString(Formatting.None);
        }

        /// <summary>The entry point id: what Invoke-WxccFlowTest's -EntryPointId and a callback task's entryPointId take.</summary>
        public string Id { get; }

        /// <summary>The name, e.g. <c>Outdial_7_Channel</c>.</summary>
        public string Name { get; }

        /// <summary>The description, or null.</summary>
        public string? Description { get; }

        /// <summary><c>INBOUND</c> or <c>OUTBOUND</c>.</summary>
        public string? EntryPointType { get; }

        /// <summary><c>TELEPHONY</c>, <c>CHAT</c>, …</summary>
        public string? ChannelType { get; }

        /// <summary>The flow the entry point runs (<c>flowId</c>); null when none is mapped or the list stripped it.</summary>
        public string? FlowId { get; }

        /// <summary>Which version of the flow runs: the tag <c>Latest</c>, <c>Live</c>, <c>Test</c> or <c>Dev</c> (<c>flowTagId</c>).</summary>
        public string? FlowTagId { get; }

        /// <summary>Whether the entry point is active, when the answer says.</summary>
        public bool? Active { get; }

        /// <summary>The outdial queue, for an outbound entry point.</summary>
        public string? OutdialQueueId { get; }

        /// <summary>The DTO exactly as the API sent it (a PUT sends it back whole).</summary>
        public string Json { get; }

        /// <summary>Reads one <c>EntryPointDTO</c>.</summary>
        public static WxccEntryPoint FromJson(JObject item) => new WxccEntryPoint(item ?? throw new ArgumentNullException(nameof(item)));

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
