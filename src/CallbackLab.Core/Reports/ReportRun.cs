using System.Collections.Generic;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;

namespace CallbackLab.Core.Reports
{
    /// <summary>One call of a report: the result, the flow it ran (when known) and the canvas each step is drawn on.</summary>
    public sealed class ReportRun
    {
        internal ReportRun(int number, IvrSimulationResult result, WxccFlow? flow, IReadOnlyList<string> stepCanvases,
            IReadOnlyList<ReportTab> tabs, IReadOnlyList<string> stepTabs)
        {
            Number = number;
            Result = result;
            Flow = flow;
            StepCanvases = stepCanvases;
            Tabs = tabs;
            StepTabs = stepTabs;
        }

        /// <summary>1-based position in the report.</summary>
        public int Number { get; }

        /// <summary>The simulation result.</summary>
        public IvrSimulationResult Result { get; }

        /// <summary>The flow the call ran; null when the report was given no export of that name.</summary>
        public WxccFlow? Flow { get; }

        /// <summary>For each step (same index), the key of the canvas it is drawn on.</summary>
        public IReadOnlyList<string> StepCanvases { get; }

        /// <summary>The run's tabs in the order the page shows them: main flow, event flows, then each subflow run as it began.</summary>
        public IReadOnlyList<ReportTab> Tabs { get; }

        /// <summary>For each step (same index), the <see cref="ReportTab.Key"/> of the tab it is drawn on.</summary>
        public IReadOnlyList<string> StepTabs { get; }

        /// <summary>A one-line title: number, caller input and outcome.</summary>
        public string Title
        {
            get
            {
                string digits = Result.Digits.Count == 0 ? "no input" : "digits " + string.Join(",", Result.Digits);
                return "#" + Number + " " + Result.FlowName + " · " + digits + " · " + Result.Outcome;
            }
        }
    }
}
