using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Wxcc;
using CallbackLab.Models;

namespace CallbackLab.Infrastructure
{
    /// <summary>The emulators started in one runspace, oldest first.</summary>
    internal sealed class EmulatorRegistry
    {
        private readonly object _sync = new object();
        private readonly List<CallbackLabEmulator> _emulators = new List<CallbackLabEmulator>();

        /// <summary>The running emulators, oldest first.</summary>
        internal IReadOnlyList<CallbackLabEmulator> All
        {
            get
            {
                lock (_sync)
                {
                    return _emulators.ToArray();
                }
            }
        }

        /// <summary>The emulator started last, or null.</summary>
        internal CallbackLabEmulator? Newest
        {
            get
            {
                lock (_sync)
                {
                    return _emulators.Count == 0 ? null : _emulators[_emulators.Count - 1];
                }
            }
        }

        /// <summary>The emulator listening on <paramref name="port"/>, or null.</summary>
        internal CallbackLabEmulator? ByPort(int port) => All.FirstOrDefault(e => e.Port == port);

        /// <summary>The emulator that issued <paramref name="connection"/>, or null.</summary>
        internal CallbackLabEmulator? ByConnection(WxccConnection? connection) =>
            connection is null ? null : All.FirstOrDefault(e => ReferenceEquals(e.Connection, connection));

        internal void Add(CallbackLabEmulator emulator)
        {
            lock (_sync)
            {
                _emulators.Add(emulator);
            }
        }

        /// <summary>Forgets <paramref name="emulator"/>; returns the newest one left (null when none is).</summary>
        internal CallbackLabEmulator? Remove(CallbackLabEmulator emulator)
        {
            lock (_sync)
            {
                _emulators.Remove(emulator);
                return _emulators.Count == 0 ? null : _emulators[_emulators.Count - 1];
            }
        }
    }
}
