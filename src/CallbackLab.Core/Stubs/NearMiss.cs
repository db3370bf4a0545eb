using System;
using System.Collections.Generic;

namespace CallbackLab.Core.Stubs
{
    /// <summary>The stub closest to a request none matched, and why it did not match.</summary>
    public sealed class NearMiss
    {
        internal NearMiss(Stub? stub, IReadOnlyList<string> mismatches)
        {
            Stub = stub;
            Mismatches = mismatches;
        }

        /// <summary>The closest stub; null when no stub is loaded.</summary>
        public Stub? Stub { get; }

        /// <summary>What it expected and the request did not have.</summary>
        public IReadOnlyList<string> Mismatches { get; }

        /// <summary>The record of the request that was not sent for <paramref name="reason"/>.</summary>
        public UnmatchedRequest ToUnmatched(StubRequest request, string reason) =>
            new UnmatchedRequest(DateTimeOffset.UtcNow, request.Method, request.Uri, Stub, Mismatches, reason);
    }
}
