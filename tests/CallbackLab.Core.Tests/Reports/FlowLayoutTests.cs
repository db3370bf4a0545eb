using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Reports;
using CallbackLab.Core.Tests.Flows;

namespace CallbackLab.Core.Tests.Reports
{
    public sealed class FlowLayoutTests
    {
        public static IEnumerable<object[]> SampleExports() =>
            Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "Flows"), "*.json")
                .Select(p => new object[] { Path.GetFileNameWithoutExtension(p) });

        [Fact]
        public void TheSampleExportsAreAllHere()
        {
            // The theories below run once per export: a missing copy would shrink them silently.
            Assert.True(SampleExports().Count() >= 10, "expected the ten sample exports of /work/shared/flows under tests/TestData/Flows");
        }

        [Theory]
        [MemberData(nameof(SampleExports))]
        public void EveryActivityOfASampleExportSitsWhereTheExportPutsIt(string name)
        {
            WxccFlow flow = SampleFlows.Load(name);
            IReadOnlyList<FlowCanvas> canvases = FlowLayout.Build(flow);
            // An activity two event flows lead to is on both their canvases, at the same place.
            Dictionary<string, CanvasNode> nodes = canvases.SelectMany(c => c.Nodes).GroupBy(n => n.ActivityId).ToDictionary(g => g.Key, g => g.First());
            Assert.All(canvases.SelectMany(c => c.Nodes), n => Assert.Equal((nodes[n.ActivityId].X, nodes[n.ActivityId].Y), (n.X, n.Y)));

            // Every activity but the triggers no link leaves (an empty event flow has nothing to draw).
            foreach (FlowActivity activity in flow.Activities.Concat(flow.EventFlows.Activities.Where(a => a.EventName == null || flow.OutgoingLinks(a.Id).Any())))
            {
                Assert.True(nodes.TryGetValue(activity.Id, out CanvasNode? node), activity.Name + " has no node");
                DiagramActivity widget = flow.Diagram.FindActivity(activity.Id)
                    ?? throw new Xunit.Sdk.XunitException(name + ": the reader kept no widget for " + activity.Name);
                Assert.True(node!.PlacedByExport, activity.Name);
                Assert.Equal(widget.Position.X, node.X);
                Assert.Equal(widget.Position.Y, node.Y);
                Assert.True(node.Width > 0 && node.Height > 0);
            }

            Assert.Equal(flow.Activities.Count, canvases.Single(c => c.Kind == CanvasKind.Main).Nodes.Count);
        }

        [Theory]
        [MemberData(nameof(SampleExports))]
        public void EveryLinkOfASampleExportHasTwoEndsAtItsPorts(string name)
        {
            WxccFlow flow = SampleFlows.Load(name);
            IReadOnlyList<FlowCanvas> canvases = FlowLayout.Build(flow);
            List<string> edges = canvases.SelectMany(c => c.Edges).Select(e => e.LinkId).Distinct().ToList();
            Assert.Equal(flow.Links.Count + flow.EventFlows.Links.Count, edges.Count);

            foreach (FlowCanvas canvas in canvases)
            {
                Dictionary<string, CanvasNode> nodes = canvas.Nodes.ToDictionary(n => n.ActivityId);
                foreach (CanvasEdge edge in canvas.Edges)
                {
                    Assert.True(edge.Points.Count >= 2, edge.LinkId);
                    CanvasNode source = nodes[edge.SourceActivityId];
                    CanvasNode target = nodes[edge.TargetActivityId];
                    CanvasPort port = source.Ports.Single(p => !p.IsInput && string.Equals(p.Name, edge.Port, StringComparison.OrdinalIgnoreCase));
                    CanvasPort entry = target.Ports.First(p => p.IsInput);
                    // The export draws links from a hair right of the port circle; 20 units is well under one port row.
                    Assert.True(Distance(edge.Points[0], port.X, port.Y) < 20, name + ": " + edge.LinkId + " does not start at port " + edge.Port);
                    Assert.True(Distance(edge.Points[edge.Points.Count - 1], entry.X, entry.Y) < 20, name + ": " + edge.LinkId + " does not end at the entry of " + target.Name);
                }
            }
        }

        [Fact]
        public void EachWiredEventFlowOfTheCarsFlowIsItsOwnCanvasWithWhatItsTriggerLeadsTo()
        {
            WxccFlow flow = SampleFlows.Load("Cars_Export_voice");
            List<FlowCanvas> events = FlowLayout.Build(flow).Where(c => c.Kind == CanvasKind.EventFlows).ToList();
            List<FlowActivity> wired = flow.EventFlows.Activities.Where(a => a.EventName != null && flow.OutgoingLinks(a.Id).Any()).ToList();
            Assert.Equal(3, wired.Count); // AgentDisconnected, PhoneContactEnded, AgentAnswered: the other seven triggers are empty
            Assert.Equal(wired.Select(t => FlowLayout.EventKey(flow.Name, t.EventName!)), events.Select(c => c.Key));
            foreach (FlowActivity trigger in wired)
            {
                FlowCanvas canvas = events.Single(c => c.Key == FlowLayout.EventKey(flow.Name, trigger.EventName!));
                Assert.Equal("Event flow " + trigger.EventName, canvas.Title);
                Assert.Single(canvas.Nodes, n => flow.FindActivity(n.ActivityId)!.EventName != null);
                // Closed under the links: every link leaving a node of the canvas is drawn and ends on it.
                var ids = canvas.Nodes.Select(n => n.ActivityId).ToHashSet();
                Assert.All(flow.EventFlows.Links.Where(l => ids.Contains(l.SourceActivityId)), l =>
                {
                    Assert.Contains(l.TargetActivityId, ids);
                    Assert.Contains(canvas.Edges, e => e.LinkId == l.Id);
                });
            }

            // Together they hold every event-flow activity but the empty triggers.
            Assert.Equal(flow.EventFlows.Activities.Count(a => a.EventName == null) + wired.Count, events.SelectMany(c => c.Nodes).Select(n => n.ActivityId).Distinct().Count());
        }

        [Fact]
        public void TheLabsEventFlowIsLaidOutFromItsTrigger()
        {
            FlowCanvas onError = FlowLayout.Build(LabFlow.Flow).Single(c => c.Kind == CanvasKind.EventFlows);
            Assert.Equal(FlowLayout.EventKey(LabFlow.Flow.Name, "OnGlobalError"), onError.Key);
            CanvasNode trigger = onError.Nodes.Single(n => n.Name == "GlobalErrorHandling");
            Assert.All(onError.Nodes.Where(n => n != trigger), n => Assert.True(n.X > trigger.X, n.Name + " is not right of the trigger"));
            Assert.DoesNotContain(onError.Nodes, n => n.Name == "ContactEnded"); // an empty event flow
        }

        [Fact]
        public void TheCarsFlowKeepsItsPortNames()
        {
            WxccFlow flow = SampleFlows.Load("Cars_Export_voice");
            FlowCanvas main = FlowLayout.Build(flow).Single(c => c.Kind == CanvasKind.Main);
            Assert.Equal(31, main.Nodes.Count);
            CanvasNode check = main.Nodes.Single(n => n.Name == "No_ANI_check");
            Assert.Equal(new[] { "in", "true", "false", "error" }, check.Ports.Select(p => p.Name));
        }

        [Fact]
        public void AFlowWithoutACanvasIsLaidOutInColumnsWithoutOverlap()
        {
            WxccFlow flow = LabFlow.Flow;
            Assert.All(flow.Activities, a => Assert.Null(flow.Diagram.FindActivity(a.Id)));
            IReadOnlyList<FlowCanvas> canvases = FlowLayout.Build(flow);
            List<CanvasNode> main = canvases.Single(c => c.Kind == CanvasKind.Main).Nodes.ToList();
            Assert.Equal(flow.Activities.Count, main.Count);
            Assert.All(main, n => Assert.False(n.PlacedByExport));
            for (int i = 0; i < main.Count; i++)
            {
                for (int j = i + 1; j < main.Count; j++)
                {
                    Assert.False(Overlap(main[i], main[j]), main[i].Name + " overlaps " + main[j].Name);
                }
            }

            // Columns follow the links: the start comes first, the menu after the welcome message.
            CanvasNode start = main.Single(n => n.Name == "NewPhoneContact");
            Assert.True(main.Single(n => n.Name == "WelcomeMessage").X > start.X);
            Assert.True(main.Single(n => n.Name == "WantCallback").X > main.Single(n => n.Name == "WelcomeMessage").X);
            Assert.All(canvases.SelectMany(c => c.Edges), e => Assert.True(e.Points.Count >= 2));
        }

        [Fact]
        public void ALinkToAMissingActivityStillHasTwoEnds()
        {
            WxccFlow flow = new TestFlowBuilder().Link("NewPhoneContact", "default", "Nowhere").Build();
            CanvasEdge edge = FlowLayout.Build(flow)[0].Edges.Single();
            Assert.Equal(2, edge.Points.Count);
            Assert.True(edge.Points[1].X > edge.Points[0].X);
        }

        [Fact]
        public void AWidgetOfAnUnexpectedShapeIsLeftOutAndTheActivityLaidOutInstead()
        {
            var export = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(SampleFlows.PathOf("flow_template")));
            var widgets = (Newtonsoft.Json.Linq.JObject)export["diagram"]!["widgets"]!;
            string broken = widgets.Properties().First(p => (string?)p.Value["widgetType"] == "activity").Name;
            widgets[broken]!["point"] = new Newtonsoft.Json.Linq.JArray(1, 2);
            foreach (Newtonsoft.Json.Linq.JProperty widget in widgets.Properties().Where(p => p.Name != broken))
            {
                widget.Value["widgetType"] = new Newtonsoft.Json.Linq.JArray();
            }

            WxccFlow flow = WxccFlowReader.Parse(export.ToString());
            Assert.All(flow.Activities, a => Assert.Null(flow.Diagram.FindActivity(a.Id)));
            FlowCanvas main = FlowLayout.Build(flow).Single(c => c.Kind == CanvasKind.Main);
            Assert.Equal(flow.Activities.Count, main.Nodes.Count);
            Assert.All(main.Nodes, n => Assert.False(n.PlacedByExport));
        }

        private static bool Overlap(CanvasNode a, CanvasNode b) =>
            a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;

        private static double Distance(DiagramPoint p, double x, double y) => Math.Sqrt((p.X - x) * (p.X - x) + (p.Y - y) * (p.Y - y));
    }
}
