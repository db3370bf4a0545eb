using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CallbackLab.Core.Stubs;

namespace CallbackLab.Core.Flows.Http
{
    /// <summary>
    /// The hosts a simulation may really send to (<c>-AllowNetwork -NetworkHost …</c>): <c>webhook.site</c>,
    /// <c>*.mock.pstmn.io</c> (a glob), or <c>127.0.0.1:5081</c> (one port only). No host is allowed unless listed.
    /// </summary>
    public sealed class NetworkAllowance
    {
        private readonly (Regex Host, int? Port)[] _rules;

        /// <summary>Allows <paramref name="hosts"/>.</summary>
        /// <exception cref="ArgumentException">A host is empty or its port is not a number.</exception>
        public NetworkAllowance(IEnumerable<string> hosts)
        {
            if (hosts is null) throw new ArgumentNullException(nameof(hosts));
            Hosts = hosts.Select(h => (h ?? string.Empty).Trim()).ToArray();
            _rules = Hosts.Select(Parse).ToArray();
        }

        /// <summary>The hosts as given.</summary>
        public IReadOnlyList<string> Hosts { get; }

        /// <summary>True when a request to <paramref name="uri"/> may leave the machine.</summary>
        public bool Allows(Uri uri)
        {
            if (uri is null) throw new ArgumentNullException(nameof(uri));
            foreach ((Regex host, int? port) in _rules)
            {
                if ((port == null || port == uri.Port) && host.IsMatch(uri.Host))
                {
                    return true;
                }
            }

            return false;
        }

        /// <inheritdoc />
        public override string ToString() => string.Join(", ", Hosts);

        private static (Regex, int?) Parse(string entry)
        {
            if (entry.Length == 0)
            {
                throw new ArgumentException("A network host cannot be empty.", nameof(entry));
            }

            string host = entry;
            int? port = null;
            int colon = entry.LastIndexOf(':');
            if (colon > 0 && entry.IndexOf(']') < colon && entry.IndexOf("::", StringComparison.Ordinal) < 0)
            {
                if (!int.TryParse(entry.Substring(colon + 1), out int parsed) || parsed < 1 || parsed > 65535)
                {
                    throw new ArgumentException("'" + entry + "' is not a host, a host glob or host:port.", nameof(entry));
                }

                host = entry.Substring(0, colon);
                port = parsed;
            }

            return (Glob.ToRegex(host.Trim('[', ']'), ignoreCase: true), port);
        }
    }
}
