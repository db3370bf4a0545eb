using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Emulator
{
    /// <summary>One MockAPI resource: its records in creation order and the next id to hand out.</summary>
    internal sealed class MockResource
    {
        internal MockResource(long nextId)
        {
            NextId = nextId;
        }

        internal List<JObject> Records { get; } = new List<JObject>();

        /// <summary>Ids only grow, so a deleted record's id is never handed out again.</summary>
        internal long NextId { get; set; }

        internal JObject? Find(string id)
        {
            foreach (JObject record in Records)
            {
                if ((string?)record["id"] == id)
                {
                    return record;
                }
            }

            return null;
        }

        /// <summary>Adds a seeded or loaded record, assigning an id when it has none.</summary>
        internal void AddExisting(JObject record)
        {
            if (record["id"] is JValue idValue && idValue.Type != JTokenType.Null)
            {
                string id = System.Convert.ToString(idValue.Value, CultureInfo.InvariantCulture) ?? string.Empty;
                record["id"] = id;
                if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long numeric) && numeric >= NextId)
                {
                    NextId = numeric + 1;
                }
            }
            else
            {
                record["id"] = NextId.ToString(CultureInfo.InvariantCulture);
                NextId++;
            }

            Records.Add(record);
        }
    }
}
