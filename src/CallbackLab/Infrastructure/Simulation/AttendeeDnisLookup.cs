using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Grading;
using CallbackLab.Core.Http;
using CallbackLab.Core.MockApi;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// An attendee's DNIS from DynVars, for Test-CallbackFlow -Flow: the records are read once per pipeline (per MockAPI
    /// address) and each flow's attendee is looked up in them, so grading a room of 40 asks MockAPI once, not 40 times.
    /// </summary>
    internal sealed class AttendeeDnisLookup
    {
        private Uri? _readFrom;
        private IReadOnlyList<DynVarsRecord>? _records;

        /// <summary>True when the records of <paramref name="mockApiUri"/> still have to be read.</summary>
        internal bool MustRead(Uri mockApiUri) => _records == null || _readFrom != mockApiUri;

        /// <summary>
        /// The DNIS of <paramref name="attendeeId"/>: the records of <paramref name="mockApiUri"/> are read through
        /// <paramref name="runSync"/> (the cmdlet's, so Ctrl+C cancels) unless already read; null when no record has that
        /// attendee and a dn.
        /// </summary>
        /// <exception cref="ApiException">MockAPI did not answer the read.</exception>
        internal string? Find(
            Uri mockApiUri, string attendeeId, Func<Func<CancellationToken, Task<IReadOnlyList<DynVarsRecord>>>, IReadOnlyList<DynVarsRecord>> runSync)
        {
            if (MustRead(mockApiUri))
            {
                var client = new MockApiClient(mockApiUri, new ApiHttpClient());
                _records = runSync(token => AttendeeRecords.ReadAllAsync(client, token));
                _readFrom = mockApiUri;
            }

            DynVarsRecord? record = AttendeeRecords.Find(_records!, attendeeId);
            return record == null ? null : AttendeeRecords.DnisOf(record);
        }
    }
}
