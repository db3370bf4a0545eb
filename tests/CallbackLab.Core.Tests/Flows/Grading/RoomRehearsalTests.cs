using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;
using CallbackLab.Core.Flows.Grading;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Model;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.Flows.Grading
{
    /// <summary>
    /// A room of 40 attendees over the emulator: each has a DynVars record of their own (attendeeId, dn, entry point), half
    /// of them a flow broken at a lab step, and the grader names each broken one's step and passes the others.
    /// </summary>
    public sealed class RoomRehearsalTests : IDisposable
    {
        private const int Attendees = 40;

        private readonly string _seedPath = Path.Combine(Path.GetTempPath(), "callbacklab-room-" + Guid.NewGuid().ToString("N") + ".json");

        public void Dispose() => File.Delete(_seedPath);

        [Fact]
        public async Task FortyAttendeesAreGradedEachBrokenOneAtItsStepAndEachIntactOneWithItsOwnTask()
        {
            List<JObject> records = Enumerable.Range(1, Attendees).Select(Record).ToList();
            File.WriteAllText(_seedPath, new JArray(records).ToString());
            using LabEmulator emulator = LabEmulator.Start(new LabEmulatorOptions { SeedPath = _seedPath, RateLimitPerMinute = 10_000 });
            var connector = emulator.Connection;

            // Every other attendee breaks a step, going round every mutation; the rest built the lab as written.
            var broken = new Dictionary<string, LabFlowMutations.Mutation>();
            var flows = new List<WxccFlow>();
            foreach (JObject record in records)
            {
                string attendee = (string)record["attendeeId"]!;
                int number = int.Parse(attendee.AsSpan(1), CultureInfo.InvariantCulture);
                if (number % 2 == 0)
                {
                    LabFlowMutations.Mutation mutation = LabFlowMutations.All[(number / 2 - 1) % LabFlowMutations.All.Count];
                    broken[attendee] = mutation;
                    flows.Add(mutation.Flow(attendee));
                }
                else
                {
                    flows.Add(WxccFlowReader.Parse(LabFlowMutations.Rename(LabFlowMutations.LabExport(), AttendeeFlowName.ForAttendee(attendee)).ToString()));
                }
            }

            var grades = new List<LabGrade>();
            foreach (WxccFlow flow in flows)
            {
                // The attendee's DNIS from their DynVars record, found by the attendee id in the flow name (or the record's
                // position when the mutation renamed the flow).
                string? attendee = AttendeeFlowName.AttendeeId(flow.Name);
                JObject record = attendee != null ? records.Single(r => (string)r["attendeeId"]! == attendee) : records[flows.IndexOf(flow)];
                grades.Add(await LabGrader.GradeAsync(flow, new LabGradingOptions
                {
                    Dnis = "+1" + (string)record["dn"]!,
                    MockApiUri = emulator.MockApiUri,
                    Connector = connector,
                }));
            }

            Assert.Equal(Attendees, grades.Count);
            Assert.Equal(Attendees / 2, broken.Count);
            Assert.Equal(LabSteps.All.Select(s => s.Index), broken.Values.Select(m => m.Breaks.Index).Distinct().OrderBy(i => i));
            for (int i = 0; i < Attendees; i++)
            {
                LabGrade grade = grades[i];
                string attendee = (string)records[i]["attendeeId"]!;
                if (broken.TryGetValue(attendee, out LabFlowMutations.Mutation? mutation))
                {
                    Assert.False(grade.Passed, attendee + " " + mutation.Name);
                    Assert.True(mutation.Breaks.Index == grade.StepIndex, attendee + " " + mutation.Name + ": " + grade);
                    Assert.Equal(mutation.Breaks.Title, grade.Title);
                    continue;
                }

                Assert.True(grade.Passed, grade.ToString());
                Assert.Equal(attendee, grade.Attendee);
                Assert.Equal("+1" + (string)records[i]["dn"]!, grade.Dnis);
                RecordedTask task = emulator.Tasks.Single(t => t.Id == grade.Scenario!.TaskId);
                Assert.Equal((string)records[i]["outboundcallbackep"]!, task.EntryPointId);
                Assert.Equal((string)records[i]["tacnumber"]!, task.Destination);
            }
        }

        private static JObject Record(int number) => new JObject
        {
            ["attendeeId"] = "A" + number.ToString("00", CultureInfo.InvariantCulture),
            ["dn"] = "46940970" + number.ToString("00", CultureInfo.InvariantCulture),
            ["outboundcallbackep"] = new Guid(number, 0x4d41, 0x4a7b, 0x9e, 0x16, 0x0c, 0x7d, 0x2a, 0x4b, 0x6e, 0x58).ToString(),
            ["tacnumber"] = "1408526" + (7200 + number).ToString(CultureInfo.InvariantCulture),
            ["id"] = number.ToString(CultureInfo.InvariantCulture),
        };
    }
}
