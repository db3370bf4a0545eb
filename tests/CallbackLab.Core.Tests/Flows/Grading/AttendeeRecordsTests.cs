using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;
using CallbackLab.Core.Flows.Grading;
using CallbackLab.Core.Http;
using CallbackLab.Core.MockApi;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.Flows.Grading
{
    /// <summary>An attendee's DNIS from the DynVars records a room's seed writes, read from the emulator over 127.0.0.1.</summary>
    public sealed class AttendeeRecordsTests : IDisposable
    {
        private readonly string _seedPath = Path.Combine(Path.GetTempPath(), "callbacklab-attendees-" + Guid.NewGuid().ToString("N") + ".json");

        public void Dispose() => File.Delete(_seedPath);

        [Fact]
        public async Task EveryPageIsReadAndEachAttendeeFindsTheirOwnRecordWithoutRegardToCase()
        {
            // 130 records: more than one page of 100, so a reader that stops after the first page misses the last 30.
            var seed = new JArray(Enumerable.Range(1, 130).Select(i => new JObject
            {
                ["attendeeId"] = "att" + i,
                ["dn"] = (9720000000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["outboundcallbackep"] = "ep-" + i,
                ["tacnumber"] = "14085267209",
                ["id"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }));
            File.WriteAllText(_seedPath, seed.ToString());
            using LabEmulator emulator = LabEmulator.Start(new LabEmulatorOptions { SeedPath = _seedPath, RecordLimit = null });
            var http = new ApiHttpClient(new ApiClientOptions { MaximumRetryCount = 0 });

            var records = await AttendeeRecords.ReadAllAsync(new MockApiClient(emulator.MockApiUri, http), CancellationToken.None);

            Assert.Equal(130, records.Count);
            DynVarsRecord last = AttendeeRecords.Find(records, "ATT130")!;
            Assert.Equal("att130", AttendeeRecords.AttendeeOf(last));
            Assert.Equal("+19720000130", AttendeeRecords.DnisOf(last));
            Assert.Null(AttendeeRecords.Find(records, "att131"));
        }

        [Fact]
        public void ARecordWithoutAnAttendeeOrADnHasNone()
        {
            DynVarsRecord record = DynVarsRecord.FromJson(new JObject { ["id"] = "1", ["tacnumber"] = "14085267209" });
            Assert.Null(AttendeeRecords.AttendeeOf(record));
            Assert.Null(AttendeeRecords.DnisOf(record));
            Assert.Null(AttendeeRecords.Find(new[] { record }, "A01"));
        }
    }
}
