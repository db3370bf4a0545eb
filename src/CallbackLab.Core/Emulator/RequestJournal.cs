using System.Collections.Generic;

namespace CallbackLab.Core.Emulator
{
    /// <summary>The last N requests, oldest first, within a total of bytes (entries are capped one by one too, see <see cref="JournalEntry.Capped"/>).</summary>
    internal sealed class RequestJournal
    {
        private readonly object _sync = new object();
        private readonly Queue<JournalEntry> _entries = new Queue<JournalEntry>();
        private readonly int _capacity;
        private readonly long _maxBytes;
        private long _bytes;

        internal RequestJournal(int capacity, long maxBytes)
        {
            _capacity = capacity < 1 ? 1 : capacity;
            _maxBytes = maxBytes < 1 ? 1 : maxBytes;
        }

        internal void Add(JournalEntry entry)
        {
            lock (_sync)
            {
                _entries.Enqueue(entry);
                _bytes += entry.ApproximateBytes;
                while (_entries.Count > 1 && (_entries.Count > _capacity || _bytes > _maxBytes))
                {
                    _bytes -= _entries.Dequeue().ApproximateBytes;
                }
            }
        }

        internal IReadOnlyList<JournalEntry> Snapshot()
        {
            lock (_sync)
            {
                return _entries.ToArray();
            }
        }

        internal void Clear()
        {
            lock (_sync)
            {
                _entries.Clear();
                _bytes = 0;
            }
        }
    }
}
