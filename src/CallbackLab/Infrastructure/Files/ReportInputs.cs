using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Reports;
using CallbackLab.Models;
using CallbackLab.Resources;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// What Export-IvrSimulationReport and Show-IvrSimulation share: the flows given with -Flow (WxccFlow objects, files or
    /// paths, read the one way every -Flow is read), the report built from the results, and the file written.
    /// </summary>
    internal static class ReportInputs
    {
        internal const string Html = "Html";
        internal const string Mermaid = "Mermaid";

        /// <summary>The flows of <paramref name="values"/>; each one that cannot be read is written as an error and left out.</summary>
        internal static List<WxccFlow> LoadFlows(PSCmdlet cmdlet, IEnumerable<object>? values)
        {
            var flows = new List<WxccFlow>();
            foreach (object value in values ?? Enumerable.Empty<object>())
            {
                object item = value is PSObject wrapped ? wrapped.BaseObject : value;
                WxccFlowSource? source = item switch
                {
                    WxccFlow flow => new WxccFlowSource(flow),
                    WxccFlowSource given => given,
                    FileInfo file => new WxccFlowSource(file.FullName),
                    string path => new WxccFlowSource(path),
                    _ => null,
                };
                if (source == null)
                {
                    cmdlet.WriteError(new ErrorRecord(
                        new PSArgumentException(string.Format(CultureInfo.CurrentCulture, FlowStrings.FlowArgumentNotAFlow, item.GetType().Name)),
                        ErrorIds.FlowArgumentNotAFlow, ErrorCategory.InvalidArgument, value));
                    continue;
                }

                if (FlowFileLoader.TryLoad(cmdlet.SessionState, source, out ErrorRecord? error) is { } loaded)
                {
                    flows.Add(loaded);
                }
                else
                {
                    cmdlet.WriteError(error!);
                }
            }

            return flows;
        }

        /// <summary>The report of <paramref name="results"/>, with a warning for each flow drawn only from its steps.</summary>
        internal static SimulationReport Build(PSCmdlet cmdlet, IReadOnlyList<IvrSimulationResult> results, IReadOnlyList<WxccFlow> flows)
        {
            SimulationReport report = SimulationReport.Create(results, flows);
            foreach (string missing in report.MissingFlows)
            {
                cmdlet.WriteWarning(string.Format(CultureInfo.CurrentCulture, ReportStrings.FlowNotGiven, missing));
            }

            return report;
        }

        /// <summary>The report's text in <paramref name="format"/>.</summary>
        internal static string Render(SimulationReport report, string format, string title, bool coverage) =>
            format == Mermaid
                ? MermaidWriter.Write(report, coverage)
                : HtmlReportWriter.Write(report, title, coverage, System.DateTimeOffset.Now);

        /// <summary>A default title: the flow names and the number of runs.</summary>
        internal static string DefaultTitle(IReadOnlyList<IvrSimulationResult> results)
        {
            string flows = string.Join(", ", results.Select(r => r.FlowName).Distinct());
            return "CallbackLab simulation: " + flows + " (" + results.Count.ToString(CultureInfo.InvariantCulture) + (results.Count == 1 ? " run)" : " runs)");
        }
    }
}
