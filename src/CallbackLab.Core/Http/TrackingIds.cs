using System;

namespace CallbackLab.Core.Http
{
    /// <summary>Makes the <c>TrackingId</c> header values CallbackLab sends, so support can find a request in WxCC logs.</summary>
    public static class TrackingIds
    {
        /// <summary>The prefix of every tracking id CallbackLab sends.</summary>
        public const string Prefix = "CallbackLab_";

        /// <summary>A new tracking id: <c>CallbackLab_</c> followed by a random UUID.</summary>
        public static string New() => Prefix + Guid.NewGuid().ToString("D");
    }
}
