using System;
using System.Net;

namespace CallbackLab.Core.Emulator
{
    /// <summary>How a <see cref="LabEmulator"/> starts: where it listens, where it keeps its data and how strict it is.</summary>
    public sealed class LabEmulatorOptions
    {
        /// <summary>The TCP port; 0 (the default) picks a free port.</summary>
        public int Port { get; set; }

        /// <summary>
        /// A JSON data file: loaded at start when it exists; every change is appended to <c>&lt;file&gt;.log</c> and synced before it is
        /// acknowledged, and the log is folded into the file in the background, at start and at a clean stop. Null keeps everything in memory.
        /// </summary>
        public string? DataPath { get; set; }

        /// <summary>A custom seed file (an array of DynVars records, or an object mapping resource paths to arrays). Null uses the embedded lab seed.</summary>
        public string? SeedPath { get; set; }

        /// <summary>
        /// The room: per attendee the lab's pre-configured entities, a DynVars record and a <c>Main_Flow_&lt;id&gt;</c> not yet built
        /// (see <see cref="Room.RoomSeed"/>). Null seeds the lab's own attendee <c>Lab</c> only.
        /// </summary>
        public System.Collections.Generic.IReadOnlyList<Room.Attendee>? Attendees { get; set; }

        /// <summary>
        /// Let a token with only <c>cjp:config_read</c> publish flows, as the OAS prints the publish scope; by default publishing
        /// needs <c>cjp:config_write</c>, as the toolkit says (the reference leaves it unresolved).
        /// </summary>
        public bool PublishAcceptsReadScope { get; set; }

        /// <summary>The organization id of the WxCC routes when the data file names none; null: a new GUID (kept in the data file).</summary>
        public string? OrgId { get; set; }

        /// <summary>Answer <c>200 []</c> instead of MockAPI's <c>404 "Not found"</c> when a filter or page matches nothing.</summary>
        public bool NotFoundAsEmptyArray { get; set; }

        /// <summary>The most records a resource may hold (MockAPI's free tier: 100); null means no cap.</summary>
        public int? RecordLimit { get; set; } = 100;

        /// <summary>WxCC API requests allowed per token per minute before 429 (the documented 300).</summary>
        public int RateLimitPerMinute { get; set; } = 300;

        /// <summary>The address to listen on; loopback unless told otherwise.</summary>
        public IPAddress BindAddress { get; set; } = IPAddress.Loopback;

        /// <summary>The largest request body accepted; larger bodies get 413.</summary>
        public long MaxBodyBytes { get; set; } = 1024 * 1024;

        /// <summary>How long an access token lives (webexapis.com's sample: 14 days).</summary>
        public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(14);

        /// <summary>How many requests the journal keeps (the oldest go first).</summary>
        public int JournalCapacity { get; set; } = 1000;

        /// <summary>The most memory the journal's entries may take together, about (the oldest go first): 16 MiB.</summary>
        public long JournalMaxBytes { get; set; } = 16L * 1024 * 1024;

        /// <summary>The longest request line accepted; longer is answered 414.</summary>
        public int MaxRequestLineBytes { get; set; } = 8 * 1024;

        /// <summary>The largest header block accepted (and at most 100 fields); larger is answered 431.</summary>
        public int MaxHeaderBytes { get; set; } = 32 * 1024;

        /// <summary>How long a client may take from a request's first byte (or opening the connection) to the end of its headers; then the connection is closed.</summary>
        public TimeSpan HeaderTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>How long a kept-alive connection may sit idle between requests, or a body or answer stall; then it is closed.</summary>
        public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>The most connections open at once; one more is answered 503 and closed.</summary>
        public int MaxConnections { get; set; } = 256;

        /// <summary>
        /// The data log is folded into the data file once it holds at least this many bytes and as many as the data file (so a
        /// write costs O(1) amortized): 1 MiB by default. Smaller values fold more often (the crash tests fold constantly).
        /// </summary>
        public long DataLogFoldBytes { get; set; } = 1024 * 1024;

        /// <summary>Opens the data log (tests replace it to make writes fail); null opens the file.</summary>
        internal Func<string, System.IO.Stream>? OpenDataLog { get; set; }

        /// <summary>The clock; tests replace it to expire tokens and rate windows without waiting.</summary>
        internal Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

        internal LabEmulatorOptions Clone() => (LabEmulatorOptions)MemberwiseClone();
    }
}
