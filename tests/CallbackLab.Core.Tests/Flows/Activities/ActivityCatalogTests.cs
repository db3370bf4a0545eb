using System;
using System.Linq;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Flows.Simulation.Activities;
using CallbackLab.Core.Flows.Simulation.World;

namespace CallbackLab.Core.Tests.Flows.Activities
{
    /// <summary>The activity catalog agrees with the simulator: same types, and every port a run took is a port it lists.</summary>
    public sealed class ActivityCatalogTests
    {
        [Fact]
        public void TheCatalogAndTheSimulatorKnowTheSameTypes()
        {
            foreach (ActivityDescription description in ActivityCatalog.All.Where(d => d.Type != ActivityTypes.SubflowHandoff))
            {
                Assert.True(ActivityHandlers.IsKnown(description.Type), description.Type + " is described but not simulated");
            }

            // "start" is the FlowIR spelling the reader may produce for old start nodes; it is not a registry name.
            foreach (string type in ActivityHandlers.KnownTypes.Where(t => t != "start"))
            {
                Assert.True(ActivityCatalog.Find(type) != null, type + " is simulated but not described");
            }
        }

        [Fact]
        public void EveryWorldSettingTheCatalogNamesIsAnIvrWorldProperty()
        {
            var properties = typeof(IvrWorld).GetProperties().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            foreach (ActivityDescription description in ActivityCatalog.All)
            {
                Assert.All(description.World, setting => Assert.Contains(setting, properties));
            }
        }

        [Fact]
        public async Task EveryPortTheCasesLeaveByIsAPortTheCatalogLists()
        {
            foreach (ActivityCase c in ActivityCases.All.Values.Where(c => c.Port != null))
            {
                WxccFlow flow = ActivityFlows.Load(c.File);
                FlowActivity activity = flow.FindActivityByName(c.Activity)!;
                if (c.Outcome == SimulationOutcome.GlobalError && flow.FindLink(activity.Id, c.Port!) == null)
                {
                    continue; // an error with no port of its own: OnGlobalError took it
                }

                Assert.True(ActivityCatalog.PortsOf(activity)!.Contains(c.Port!), c.Name + ": " + activity.Type + " has no port " + c.Port + " in the catalog");
            }

            // The ports an export names: a Menu's digits, a Case's indexes.
            FlowActivity menu = ActivityFlows.Load("ivr-menu").FindActivityByName("MainMenu")!;
            Assert.Equal(new[] { "timeout", "invalid", "error", "1", "2" }, ActivityCatalog.PortsOf(menu));
            await Task.CompletedTask;
        }

        [Fact]
        public void AnUnknownTypeHasNoDescription() => Assert.Null(ActivityCatalog.Find("flow-test-activity"));
    }
}
