using System;

namespace CallbackLab.Core.Flows.Http
{
    /// <summary>A request got no response (connection refused, DNS failure, timeout): in a flow this raises the global error.</summary>
    [Serializable]
    public sealed class FlowHttpTransportException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public FlowHttpTransportException(string message, bool timedOut, Exception? innerException = null, TimeSpan? virtualDuration = null)
            : base(message, innerException)
        {
            TimedOut = timedOut;
            VirtualDuration = virtualDuration;
        }

        /// <summary>True when the response timeout elapsed.</summary>
        public bool TimedOut { get; }

        /// <summary>How much virtual time passed before the failure (a stub's delay before its fault); null: the usual round trip.</summary>
        public TimeSpan? VirtualDuration { get; }
    }
}
