using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Emulator
{
    /// <summary>One MockAPI resource: its records in creation order, indexed by id, and the next id to hand out.</summary>
    internal sealed class MockResource
    {
        private readonly List<JObject> _records = new List<JObject>();
        private readonly Dictionary<string, JObject> _byId = new Dictionary<string, JObject>(System.StringComparer.Ordinal);

        internal MockResource(long nextId)
        {
            NextId = nextId;
        }

        internal IReadOnlyList<JObject> Records => _records;

        /// <summary>
        /// Ids only grow, so a deleted record's id is never handed out again. The largest id handed out is 2^63-2:
        /// a <see cref="NextId"/> of 2^63-1 means every id is used (<see cref="IdsExhausted"/>), so ids never wrap to negative.
        /// </summary>
        internal long NextId { get; private set; }

        internal bool IdsExhausted => NextId == long.MaxValue;

        internal JObject? Find(string id) => _byId.TryGetValue(id, out JObject? record) ? record : null;

        /// <summary>Adds a seeded or loaded record, assigning an id when it has none.</summary>
        internal void AddExisting(JObject record)
        {
            if (record["id"] is JValue idValue && idValue.Type != JTokenType.Null)
            {
                string id = System.Convert.ToString(idValue.Value, CultureInfo.InvariantCulture) ?? string.Empty;
                record["id"] = id;
                if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long numeric))
                {
                    AtLeast(numeric == long.MaxValue ? long.MaxValue : numeric + 1);
                }
            }
            else
            {
                record["id"] = NextId.ToString(CultureInfo.InvariantCulture);
                NextId++;
            }

            Put(record);
        }

        /// <summary>Adds the record, or replaces the one with its id in place (so replaying a change twice is harmless).</summary>
        internal void Put(JObject record)
        {
            string id = (string?)record["id"] ?? string.Empty;
            if (_byId.TryGetValue(id, out JObject? existing))
            {
                _records[_records.IndexOf(existing)] = record;
            }
            else
            {
                _records.Add(record);
            }

            _byId[id] = record;
        }

        internal void Remove(string id)
        {
            if (_byId.TryGetValue(id, out JObject? existing))
            {
                _byId.Remove(id);
                _records.Remove(existing);
            }
        }

        /// <summary>Raises <see cref="NextId"/> to at least <paramref name="nextId"/> (never lowers it).</summary>
        internal void AtLeast(long nextId)
        {
            if (nextId > NextId)
            {
                NextId = nextId;
            }
        }
    }
}
