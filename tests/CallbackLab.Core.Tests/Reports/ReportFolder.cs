using System;
using System.IO;
using CallbackLab.Core.Reports;

namespace CallbackLab.Core.Tests.Reports
{
    /// <summary>A temporary folder of report pages for one test class, removed afterwards.</summary>
    internal sealed class ReportFolder : IDisposable
    {
        internal ReportFolder(string name)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "callbacklab-" + name + "-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        internal string Path { get; }

        /// <summary>Writes <paramref name="report"/> as <paramref name="fileName"/> in the folder and returns its path.</summary>
        internal string Write(SimulationReport report, string fileName, bool coverage = false)
        {
            string path = System.IO.Path.Combine(Path, fileName);
            File.WriteAllText(path, HtmlReportWriter.Write(report, fileName, coverage, ReportRuns.Start));
            return path;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
