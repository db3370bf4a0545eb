using System;
using System.Linq;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Flows.Simulation.World;
using static CallbackLab.Core.Tests.Flows.TestFlowBuilder;

namespace CallbackLab.Core.Tests.Flows.World
{
    /// <summary>The world model: its defaults, what a run records as assumed, and how options and world combine.</summary>
    public sealed class WorldModelTests
    {
        private static readonly DateTimeOffset s_tuesday = new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);

        private static WxccFlow HoursFlow() => new TestFlowBuilder()
            .Activity("Hours", "business-hours")
            .Activity("Open", "end-flow").Activity("Closed", "end-flow")
            .Link("NewPhoneContact", "out", "Hours").Link("Hours", "workingHours", "Open").Link("Hours", "default", "Closed")
            .Build();

        [Theory]
        [InlineData("Mon-Fri", DayOfWeek.Wednesday, true)]
        [InlineData("Mon-Fri", DayOfWeek.Saturday, false)]
        [InlineData("Fri-Mon", DayOfWeek.Sunday, true)]
        [InlineData("Fri-Mon", DayOfWeek.Tuesday, false)]
        [InlineData("Monday, Wednesday", DayOfWeek.Wednesday, true)]
        [InlineData("Sat;Sun", DayOfWeek.Monday, false)]
        [InlineData("*", DayOfWeek.Thursday, true)]
        public void ADayListReadsRangesListsAndWrapArounds(string days, DayOfWeek day, bool included) =>
            Assert.Equal(included, BusinessHoursCalendar.IncludesDay(days, day));

        [Fact]
        public void ADayThatIsNotADaySaysWhich()
        {
            FormatException error = Assert.Throws<FormatException>(() => BusinessHoursCalendar.IncludesDay("Mon-Fryday", DayOfWeek.Monday));
            Assert.Contains("'Fryday'", error.Message);
        }

        [Theory]
        [InlineData(2026, 12, 4, 23, 30, "workingHours")] // Friday 23:30: the night shift has begun
        [InlineData(2026, 12, 5, 5, 59, "workingHours")]  // Saturday 05:59: still Friday's night shift
        [InlineData(2026, 12, 5, 6, 0, "default")]        // Saturday 06:00: it has ended
        [InlineData(2026, 12, 4, 21, 59, "default")]      // Friday before it starts
        public void AShiftPastMidnightBelongsToTheDayItStarts(int y, int m, int d, int h, int min, string port)
        {
            var schedule = new BusinessHoursSchedule
            {
                WorkingHours = { new WorkingHoursShift { Name = "Night", Days = "Fri", Start = TimeSpan.FromHours(22), End = TimeSpan.FromHours(6) } },
            };
            Assert.Equal(port, BusinessHoursCalendar.Evaluate(schedule, new DateTime(y, m, d, h, min, 0), out string name));
            Assert.Equal(port == "workingHours" ? "Night" : string.Empty, name);
        }

        [Fact]
        public void AnOverrideWinsOverAHolidayAndAHolidayOverWorkingHours()
        {
            var day = new DateTime(2026, 12, 24);
            var schedule = new BusinessHoursSchedule
            {
                WorkingHours = { new WorkingHoursShift { Days = "*", Start = TimeSpan.Zero, End = TimeSpan.FromHours(23) } },
                Holidays = { new BusinessHoursPeriod { Name = "Eve", Start = day } },
                Overrides = { new BusinessHoursPeriod { Name = "Open late", Start = day.AddHours(18), End = day.AddHours(20) } },
            };
            Assert.Equal("override", BusinessHoursCalendar.Evaluate(schedule, day.AddHours(19), out string over));
            Assert.Equal("Open late", over);
            Assert.Equal("holidays", BusinessHoursCalendar.Evaluate(schedule, day.AddHours(10), out string holiday));
            Assert.Equal("Eve", holiday);
            Assert.Equal("workingHours", BusinessHoursCalendar.Evaluate(schedule, day.AddDays(1).AddHours(10), out _));
        }

        [Fact]
        public async Task TheWorldsTimeZoneMovesTheVirtualClockOntoTheSchedule()
        {
            var world = new IvrWorld
            {
                TimeZone = "Asia/Tokyo",
                BusinessHours = new BusinessHoursSchedule { WorkingHours = { new WorkingHoursShift { Days = "Mon-Fri", Start = TimeSpan.FromHours(9), End = TimeSpan.FromHours(17) } } },
            };
            // 15:00 UTC on s_tuesday is 00:00 on Wednesday in Tokyo: closed there, open in UTC.
            IvrSimulationResult tokyo = await new IvrSimulator().RunAsync(HoursFlow(), new IvrSimulationOptions { StartTime = s_tuesday, World = world });
            Assert.Equal("Closed", tokyo.Path[^1]);
            world.TimeZone = null;
            IvrSimulationResult utc = await new IvrSimulator().RunAsync(HoursFlow(), new IvrSimulationOptions { StartTime = s_tuesday, World = world });
            Assert.Equal("Open", utc.Path[^1]);
            AssumedWorldEntry zone = Assert.Single(utc.AssumedWorld);
            Assert.Equal((nameof(IvrWorld.TimeZone), "UTC", "Hours"), (zone.Setting, zone.Value, zone.ActivityName));
        }

