using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;

namespace CallbackLab.Core.Reports
{
    /// <summary>
    /// Which flows (the main flow and the subflows it could hand off to) each simulation result ran, so a report of results
    /// made in this process draws their canvases without being given the exports again. Weak: it never keeps a result alive.
    /// </summary>
    public static class SimulatedFlows
    {
        private static readonly ConditionalWeakTable<IvrSimulationResult, IReadOnlyList<WxccFlow>> s_flows =
            new ConditionalWeakTable<IvrSimulationResult, IReadOnlyList<WxccFlow>>();

        /// <summary>The flows <paramref name="result"/> ran, main flow first; empty for a result made elsewhere.</summary>
        public static IReadOnlyList<WxccFlow> Of(IvrSimulationResult result)
        {
            if (result is null) throw new ArgumentNullException(nameof(result));
            return s_flows.TryGetValue(result, out IReadOnlyList<WxccFlow>? flows) ? flows : Array.Empty<WxccFlow>();
        }

        internal static void Remember(IvrSimulationResult result, WxccFlow flow, IEnumerable<WxccFlow> subflows)
        {
            IReadOnlyList<WxccFlow> flows = new[] { flow }.Concat(subflows.Where(s => s != null && s != flow)).ToList();
            // netstandard2.0 has no AddOrUpdate: remove first, so remembering a result twice keeps the last flows.
            s_flows.Remove(result);
            s_flows.Add(result, flows);
        }
    }
}
