using System;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Wxcc
{
    /// <summary>One task from <c>GET /v1/tasks</c>.</summary>
    public sealed class WxccTask
    {
        private WxccTask(JObject item)
        {
            JToken attributes = item["attributes"] ?? new JObject();
            Id = (string?)item["id"] ?? string.Empty;
            ChannelType = (string?)attributes["channelType"];
            Status = (string?)attributes["status"];
            Direction = (string?)attributes["direction"];
            Origin = (string?)attributes["origin"];
            Destination = (string?)attributes["destination"];
            Queue = IdOrText(attributes["queue"]);
            Owner = IdOrText(attributes["owner"]);
            CreatedTime = EpochMilliseconds(attributes["createdTime"]);
            LastUpdatedTime = EpochMilliseconds(attributes["lastUpdatedTime"]);
            Json = item.ToString(Newtonsoft.Json.Formatting.None);
        }

        /// <summary>The task id.</summary>
        public string Id { get; }

        /// <summary><c>telephony</c>, <c>chat</c>, <c>email</c> or <c>social</c>.</summary>
        public string? ChannelType { get; }

        /// <summary><c>created</c>, <c>queued</c>, <c>offered</c>, <c>assigned</c>, <c>abandoned</c> or <c>completed</c>.</summary>
        public string? Status { get; }

        /// <summary><c>inbound</c>, <c>outbound</c> or <c>outdial</c>.</summary>
        public string? Direction { get; }

        /// <summary>Where the contact came from.</summary>
        public string? Origin { get; }

        /// <summary>Where the contact went.</summary>
        public string? Destination { get; }

        /// <summary>The queue id (or name when only that is given).</summary>
        public string? Queue { get; }

        /// <summary>The owning agent's id (or name).</summary>
        public string? Owner { get; }

        /// <summary>When the task was created.</summary>
        public DateTimeOffset? CreatedTime { get; }

        /// <summary>When the task last changed.</summary>
        public DateTimeOffset? LastUpdatedTime { get; }

        /// <summary>The task exactly as the API sent it.</summary>
        public string Json { get; }

        /// <summary>Reads one element of the response's <c>data</c> array.</summary>
        public static WxccTask FromJson(JObject item) => new WxccTask(item ?? throw new ArgumentNullException(nameof(item)));

        private static string? IdOrText(JToken? token)
        {
            return token is JObject obj ? (string?)obj["id"] ?? (string?)obj["name"] : token?.Type == JTokenType.Null ? null : (string?)token;
        }

        private static DateTimeOffset? EpochMilliseconds(JToken? token)
        {
            if (token is JValue { Type: JTokenType.Integer } number)
            {
                return DateTimeOffset.FromUnixTimeMilliseconds((long)number);
            }

            return token is JValue { Type: JTokenType.Date } date ? (DateTimeOffset?)new DateTimeOffset((DateTime)date) : null;
        }
    }
}