        [Fact]
        public async Task WithoutAStartTimeTheRunStartsNowAndSaysSo()
        {
            DateTimeOffset before = DateTimeOffset.UtcNow;
            IvrSimulationResult result = await new IvrSimulator().RunAsync(HoursFlow(), new IvrSimulationOptions());
            AssumedWorldEntry start = result.AssumedWorld.Single(a => a.Setting == nameof(IvrWorld.StartTime));
            Assert.InRange(DateTimeOffset.Parse(start.Value, System.Globalization.CultureInfo.InvariantCulture), before, DateTimeOffset.UtcNow);
            Assert.Equal(string.Empty, start.ActivityName);
            Assert.Contains(result.AssumedWorld, a => a.Setting == nameof(IvrWorld.BusinessHoursStatus));
        }

        [Fact]
        public async Task TheOptionsStartTimeAndAgentWinOverTheWorlds()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Variable("at", "STRING", null)
                .Activity("Stamp", "set-variable", Props(("srcVariable", "at"), ("expr", "{{ now() | date(\"yyyy-MM-dd\") }}")))
                .Activity("Queue", "queue-contact", Props(("destination", "Q1")))
                .Activity("Hold", "play-music", Props(("duration", "5")))
                .Link("NewPhoneContact", "out", "Stamp").Link("Stamp", "out", "Queue").Link("Queue", "default", "Hold").Link("Hold", "default", "Hold")
                .Build();
            var world = new IvrWorld { StartTime = new DateTimeOffset(2030, 1, 2, 0, 0, 0, TimeSpan.Zero), AgentAvailableAfter = TimeSpan.FromSeconds(50) };
            IvrSimulationResult worldOnly = await new IvrSimulator().RunAsync(flow, new IvrSimulationOptions { World = world });
            Assert.Equal("2030-01-02", worldOnly.Variables["at"]);
            Assert.Equal(TimeSpan.FromSeconds(50), worldOnly.Duration);
            Assert.Empty(worldOnly.AssumedWorld);

            IvrSimulationResult both = await new IvrSimulator().RunAsync(flow, new IvrSimulationOptions { World = world, StartTime = s_tuesday, AgentAvailableAfter = TimeSpan.FromSeconds(10) });
            Assert.Equal("2026-12-01", both.Variables["at"]);
            Assert.Equal(TimeSpan.FromSeconds(10), both.Duration);
        }

        [Fact]
        public async Task EachDefaultIsRecordedOnceByTheFirstActivityThatNeedsIt()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Activity("Info1", "queue-lookup", Props(("destination", "Q1")))
                .Activity("Info2", "queue-lookup", Props(("destination", "Q1")))
                .Link("NewPhoneContact", "out", "Info1").Link("Info1", "default", "Info2")
                .Build();
            IvrSimulationResult result = await new IvrSimulator().RunAsync(flow, new IvrSimulationOptions { StartTime = s_tuesday, World = { PositionInQueue = 2 } });
            Assert.Equal(
                new[] { nameof(IvrWorld.LoggedOnAgents), nameof(IvrWorld.AvailableAgents), nameof(IvrWorld.EstimatedWaitTime) },
                result.AssumedWorld.Select(a => a.Setting).ToArray());
            Assert.All(result.AssumedWorld, a => Assert.Equal("Info1", a.ActivityName));
            Assert.Equal("00:01:00", result.AssumedWorld.Single(a => a.Setting == nameof(IvrWorld.EstimatedWaitTime)).Value);
        }

        [Fact]
        public async Task TheStartActivityReportsTheWorldsCallMetadataElseTheDefaults()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Variable("url", "STRING", null)
                .Activity("Url", "set-variable", Props(("srcVariable", "url"), ("expr", "/{{ NewPhoneContact.OrgId }}/{{ NewPhoneContact.Headers[\"x-lang\"] }}/{{ NewPhoneContact.PSTNRegion }}")))
                .Link("NewPhoneContact", "out", "Url")
                .Build();
            var world = new IvrWorld { CallMetadata = { ["OrgId"] = "org-7", ["Headers"] = "{\"x-lang\":\"fr\"}" } };
            IvrSimulationResult result = await new IvrSimulator().RunAsync(flow, new IvrSimulationOptions { StartTime = s_tuesday, World = world });
            Assert.Equal("/org-7/fr/US", result.Variables["url"]);
            Assert.Empty(result.Steps[0].ModifiedVariables);
        }

        [Fact]
        public async Task ScriptedTurnsAreTakenInOrderAndOnlyByTheActivityTheyName()
        {
            WxccFlow flow = new TestFlowBuilder()
                .Activity("Greeter", "ivr-virtualassistantvoice")
                .Activity("Billing", "ivr-virtualassistantvoice")
                .Activity("Agent", "end-flow").Activity("Done", "end-flow")
                .Link("NewPhoneContact", "out", "Greeter").Link("Greeter", "ENDED", "Billing").Link("Greeter", "ESCALATE", "Agent")
                .Link("Billing", "ENDED", "Done").Link("Billing", "ESCALATE", "Agent")
                .Build();
            var world = new IvrWorld();
            world.VirtualAgentTurns.Add(new VirtualAgentTurn { ActivityName = "Billing", End = VirtualAgentTurnEnd.Escalated });
            world.VirtualAgentTurns.Add(new VirtualAgentTurn { End = VirtualAgentTurnEnd.Handled, Outputs = { ["StateEventName"] = "greeted" } });
            IvrSimulationResult result = await new IvrSimulator().RunAsync(flow, new IvrSimulationOptions { StartTime = s_tuesday, World = world });
            Assert.Equal(new[] { "NewPhoneContact", "Greeter", "Billing", "Agent" }, result.Path);
            Assert.Equal("greeted", result.Outputs["Greeter.StateEventName"]);
            Assert.Empty(result.AssumedWorld);
        }
    }
}
