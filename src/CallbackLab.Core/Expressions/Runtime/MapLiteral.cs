using System;
using System.Collections.Generic;

namespace CallbackLab.Core.Expressions.Runtime
{
    /// <summary>
    /// A map written in a template (<c>{'k': 'v'}</c>): Pebble builds a <c>java.util.HashMap</c>, so it prints and iterates
    /// in HashMap's bucket order, not in the written order.
    /// </summary>
    internal sealed class MapLiteral : Dictionary<string, object?>
    {
        private readonly Dictionary<string, int> _javaHashes = new Dictionary<string, int>(StringComparer.Ordinal);

        private readonly int _initialCapacity;

        public MapLiteral(int capacity)
            : base(capacity, StringComparer.Ordinal)
        {
            _initialCapacity = capacity;
        }

        /// <summary>Java's <c>put</c>: the key is kept by its printed form, ordered by its own Java hash (a Long hashes as a number).</summary>
        public void Put(object? key, object? value)
        {
            string text = PebbleValues.ToJavaString(key);
            this[text] = value;
            _javaHashes[text] = key is long l ? unchecked((int)(l ^ (long)((ulong)l >> 32))) : key is bool b ? (b ? 1231 : 1237) : JavaHash(text);
        }

        /// <summary>The entries in the order a Java HashMap of these keys would iterate them.</summary>
        public IEnumerable<KeyValuePair<string, object?>> InJavaOrder()
        {
            // new HashMap<>(n): a table of the next power of two, doubled whenever the size passes three quarters of it.
            int capacity = 1;
            while (capacity < Math.Max(_initialCapacity, 1)) capacity *= 2;
            while (Count > (int)(capacity * 0.75)) capacity *= 2;
            var entries = new List<KeyValuePair<string, object?>>(this);
            var buckets = new int[entries.Count];
            for (int i = 0; i < entries.Count; i++)
            {
                int h = _javaHashes.TryGetValue(entries[i].Key, out int known) ? known : JavaHash(entries[i].Key);
                buckets[i] = (h ^ (int)((uint)h >> 16)) & (capacity - 1);
            }

            var order = new int[entries.Count];
            for (int i = 0; i < order.Length; i++) order[i] = i;
            Array.Sort(order, (a, b) => buckets[a] != buckets[b] ? buckets[a].CompareTo(buckets[b]) : a.CompareTo(b));
            foreach (int i in order) yield return entries[i];
        }

        /// <summary>Java's <c>String.hashCode()</c>.</summary>
        public static int JavaHash(string text)
        {
            int h = 0;
            foreach (char c in text) h = unchecked((31 * h) + c);
            return h;
        }
    }
}
