using System;

namespace CallbackLab.Core.Emulator.Listener
{
    /// <summary>A request the listener refuses before any handler sees it: malformed framing (400), too large (413, 414, 431), unsupported (415, 501, 505).</summary>
    internal sealed class HttpFramingException : Exception
    {
        internal HttpFramingException(int status, string message)
            : base(message)
        {
            Status = status;
        }

        internal int Status { get; }
    }
}
