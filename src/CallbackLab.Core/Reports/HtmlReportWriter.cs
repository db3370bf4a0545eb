using System;
using System.IO;
using System.Reflection;
using System.Text;

namespace CallbackLab.Core.Reports
{
    /// <summary>
    /// Writes a <see cref="SimulationReport"/> as one self-contained HTML page: the data, styles and script are inline and the
    /// page loads nothing (its Content-Security-Policy forbids it), so it opens from <c>file://</c> in any current browser.
    /// </summary>
    public static class HtmlReportWriter
    {
        private static readonly Lazy<string> s_page = new Lazy<string>(() => Asset("report.html"));
        private static readonly Lazy<string> s_style = new Lazy<string>(() => Asset("report.css"));
        private static readonly Lazy<string> s_script = new Lazy<string>(() => Asset("report.js"));

        /// <summary>The page for <paramref name="report"/>.</summary>
        /// <param name="report">What to show.</param>
        /// <param name="title">The page title.</param>
        /// <param name="coverage">Paint activities and ports no run took red.</param>
        /// <param name="generated">When the report was made (shown on the page; also the clock <c>now()</c> replays on).</param>
        public static string Write(SimulationReport report, string title, bool coverage, DateTimeOffset generated)
        {
            if (report is null) throw new ArgumentNullException(nameof(report));
            if (title is null) throw new ArgumentNullException(nameof(title));
            string data = ReportDataWriter.Write(report, title, coverage, generated);
            var page = new StringBuilder(s_page.Value.Length + data.Length + s_style.Value.Length + s_script.Value.Length);
            page.Append(s_page.Value);
            // The script and data go in last so that no placeholder text inside them is ever replaced.
            page.Replace("$TITLE$", System.Net.WebUtility.HtmlEncode(title));
            page.Replace("$CSS$", s_style.Value);
            int js = page.ToString().IndexOf("$JS$", StringComparison.Ordinal);
            page.Remove(js, 4).Insert(js, s_script.Value);
            int at = page.ToString().IndexOf("$DATA$", StringComparison.Ordinal);
            page.Remove(at, 6).Insert(at, data);
            return page.ToString();
        }

        private static string Asset(string name)
        {
            using Stream? stream = typeof(HtmlReportWriter).GetTypeInfo().Assembly.GetManifestResourceStream("CallbackLab.Core.Reports.Html." + name);
            if (stream == null)
            {
                throw new InvalidOperationException("The report asset '" + name + "' is missing from CallbackLab.Core.");
            }

            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
    }
}
