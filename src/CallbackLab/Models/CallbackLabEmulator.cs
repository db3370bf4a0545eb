using System;
using System.Security;
using CallbackLab.Core.Emulator;

namespace CallbackLab.Models
{
    /// <summary>
    /// What Start-CallbackLabEmulator and Get-CallbackLabEmulator write: the emulator's addresses and its starting token
    /// (as a SecureString, so it is never printed), over the running <see cref="LabEmulator"/>.
    /// </summary>
    public sealed class CallbackLabEmulator
    {
        internal CallbackLabEmulator(LabEmulator emulator)
        {
            Emulator = emulator;
            AccessToken = ToSecureString(emulator.AccessToken);
        }

        /// <summary>The running emulator (tasks, journal, faults, OAuth client credentials).</summary>
        public LabEmulator Emulator { get; }

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
