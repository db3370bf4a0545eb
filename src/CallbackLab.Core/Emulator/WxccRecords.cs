using System;
using System.Collections.Generic;

namespace CallbackLab.Core.Emulator
{
    /// <summary>
    /// The WxCC configuration the emulator keeps beside the MockAPI resources: flows (with their versions), entry points,
    /// queues and the runs of EXECUTE_FLOW tasks, each a collection of JSON records in creation order, indexed by id.
    /// They are stored like resources (same data file, same log), but the MockAPI routes never serve them.
    /// </summary>
    internal sealed class WxccRecords
    {
        internal const string Flows = "flows";
        internal const string EntryPoints = "entryPoints";
        internal const string Queues = "queues";
        internal const string Runs = "runs";

        /// <summary>The collection names, in the order the data file writes them.</summary>
        internal static readonly IReadOnlyList<string> Names = new[] { Flows, EntryPoints, Queues, Runs };

        private readonly Dictionary<string, MockResource> _collections = new Dictionary<string, MockResource>(StringComparer.Ordinal);

        internal WxccRecords()
        {
            Clear();
        }

        internal MockResource this[string name] => _collections[name];

        internal static bool IsName(string name)
        {
            foreach (string known in Names)
            {
                if (string.Equals(known, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        internal void Clear()
        {
            foreach (string name in Names)
            {
                _collections[name] = new MockResource(1);
            }
        }
    }
}
