using System;
using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;

namespace CallbackLab.Core.Tests.Reports
{
    /// <summary>What a rendered report must show of a run, in any browser: the steps, the visited activities in order, the links taken.</summary>
    internal static class ReportAssertions
    {
        internal static void StepsMatch(IvrSimulationResult result, RenderedReport page)
        {
            IReadOnlyList<Dictionary<string, string>> rows = page.StepRows;
            Assert.Equal(result.Path, rows.Select(r => r["data-activity"]));
            Assert.Equal(result.Steps.Select(s => s.Port ?? string.Empty), rows.Select(r => r["data-port"]));
            Assert.Equal(result.Steps.Select(s => s.Flow), rows.Select(r => r["data-flow"]));
        }

        internal static void NodesMatch(IvrSimulationResult result, RenderedReport page, Func<SimulationStep, bool> onCanvas)
        {
            var expected = result.Steps.Where(onCanvas).GroupBy(s => s.ActivityName)
                .ToDictionary(g => g.Key, g => g.Select(s => s.Index + 1).ToList());
            Assert.NotEmpty(expected);
            foreach (KeyValuePair<string, List<int>> pair in expected)
            {
                Dictionary<string, string> node = page.Node(pair.Key);
                Assert.True(RenderedReport.HasClass(node, "visited"), pair.Key);
                Assert.Equal(pair.Value, RenderedReport.Order(node));
            }

            Assert.Equal(expected.Count, page.Nodes.Count(n => RenderedReport.HasClass(n, "visited")));
        }

        internal static void TakenEdgesMatch(IvrSimulationResult result, RenderedReport page, WxccFlow flow, Func<SimulationStep, bool> onCanvas)
        {
            var expected = result.Steps.Where(onCanvas).Where(s => s.Port != null && flow.FindLink(s.ActivityId, s.Port) != null)
                .Select(s => flow.FindLink(s.ActivityId, s.Port!)!.Id).Distinct().OrderBy(x => x, StringComparer.Ordinal).ToList();
            Assert.NotEmpty(expected);
            List<string> drawn = page.Edges.Where(e => RenderedReport.HasClass(e, "taken")).Select(e => e["data-link"]).OrderBy(x => x, StringComparer.Ordinal).ToList();
            Assert.Equal(expected, drawn);
        }
    }
}
