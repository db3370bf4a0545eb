using System;
using System.Collections.Generic;
using CallbackLab.Core.MockApi;

namespace CallbackLab.Infrastructure
{
    /// <summary>Completion data of this runspace: DynVars records per MockAPI endpoint, kept briefly.</summary>
    internal sealed partial class CallbackLabSession
    {
        private readonly object _completionSync = new object();
        private readonly Dictionary<string, (DateTimeOffset At, IReadOnlyList<DynVarsRecord> Records)> _dynVarsCompletion =
            new Dictionary<string, (DateTimeOffset, IReadOnlyList<DynVarsRecord>)>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The records fetched for <paramref name="endpoint"/> less than <paramref name="lifetime"/> ago, or fetches them now.</summary>
        internal IReadOnlyList<DynVarsRecord> CompletionRecords(Uri endpoint, TimeSpan lifetime, Func<Uri, IReadOnlyList<DynVarsRecord>> fetch)
        {
            string key = endpoint.AbsoluteUri;
            DateTimeOffset now = DateTimeOffset.UtcNow;
            lock (_completionSync)
            {
                if (_dynVarsCompletion.TryGetValue(key, out var cached) && now - cached.At < lifetime)
                {
                    return cached.Records;
                }
            }

            IReadOnlyList<DynVarsRecord> records = fetch(endpoint);
            lock (_completionSync)
            {
                // Few endpoints per session; dropping stale ones keeps the cache from growing with every emulator port.
                foreach (string stale in new List<string>(_dynVarsCompletion.Keys))
                {
                    if (now - _dynVarsCompletion[stale].At >= lifetime) _dynVarsCompletion.Remove(stale);
                }

                _dynVarsCompletion[key] = (now, records);
            }

            return records;
        }

        /// <summary>Forgets cached completions (DynVars changed through this session).</summary>
        internal void ForgetCompletions()
        {
            lock (_completionSync)
            {
                _dynVarsCompletion.Clear();
            }
        }
    }
}
