using System.Collections.Generic;

namespace CallbackLab.Core.Emulator
{
    /// <summary>The last N requests, oldest first.</summary>
    internal sealed class RequestJournal
    {
        private readonly object _sync = new object();
        private readonly Queue<JournalEntry> _entries = new Queue<JournalEntry>();
        private readonly int _capacity;

        internal RequestJournal(int capacity)
        {
            _capacity = capacity < 1 ? 1 : capacity;
        }

        internal void Add(JournalEntry entry)
        {
            lock (_sync)
            {
                if (_entries.Count >= _capacity)
                {
                    _entries.Dequeue();
                }

                _entries.Enqueue(entry);
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
            }
        }
    }
}
