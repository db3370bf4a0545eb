using System;
using CallbackLab.Resources;

namespace CallbackLab.Infrastructure
{
    /// <summary>No -Connection, no Connect-Wxcc connection and no started emulator: there is nowhere to send a WxCC call.</summary>
    public sealed class WxccNotConnectedException : InvalidOperationException
    {
        /// <summary>Creates the exception with the standard message.</summary>
        public WxccNotConnectedException()
            : base(ApiStrings.WxccNotConnected)
        {
        }
    }
}
