using System;
using System.Collections.Generic;
using System.Security;
using CallbackLab.Core.Emulator;
using CallbackLab.Core.Wxcc;

namespace CallbackLab.Models
{
    /// <summary>
    /// What Start-CallbackLabEmulator and Get-CallbackLabEmulator write: the emulator's addresses, its recorded tasks and its
    /// OAuth credentials, over the running <see cref="LabEmulator"/>. Every secret is a SecureString and the Core emulator
    /// (which holds them as plain strings) is internal, so <c>Format-List *</c> or <c>ConvertTo-Json</c> never print a secret.
    /// </summary>
    public sealed class CallbackLabEmulator
    {
        internal CallbackLabEmulator(LabEmulator emulator)
        {
            Emulator = emulator;
            AccessToken = ToSecureString(emulator.AccessToken);
            ClientSecret = ToSecureString(emulator.ClientSecret);
            RefreshToken = ToSecureString(emulator.RefreshToken);
        }

        /// <summary>The running Core emulator; internal because it exposes the tokens as plain strings.</summary>
        internal LabEmulator Emulator { get; }

        /// <summary>The connection the emulator issued (what <c>-Connection $emulator</c> binds to); internal like the Core emulator.</summary>
        internal WxccConnection Connection => Emulator.Connection;

        /// <summary>The emulator's root, e.g. <c>http://127.0.0.1:5080/</c>.</summary>
        public Uri Uri => Emulator.BaseUri;

        /// <summary>The MockAPI prefix that holds DynVars, e.g. <c>http://127.0.0.1:5080/flowdesigner/Lab</c>.</summary>
        public Uri MockApiUri => Emulator.MockApiUri;

        /// <summary>The WxCC API base; <c>/v1/tasks</c> is relative to it.</summary>
        public Uri WxccUri => Emulator.WxccUri;

        /// <summary>The OAuth token endpoint.</summary>
        public Uri TokenUri => Emulator.TokenUri;

        /// <summary>The emulator's starting access token.</summary>
        public SecureString AccessToken { get; }

        /// <summary>The OAuth client id the token endpoint accepts (not a secret).</summary>
        public string ClientId => Emulator.ClientId;

        /// <summary>The OAuth client secret the token endpoint accepts, for <c>Connect-Wxcc -ClientSecret</c>.</summary>
        public SecureString ClientSecret { get; }

        /// <summary>The starting refresh token, for <c>Connect-Wxcc -RefreshToken</c>.</summary>
        public SecureString RefreshToken { get; }

        /// <summary>The organization id the WxCC API answers in <c>meta.orgId</c>.</summary>
        public string OrgId => Emulator.OrgId;

        /// <summary>The Flow Store's base: <c>{Uri}flow-store/{OrgId}/project/5e5c9ad6d61f870d6d778c1b/</c>.</summary>
        public Uri FlowStoreUri => Emulator.FlowStoreUri;

        /// <summary>Every task <c>POST /v1/tasks</c> accepted, oldest first, with its exact request body.</summary>
        public IReadOnlyList<RecordedTask> Tasks => Emulator.Tasks;

        /// <summary>The TCP port.</summary>
        public int Port => Emulator.Port;

        /// <summary>The data file, or null when the emulator keeps everything in memory.</summary>
        public string? DataPath => Emulator.DataPath;

        /// <summary>False once stopped.</summary>
        public bool IsRunning => Emulator.IsRunning;

        /// <summary>How many tasks <c>POST /v1/tasks</c> accepted.</summary>
        public int TaskCount => Emulator.Tasks.Count;

        /// <inheritdoc />
        public override string ToString() => Uri.ToString();

        private static SecureString ToSecureString(string text)
        {
            var secure = new SecureString();
            foreach (char c in text)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }
    }
}
