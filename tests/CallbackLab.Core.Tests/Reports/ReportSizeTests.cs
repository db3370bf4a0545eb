using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Reports;
using CallbackLab.Core.Tests.Flows;

namespace CallbackLab.Core.Tests.Reports
{
    public sealed class ReportSizeTests
    {
        internal const int MaxBytes = 2 * 1024 * 1024;

        /// <summary>100 runs of the largest sample export (Cars_Export_voice: 54 activities), every caller input a different one.</summary>
        internal static async Task<IReadOnlyList<IvrSimulationResult>> HundredCarsRunsAsync(WxccFlow cars)
        {
            string[] keys = { "1", "2", "3", "4", "5", "9", "0", "#" };
            var runs = new List<IvrSimulationResult>();
            for (int i = 0; i < 100; i++)
            {
                var digits = new[] { keys[i % keys.Length], keys[(i / keys.Length) % keys.Length], keys[(i / 3) % keys.Length] };
                runs.Add(await ReportRuns.SampleRunAsync(cars, digits, "{\"customer\":{\"id\":" + i + ",\"name\":\"Caller " + i + "\",\"tier\":\"gold\"},\"status\":\"ok\"}"));
            }

            return runs;
        }

        [Fact]
        public async Task AHundredRunsOfTheLargestSampleStayUnderTwoMegabytes()
        {
            WxccFlow cars = SampleFlows.Load("Cars_Export_voice");
            IReadOnlyList<IvrSimulationResult> runs = await HundredCarsRunsAsync(cars);
            Assert.True(runs.Sum(r => r.Steps.Count) >= 500, "the runs are too short to say anything about size: " + runs.Sum(r => r.Steps.Count) + " steps");

            string page = HtmlReportWriter.Write(SimulationReport.Create(runs, new[] { cars }), "Cars x100", coverage: true, ReportRuns.Start);

            int bytes = Encoding.UTF8.GetByteCount(page);
            Assert.True(bytes < MaxBytes, "100 runs of Cars_Export_voice make " + bytes + " bytes");
            // Every run is in the page, once.
            Assert.Equal(100, System.Text.RegularExpressions.Regex.Count(page, "\"outcome\":"));
        }
    }
}
