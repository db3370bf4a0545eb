using System;

namespace CallbackLab.Core.Emulator.Listener
{
    /// <summary>The listener's limits, from <see cref="LabEmulatorOptions"/> (documented in docs/emulator.md).</summary>
    internal sealed class ListenerLimits
    {
        internal int MaxRequestLineBytes { get; set; } = 8 * 1024;

        internal int MaxHeaderBytes { get; set; } = 32 * 1024;

        internal long MaxBodyBytes { get; set; } = 1024 * 1024;

        /// <summary>From a connection's first byte of a request (or its opening) to the end of the request's header block.</summary>
        internal TimeSpan HeaderTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Between requests on a kept-alive connection, and between reads of a body or writes of an answer.</summary>
        internal TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

        internal int MaxConnections { get; set; } = 256;
    }
}
