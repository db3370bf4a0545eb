using System;
using System.Diagnostics.CodeAnalysis;

namespace CallbackLab.Core.Stubs
{
    /// <summary>One request a simulation's stub routing answered without the network: by a stub, or as unmatched.</summary>
    [SuppressMessage("Naming", "CA1710", Justification = "An exchange is a record users read in the journal and results; it is also the payload of the Exchanged event.")]
    public sealed class StubExchange : EventArgs
    {
        internal StubExchange(StubRequest request, int status, Stub? stub, UnmatchedRequest? unmatched, TimeSpan? delay)
        {
            Request = request;
            Status = status;
            Stub = stub;
            Unmatched = unmatched;
            Delay = delay;
        }

        /// <summary>The request.</summary>
        public StubRequest Request { get; }

        /// <summary>The status answered (404 when unmatched; 0 for a fault).</summary>
        public int Status { get; }

        /// <summary>The stub that answered; null when unmatched.</summary>
        public Stub? Stub { get; }

        /// <summary>The unmatched record; null when a stub answered.</summary>
        public UnmatchedRequest? Unmatched { get; }

        /// <summary>The stub's virtual delay, if any.</summary>
        public TimeSpan? Delay { get; }
    }
}
