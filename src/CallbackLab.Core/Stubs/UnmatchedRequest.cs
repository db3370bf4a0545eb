using System;
using System.Collections.Generic;
using CallbackLab.Core.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Stubs
{
    /// <summary>
    /// A request no stub answered and that was not sent (no <c>-AllowNetwork</c>, or its host was not listed): the closest stub
    /// and why it did not match, so the user can fix the stub or add one.
    /// </summary>
    public sealed class UnmatchedRequest
    {
        /// <summary>The status an unmatched request is answered with.</summary>
        public const int Status = 404;

        /// <summary>Creates the record; the URL is kept with secret query values masked.</summary>
        public UnmatchedRequest(DateTimeOffset time, string method, Uri url, Stub? closestStub, IReadOnlyList<string> mismatches, string reason)
        {
            Time = time;
            Method = method;
            Url = LogRedactor.RedactUri(url);
            Host = url.Host;
            ClosestStubId = closestStub?.Id;
            ClosestStubName = closestStub?.Name;
            Mismatches = mismatches;
            Reason = reason;
        }

        /// <summary>When it was asked (UTC).</summary>
        public DateTimeOffset Time { get; }

        /// <summary>The method.</summary>
        public string Method { get; }

        /// <summary>The URL, secret query values masked.</summary>
        public string Url { get; }

        /// <summary>The host, to list with <c>-AllowNetwork</c> or to write a stub for.</summary>
        public string Host { get; }

        /// <summary>The id of the stub that came closest; null when there is no stub at all.</summary>
        public Guid? ClosestStubId { get; }

        /// <summary>The name of the stub that came closest; null when there is no stub at all.</summary>
        public string? ClosestStubName { get; }

        /// <summary>What the closest stub expected and the request did not have, one sentence each.</summary>
        public IReadOnlyList<string> Mismatches { get; }

        /// <summary>Why the request was not sent.</summary>
        public string Reason { get; }

        /// <summary>The message: the request, why it was not sent, and the closest stub.</summary>
        public string Message =>
            Method + " " + Url + " was not sent: " + Reason + " "
            + (ClosestStubName == null ? "No stub is loaded." : "Closest stub '" + ClosestStubName + "': " + string.Join("; ", Mismatches) + ".");

        /// <summary>The documented 404 body (see docs/stubs.md).</summary>
        public string ToResponseBody()
        {
            var body = new JObject
            {
                ["error"] = "UnmatchedRequest",
                ["message"] = Message,
                ["request"] = new JObject { ["method"] = Method, ["url"] = Url },
                ["closestStub"] = ClosestStubName == null
                    ? JValue.CreateNull()
                    : new JObject { ["id"] = ClosestStubId.ToString(), ["name"] = ClosestStubName, ["mismatches"] = new JArray(Mismatches) },
            };
            return body.ToString(Formatting.Indented);
        }

        /// <inheritdoc />
        public override string ToString() => Message;
    }
}
