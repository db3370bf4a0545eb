using System;
using CallbackLab.Core.MockApi;

namespace CallbackLab.Core.Wxcc
{
    /// <summary>
    /// Which WxCC connection and MockAPI prefix a command uses when it is given none: the rule is an explicit value first,
    /// then the newest of the user's own connection and a started emulator's, then (MockAPI only) the lab's public project;
    /// WxCC with nothing is "not connected". Starting an emulator replaces an older own connection (so stopping that emulator
    /// never silently turns a later command towards a tenant); connecting after an emulator started wins over it, and
    /// disconnecting hands the default back to the emulator. Safe to use from several threads.
    /// </summary>
    public sealed class EndpointDefaults
    {
        private readonly object _sync = new object();
        private WxccConnection? _connected;
        private WxccConnection? _emulator;

        /// <summary>Defaults whose last MockAPI fallback is the lab's public project (<see cref="MockApiClient.LabUri"/>).</summary>
        public EndpointDefaults()
            : this(MockApiClient.LabUri)
        {
        }

        /// <summary>Defaults whose last MockAPI fallback is <paramref name="publicMockApiUri"/> (a test gives a local one).</summary>
        public EndpointDefaults(Uri publicMockApiUri)
        {
            PublicMockApiUri = publicMockApiUri ?? throw new ArgumentNullException(nameof(publicMockApiUri));
        }

        /// <summary>The MockAPI prefix used when nothing else is set up: the lab's shared public project.</summary>
        public Uri PublicMockApiUri { get; }

        /// <summary>The user's own connection (Connect-Wxcc), or null when there is none or a newer emulator replaced it.</summary>
        public WxccConnection? Connected
        {
            get
            {
                lock (_sync)
                {
                    return _connected;
                }
            }
        }

        /// <summary>The connection of the default emulator, or null when no started emulator is the default.</summary>
        public WxccConnection? Emulator
        {
            get
            {
                lock (_sync)
                {
                    return _emulator;
                }
            }
        }

        /// <summary>The connection to use when none is given: the own connection when it is newer, else the emulator's, else null.</summary>
        public WxccConnection? Default
        {
            get
            {
                lock (_sync)
                {
                    return _connected ?? _emulator;
                }
            }
        }

        /// <summary>Makes <paramref name="connection"/> the own connection; it is newer than any emulator started before.</summary>
        public void Connect(WxccConnection connection)
        {
            if (connection is null)
            {
                throw new ArgumentNullException(nameof(connection));
            }

            lock (_sync)
            {
                _connected = connection;
            }
        }

        /// <summary>Forgets the own connection and returns it (null when there was none); the default emulator is the default again.</summary>
        public WxccConnection? Disconnect()
        {
            lock (_sync)
            {
                WxccConnection? old = _connected;
                _connected = null;
                return old;
            }
        }

        /// <summary>Makes a just-started emulator's connection the default; it replaces an older own connection.</summary>
        public void UseEmulator(WxccConnection emulatorConnection)
        {
            if (emulatorConnection is null)
            {
                throw new ArgumentNullException(nameof(emulatorConnection));
            }

            lock (_sync)
            {
                _emulator = emulatorConnection;
                _connected = null;
            }
        }

        /// <summary>
        /// A stopped emulator's connection stops being the default; <paramref name="stillRunning"/> (an emulator that still
        /// runs) takes its place, so a session never falls back to the public project while a local emulator serves.
        /// An own connection made after the stopped emulator stays the default.
        /// </summary>
        public void ForgetEmulator(WxccConnection stoppedConnection, WxccConnection? stillRunning)
        {
            lock (_sync)
            {
                if (ReferenceEquals(_emulator, stoppedConnection))
                {
                    _emulator = stillRunning;
                }
            }
        }

        /// <summary>The WxCC connection to use: <paramref name="explicitConnection"/>, else <see cref="Default"/>; null when there is none.</summary>
        public WxccConnection? ConnectionFor(WxccConnection? explicitConnection) => explicitConnection ?? Default;

        /// <summary>As <see cref="ConnectionFor"/>, but having none is an error.</summary>
        /// <exception cref="WxccNotConnectedException">No connection was given and there is no default.</exception>
        public WxccConnection RequireConnection(WxccConnection? explicitConnection) =>
            ConnectionFor(explicitConnection) ?? throw new WxccNotConnectedException();

        /// <summary>
        /// The MockAPI prefix set up for this use, never the public project: <paramref name="explicitUri"/>, else the MockAPI of
        /// <paramref name="explicitConnection"/>, else the own connection's (when it has one), else the default emulator's;
        /// null when none is. An own connection without a MockAPI prefix leaves MockAPI to a running emulator.
        /// </summary>
        public Uri? ConfiguredMockApiUri(Uri? explicitUri = null, WxccConnection? explicitConnection = null)
        {
            if (explicitUri != null)
            {
                return explicitUri;
            }

            if (explicitConnection?.MockApiUri is Uri fromConnection)
            {
                return fromConnection;
            }

            lock (_sync)
            {
                return _connected?.MockApiUri ?? _emulator?.MockApiUri;
            }
        }

        /// <summary>As <see cref="ConfiguredMockApiUri"/>, falling back to <see cref="PublicMockApiUri"/>.</summary>
        public Uri MockApiUriFor(Uri? explicitUri = null, WxccConnection? explicitConnection = null) =>
            ConfiguredMockApiUri(explicitUri, explicitConnection) ?? PublicMockApiUri;

        /// <summary>True when <paramref name="uri"/> is <see cref="PublicMockApiUri"/> (a change there reaches every attendee).</summary>
        public bool IsPublicMockApi(Uri uri) =>
            uri != null && Uri.Compare(uri, PublicMockApiUri, UriComponents.HttpRequestUrl, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
    }
}
