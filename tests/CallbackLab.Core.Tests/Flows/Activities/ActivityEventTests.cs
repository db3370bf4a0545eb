using System;
using System.Linq;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;

namespace CallbackLab.Core.Tests.Flows.Activities
{
    /// <summary>Events an activity raises name the activity (its id and label); the flow's own events name none.</summary>
    public sealed class ActivityEventTests
    {
        [Fact]
        public async Task EveryActivityEventOfTheTourNamesTheStepThatRaisedIt()
        {
            WxccFlow tour = ActivityFlows.Load("activity_tour");
            IvrSimulationResult result = await new IvrSimulator().RunAsync(tour, new IvrSimulationOptions
            {
                Ani = "+14085550123",
                InteractionId = "events",
                StartTime = new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero),
            });

            SimulationEvent[] raised = result.Events.Where(e => e.Payload != null).ToArray();
            Assert.Contains(raised, e => e.Name == "ScreenPop");
            Assert.Contains(raised, e => e.Name == "StartMediaStream");
            foreach (SimulationEvent e in raised)
            {
                SimulationStep step = Assert.Single(result.Steps, s => s.ActivityId == e.ActivityId);
                Assert.Equal(step.ActivityName, e.ActivityName);
                Assert.Equal(tour.FindActivity(e.ActivityId!)!.Name, e.ActivityName);
            }

            Assert.Equal("PopCrm", raised.Single(e => e.Name == "ScreenPop").ActivityName);
            Assert.All(result.Events.Where(e => e.Payload == null), e => Assert.Null(e.ActivityId));
            Assert.Contains(result.Events, e => e.Name == FlowEvents.NewPhoneContact && e.ActivityName == null);
        }
    }
}
