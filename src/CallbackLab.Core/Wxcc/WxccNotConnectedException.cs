using System;

namespace CallbackLab.Core.Wxcc
{
    /// <summary>No connection was given and none is the default: there is nowhere to send a WxCC call.</summary>
    public sealed class WxccNotConnectedException : InvalidOperationException
    {
        /// <summary>Creates the exception with the standard message.</summary>
        public WxccNotConnectedException()
            : base("Not connected to WxCC: no connection was given and this session has no default connection.")
        {
        }

        /// <summary>Creates the exception with <paramref name="message"/>.</summary>
        public WxccNotConnectedException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
        public WxccNotConnectedException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
