using System;
using CallbackLab.Core.Flows.Simulation.World;

namespace CallbackLab.Core.Tests.Flows.World
{
    /// <summary>The one-line forms of the world's lists, for CSV cells and hashtable values.</summary>
    public sealed class WorldTextTests
    {
        [Fact]
        public void ShiftsReadNamesDaysAndTimes()
        {
            var shifts = WorldText.ParseShifts("OpenHours=Mon-Fri 09:00-17:00; Sat 10:00-14:30 ;");
            Assert.Equal(2, shifts.Count);
            Assert.Equal(("OpenHours", "Mon-Fri", TimeSpan.FromHours(9), TimeSpan.FromHours(17)), (shifts[0].Name, shifts[0].Days, shifts[0].Start, shifts[0].End));
            Assert.Equal(("WorkingHours", "Sat", new TimeSpan(14, 30, 0)), (shifts[1].Name, shifts[1].Days, shifts[1].End));
        }

        [Theory]
        [InlineData("Mon-Fri 9-17")]
        [InlineData("Mon-Fri")]
        [InlineData("Moonday 09:00-17:00")]
        [InlineData("Mon 09:00-25:00")]
        public void AShiftThatDoesNotReadSaysWhich(string text) =>
            Assert.Contains("'", Assert.Throws<FormatException>(() => WorldText.ParseShifts(text)).Message);

        [Fact]
        public void PeriodsReadDaysAndRanges()
        {
            var periods = WorldText.ParsePeriods("Christmas=2026-12-25; LateOpening=2026-12-24T18:00/2026-12-24T20:00; 2027-01-01");
            Assert.Equal(("Christmas", new DateTime(2026, 12, 25), (DateTime?)null), (periods[0].Name, periods[0].Start, periods[0].End));
            Assert.Equal((new DateTime(2026, 12, 24, 18, 0, 0), (DateTime?)new DateTime(2026, 12, 24, 20, 0, 0)), (periods[1].Start, periods[1].End));
            Assert.Equal("2027-01-01", periods[2].Name);
            Assert.True(periods[0].Contains(new DateTime(2026, 12, 25, 23, 59, 0)));
            Assert.False(periods[0].Contains(new DateTime(2026, 12, 26)));
            Assert.Throws<FormatException>(() => WorldText.ParsePeriods("Xmas=25/12/2026"));
        }

        [Fact]
        public void TurnsReadTheActivityTheEndAndTheOutputs()
        {
            var turns = WorldText.ParseTurns("Escalated LastIntent=agent, reason=billing; Billing:callerhungup");
            Assert.Equal((VirtualAgentTurnEnd.Escalated, (string?)null), (turns[0].End, turns[0].ActivityName));
            Assert.Equal("agent", turns[0].Outputs["LastIntent"]);
            Assert.Equal("billing", turns[0].Outputs["REASON"]);
            Assert.Equal((VirtualAgentTurnEnd.CallerHungUp, "Billing"), (turns[1].End, turns[1].ActivityName));
            Assert.Contains("Handled, Escalated", Assert.Throws<FormatException>(() => WorldText.ParseTurns("Transferred")).Message);
            Assert.Throws<FormatException>(() => WorldText.ParseTurns("7"));
            Assert.Throws<FormatException>(() => WorldText.ParseTurns("Handled intent"));
        }
    }
}
