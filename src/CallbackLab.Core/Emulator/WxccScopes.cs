using System.Collections.Generic;

namespace CallbackLab.Core.Emulator
{
    /// <summary>
    /// The OAuth scopes the emulator's WxCC routes require, as the Flow Store and Create Task documentation names them: reading
    /// configuration (flows, entry points), changing it, and acting as a user (tasks).
    /// </summary>
    public static class WxccScopes
    {
        /// <summary>Read flows and entry points.</summary>
        public const string ConfigRead = "cjp:config_read";

        /// <summary>Import and publish flows, update entry points.</summary>
        public const string ConfigWrite = "cjp:config_write";

        /// <summary>Create and list tasks.</summary>
        public const string User = "cjp:user";

        /// <summary>Every scope: what the emulator's starting token and <c>/v1/access_token</c> grant unless told otherwise.</summary>
        public static IReadOnlyList<string> All { get; } = new[] { ConfigRead, ConfigWrite, User };
    }
}
