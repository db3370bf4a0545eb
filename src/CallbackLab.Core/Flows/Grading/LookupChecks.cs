using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.Activities;
using CallbackLab.Core.JsonPath;
using CallbackLab.Core.MockApi;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Grading
{
    /// <summary>
    /// Step 4: GET_CBID, wired from option 3, unauthenticated GET of DynVars with the DNIS less its first two characters, parsing
    /// the first record's outboundcallbackep into outdialcbid and tacnumber into customANI. The URL and the paths are
    /// evaluated, not compared as text, so any spelling Flow Designer computes the same way passes.
    /// </summary>
    internal static class LookupChecks
    {
        /// <summary>Two dialled numbers: a query that only works for one of them is hard-coded, not <c>slice(2)</c>.</summary>
        private static readonly string[] s_sampleDnis = { "+14694096861", "+19725550123" };

        private const string SampleEntryPoint = "sample-entry-point";
        private const string SampleTacNumber = "sample-tac-number";

        internal static void Check(LabCheckContext context)
        {
            LabStep step = LabSteps.GetEntryPoint;
            FlowActivity? lookup = context.Lookup;
            if (!context.RequireHttpRequest(step, lookup, LabNames.Lookup))
            {
                return;
            }

            context.NoteLabelCase(step, lookup, LabNames.Lookup);
            string name = lookup.Name;
            if (lookup.InEventFlow)
            {
                context.Fail(step, name, name + " is in the event flows; the lab adds it to the main flow after " + LabNames.Menu + "'s option " + LabNames.MenuDigit + ".");
            }

            FlowActivity? menu = context.Menu;
            if (menu != null)
            {
                FlowLink? option = context.Flow.FindLink(menu.Id, LabNames.MenuDigit);
                FlowActivity? target = option == null ? null : context.Flow.FindActivity(option.TargetActivityId);
                if (target == null || target.Id != lookup.Id)
                {
                    context.Fail(step, name, menu.Name + "'s option " + LabNames.MenuDigit + " leads to " + (target?.Name ?? "nothing") + ", not " + LabNames.Lookup + ".");
                }
            }

            if (HttpRequestHandler.IsAuthenticated(lookup))
            {
                context.Fail(step, name, name + " uses an authenticated endpoint; the lab turns Use Authenticated Endpoint Off.");
            }

            string method = (lookup.GetString("httpRequestMethod") ?? "GET").Trim();
            if (!string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase))
            {
                context.Fail(step, name, name + " sends " + method + "; the lab's method is GET.");
            }

            CheckUrl(context, lookup);
            CheckParsing(context, lookup);
        }

        private static void CheckUrl(LabCheckContext context, FlowActivity lookup)
        {
            LabStep step = LabSteps.GetEntryPoint;
            string template = lookup.GetString("httpRequestUrl") ?? string.Empty;
            string resource = context.MockApiPrefix + "/" + LabNames.DynVarsResource;
            foreach (string dnis in s_sampleDnis)
            {
                string? url = RenderUrl(lookup, template, dnis, out string? error);
                if (url == null)
                {
                    context.Fail(step, lookup.Name, lookup.Name + "'s URL '" + template + "' does not render: " + error);
                    return;
                }

                int question = url.IndexOf('?');
                string address = question < 0 ? url : url.Substring(0, question);
                if (!string.Equals(address.TrimEnd('/'), resource, StringComparison.OrdinalIgnoreCase))
                {
                    context.Fail(step, lookup.Name, lookup.Name + " asks " + address + "; the lab asks the DynVars resource " + resource + ".");
                    return;
                }

                string expected = DynVarsQuery.DnFromDnis(dnis);
                string? dn = QueryValue(question < 0 ? string.Empty : url.Substring(question + 1), DynVarsRecord.DnField);
                if (dn != expected)
                {
                    context.Fail(step, lookup.Name, lookup.Name + " looks up " + (dn == null ? "no dn" : "dn=" + dn) + " for the DNIS " + dnis
                        + "; the lab's query " + LabNames.LookupQuery + " looks up dn=" + expected + ".");
                    return;
                }
            }
        }

        /// <summary>The URL as sent: the template and the query parameters rendered for a call to <paramref name="dnis"/>.</summary>
        private static string? RenderUrl(FlowActivity lookup, string template, string dnis, out string? error)
        {
            KeyValuePair<string, object?> dialled = GradingExpressions.Value("NewPhoneContact.DNIS", dnis);
            string? url = GradingExpressions.Render(template, out error, dialled);
            if (url == null || !(lookup.Json["httpQueryParameters"] is JObject query) || query.Count == 0)
            {
                return url;
            }

            var builder = new StringBuilder(url);
            bool hasQuery = url.IndexOf('?') >= 0;
            foreach (KeyValuePair<string, JToken?> parameter in query)
            {
                string? value = GradingExpressions.Render(FlowValues.ToText(parameter.Value), out error, dialled);
                if (value == null)
                {
                    return null;
                }

                builder.Append(hasQuery ? '&' : '?').Append(Uri.EscapeDataString(parameter.Key)).Append('=').Append(Uri.EscapeDataString(value));
                hasQuery = true;
            }

            return builder.ToString();
        }

        private static string? QueryValue(string query, string name)
        {
            foreach (string pair in query.Split('&'))
            {
                int equals = pair.IndexOf('=');
                string key = Uri.UnescapeDataString(equals < 0 ? pair : pair.Substring(0, equals));
                if (string.Equals(key.Trim(), name, StringComparison.Ordinal))
                {
                    return equals < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(equals + 1).Replace('+', ' ')).Trim();
                }
            }

            return null;
        }

        private static void CheckParsing(LabCheckContext context, FlowActivity lookup)
        {
            // Two records, so a path that reads the wrong record (or all of them) does not pass by luck.
            var answer = new JArray(
                new JObject { [DynVarsRecord.DnField] = "4694096861", [DynVarsRecord.OutboundCallbackEpField] = SampleEntryPoint, [DynVarsRecord.TacNumberField] = SampleTacNumber },
                new JObject { [DynVarsRecord.DnField] = "94694096861", [DynVarsRecord.OutboundCallbackEpField] = "other-entry-point", [DynVarsRecord.TacNumberField] = "other-tac-number" });
            List<JObject> rows = lookup.Json["outputVariableArray"] is JArray outputs ? outputs.OfType<JObject>().ToList() : new List<JObject>();
            CheckPath(context, lookup, rows, answer, LabNames.OutdialVariable, LabNames.OutdialPath, DynVarsRecord.OutboundCallbackEpField, SampleEntryPoint);
            CheckPath(context, lookup, rows, answer, LabNames.CustomAniVariable, LabNames.CustomAniPath, DynVarsRecord.TacNumberField, SampleTacNumber);
        }

        private static void CheckPath(
            LabCheckContext context, FlowActivity lookup, List<JObject> rows, JArray answer, string variable, string labPath, string field, string expected)
        {
            LabStep step = LabSteps.GetEntryPoint;
            JObject? row = rows.FirstOrDefault(r => string.Equals(((string?)r["outputVariable"])?.Trim(), variable, StringComparison.OrdinalIgnoreCase));
            if (row == null)
            {
                context.Fail(step, lookup.Name, lookup.Name + " parses nothing into " + variable + "; the lab's path for it is " + labPath + ".");
                return;
            }

            string path = ((string?)row["jsonPathExp"] ?? string.Empty).Trim();
            string? read;
            try
            {
                JToken? match = path.Length == 0 ? null : NewtonsoftJsonPathEngine.Instance.SelectForVariable(answer, path);
                read = match == null ? null : FlowValues.ToText(FlowValues.FromToken(match));
            }
            catch (JsonPathException ex)
            {
                context.Fail(step, lookup.Name, lookup.Name + "'s path '" + path + "' for " + variable + " is not valid JSONPath (" + ex.Message + "); the lab's path is " + labPath + ".");
                return;
            }

            if (read != expected)
            {
                string reads = read == null ? "matches nothing" : read == SampleTacNumber ? "reads tacnumber"
                    : read == SampleEntryPoint ? "reads outboundcallbackep" : "reads '" + read + "'";
                context.Fail(step, lookup.Name, lookup.Name + "'s path '" + path + "' for " + variable + " " + reads + " of the answer, not the first record's "
                    + field + "; the lab's path is " + labPath + ".");
            }
        }
    }
}
