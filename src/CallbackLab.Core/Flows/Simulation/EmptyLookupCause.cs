using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>
    /// Finds the usual root cause of a failed callback request: an earlier lookup (the lab's GET_CBID reading DynVars)
    /// found no record, so the variables it should have filled stayed empty and the task request was sent without them.
    /// The request's own error ("destination is required") names only the symptom.
    /// </summary>
    internal static class EmptyLookupCause
    {
        // HttpRequestHandler ends the step message with "; no match for name (jsonPath), name (jsonPath)".
        private static readonly Regex s_unmatched = new Regex(@"no match for (?<list>.+)$", RegexOptions.CultureInvariant);
        private static readonly Regex s_variable = new Regex(@"(?:^|,\s*)(?<name>[^\s,(]+)\s*\(", RegexOptions.CultureInvariant);

        /// <summary>The sentence naming the empty lookup before <paramref name="failedStep"/>; null when there was none.</summary>
        public static string? Describe(IvrSimulationResult simulation, SimulationStep failedStep)
        {
            foreach (SimulationStep step in simulation.Steps.Where(s => s.Index < failedStep.Index).Reverse())
            {
                if (step.Http is not { } http || !string.Equals(http.Method, "GET", StringComparison.OrdinalIgnoreCase) || !FoundNothing(http))
                {
                    continue;
                }

                List<string> empty = UnmatchedVariables(step).Where(v => IsEmpty(simulation, v)).ToList();
                if (empty.Count == 0)
                {
                    continue; // nothing it should have set is missing at the end: not the cause
                }

                return string.Format(CultureInfo.InvariantCulture, "{0} found no {1} record{2} (GET {3} answered {4}{5}), so {6} stayed empty.",
                    step.ActivityName, Resource(http.Url), ForDnis(simulation, http.Url), PathAndQuery(http.Url), http.StatusCode, ShortBody(http),
                    JoinNames(empty));
            }

            return null;
        }

        // MockAPI answers a filter that matches nothing with 404 "Not found"; other services answer an empty array.
        private static bool FoundNothing(HttpExchange http) =>
            http.StatusCode == 404 || (http.StatusCode is >= 200 and < 300 && (http.ResponseBody ?? string.Empty).Trim() is "[]" or "");

        // MockAPI's 404 "Not found" or an empty [] says at a glance that the lookup found nothing; a long body says nothing more.
        private static string ShortBody(HttpExchange http)
        {
            string body = (http.ResponseBody ?? string.Empty).Trim();
            return body.Length == 0 || body.Length > 40 ? string.Empty : " " + body;
        }

        private static IEnumerable<string> UnmatchedVariables(SimulationStep step)
        {
            Match list = s_unmatched.Match(step.Message ?? string.Empty);
            return list.Success
                ? s_variable.Matches(list.Groups["list"].Value).Cast<Match>().Select(m => m.Groups["name"].Value)
                : Enumerable.Empty<string>();
        }

        private static bool IsEmpty(IvrSimulationResult simulation, string variable) =>
            !simulation.Variables.TryGetValue(variable, out object? value) || value is null || (value is string text && text.Length == 0);

        private static string Resource(string url)
        {
            string path = Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) ? uri.AbsolutePath : url;
            string last = path.TrimEnd('/').Split('/').Last();
            return last.Length == 0 ? "matching" : last;
        }

        private static string ForDnis(IvrSimulationResult simulation, string url)
        {
            // The lab's lookup filters on the dialled number (dn = DNIS without "+1"): say which number found nothing.
            string digits = new string((simulation.Dnis ?? string.Empty).Where(char.IsDigit).ToArray());
            return digits.Length > 2 && url.IndexOf(digits.Substring(1), StringComparison.Ordinal) >= 0 ? " for DNIS " + simulation.Dnis : string.Empty;
        }

        private static string PathAndQuery(string url) => Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) ? uri.PathAndQuery : url;

        private static string JoinNames(IReadOnlyList<string> names) =>
            names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1];
    }
}
