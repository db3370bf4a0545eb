using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.MockApi;

namespace CallbackLab.Core.Flows.Grading
{
    /// <summary>
    /// Finds an attendee's DNIS in DynVars: the record whose <c>attendeeId</c> field is the attendee's id (a room's seed
    /// writes one record per attendee), dialled as <c>+1</c> and its <c>dn</c> (the flow's <c>slice(2)</c> drops the +1).
    /// </summary>
    public static class AttendeeRecords
    {
        /// <summary>The DynVars field that names a record's attendee.</summary>
        public const string AttendeeIdField = "attendeeId";

        /// <summary>What the lab's DNIS starts with before the dn (the lab's numbers are North American).</summary>
        public const string CountryPrefix = "+1";

        private const int PageSize = 100;

        // MockAPI keeps at most 100 records a resource; the bound only stops a server that ignores page from looping forever.
        private const int MaxPages = 100;

        /// <summary>The record of <paramref name="attendeeId"/> (ids compared without regard to case); null when none.</summary>
        public static DynVarsRecord? Find(IEnumerable<DynVarsRecord> records, string attendeeId)
        {
            if (records is null)
            {
                throw new ArgumentNullException(nameof(records));
            }

            return records.FirstOrDefault(r => string.Equals(AttendeeOf(r), attendeeId, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>The record's attendee id; null when it has none.</summary>
        public static string? AttendeeOf(DynVarsRecord record)
        {
            if (record is null)
            {
                throw new ArgumentNullException(nameof(record));
            }

            foreach (KeyValuePair<string, object?> field in record.OtherFields)
            {
                if (string.Equals(field.Key, AttendeeIdField, StringComparison.OrdinalIgnoreCase) && field.Value != null)
                {
                    return Convert.ToString(field.Value, System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            return null;
        }

        /// <summary>The number a caller dials to reach the record's flow; null when the record has no dn.</summary>
        public static string? DnisOf(DynVarsRecord record)
        {
            if (record is null)
            {
                throw new ArgumentNullException(nameof(record));
            }

            return NullableStrings.IsNullOrEmpty(record.Dn) ? null : CountryPrefix + record.Dn;
        }

        /// <summary>Every record of the DynVars resource, page by page.</summary>
        public static async Task<IReadOnlyList<DynVarsRecord>> ReadAllAsync(MockApiClient client, CancellationToken cancellationToken)
        {
            if (client is null)
            {
                throw new ArgumentNullException(nameof(client));
            }

            var records = new List<DynVarsRecord>();
            var query = new DynVarsQuery();
            for (int page = 1; page <= MaxPages; page++)
            {
                DynVarsPage answer = await client.FindAsync(query.ForPage(page, PageSize), cancellationToken).ConfigureAwait(false);
                records.AddRange(answer.Records);
                if (answer.Received < PageSize)
                {
                    break;
                }
            }

            return records;
        }
    }
}
