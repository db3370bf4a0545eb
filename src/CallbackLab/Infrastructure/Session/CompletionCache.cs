using System;
using System.Collections.Generic;
using CallbackLab.Core.MockApi;

namespace CallbackLab.Infrastructure
{
    /// <summary>The DynVars records argument completers offer, per MockAPI endpoint, kept briefly so Tab does not hammer the service.</summary>
    internal sealed class CompletionCache
    {
        private readonly object _sync = new object();
        private readonly Dictionary<string, (DateTimeOffset At, IReadOnlyList<DynVarsRecord> Records)> _records =
            new Dictionary<string, (DateTimeOffset, IReadOnlyList<DynVarsRecord>)>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The records fetched for <paramref name="endpoint"/> less than <paramref name="lifetime"/> ago, or fetches them now.</summary>
        internal IReadOnlyList<DynVarsRecord> Records(Uri endpoint, TimeSpan lifetime, Func<Uri, IReadOnlyList<DynVarsRecord>> fetch)
        {
            string key = endpoint.AbsoluteUri;
            DateTimeOffset now = DateTimeOffset.UtcNow;
            lock (_sync)
            {
                if (_records.TryGetValue(key, out var cached) && now - cached.At < lifetime)
                {
                    return cached.Records;
                }
            }

            IReadOnlyList<DynVarsRecord> records = fetch(endpoint);
            lock (_sync)
            {
                // Few endpoints per session; dropping stale ones keeps the cache from growing with every emulator port.
                foreach (string stale in new List<string>(_records.Keys))
                {
                    if (now - _records[stale].At >= lifetime) _records.Remove(stale);
                }

                _records[key] = (now, records);
            }

            return records;
        }

        /// <summary>Forgets every cached record (DynVars changed through this session).</summary>
        internal void Clear()
        {
            lock (_sync)
            {
                _records.Clear();
            }
        }
    }
}
