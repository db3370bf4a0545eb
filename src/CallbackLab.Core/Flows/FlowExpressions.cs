using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using CallbackLab.Core.Flows.Simulation;

namespace CallbackLab.Core.Flows
{
    /// <summary>
    /// The one place flows call the expression engine (Pebble templates), so the simulator and the validator share it.
    /// TEMPORARY placeholder until CallbackLab.Core.Expressions lands: plain names, slice(n) and == only.
    /// </summary>
    internal static class FlowExpressions
    {
        private static readonly Regex s_placeholder = new Regex(@"\{\{(.*?)\}\}", RegexOptions.Compiled | RegexOptions.Singleline);

        internal static string Render(string template, FlowVariableStore store, DateTimeOffset now)
        {
            string? error = ParseError(template);
            if (error != null) throw new FlowExpressionFailure("Expression", error);
            return s_placeholder.Replace(template, m => Convert.ToString(Eval(m.Groups[1].Value, store), CultureInfo.InvariantCulture) ?? string.Empty);
        }

        internal static object? Evaluate(string template, FlowVariableStore store, DateTimeOffset now)
        {
            string? error = ParseError(template);
            if (error != null) throw new FlowExpressionFailure("Expression", error);
            Match m = s_placeholder.Match(template.Trim());
            return m.Success && m.Value.Length == template.Trim().Length ? Eval(m.Groups[1].Value, store) : Render(template, store, now);
        }

        internal static string? ParseError(string template)
        {
            foreach (Match m in s_placeholder.Matches(template))
            {
                Match bad = Regex.Match(m.Groups[1].Value, @"\|\s*(\d+)");
                if (bad.Success) return "Unexpected token of value \"" + bad.Groups[1].Value + "\" and type NUMBER, expected token of type NAME";
            }

            return null;
        }

        internal static IReadOnlyList<string> References(string template)
        {
            var names = new List<string>();
            foreach (Match m in s_placeholder.Matches(template))
            {
                Match name = Regex.Match(m.Groups[1].Value, @"^\s*([A-Za-z_][\w.]*)");
                if (name.Success) names.Add(name.Groups[1].Value);
            }

            return names;
        }

        internal static object? Coerce(string rendered, string exportType)
        {
            switch (exportType.ToUpperInvariant())
            {
                case "INTEGER":
                    if (long.TryParse(rendered, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l)) return l;
                    throw new FlowExpressionFailure("Conversion", "'" + rendered + "' is not an INTEGER.");
                case "BOOLEAN":
                    if (bool.TryParse(rendered, out bool b)) return b;
                    throw new FlowExpressionFailure("Conversion", "'" + rendered + "' is not a BOOLEAN.");
                default:
                    return rendered;
            }
        }

        private static object? Eval(string expression, FlowVariableStore store)
        {
            string e = expression.Trim();
            Match eq = Regex.Match(e, @"^(.+?)\s*==\s*(\d+)$");
            if (eq.Success)
            {
                object? left = Eval(eq.Groups[1].Value, store);
                return left is long n && n == long.Parse(eq.Groups[2].Value, CultureInfo.InvariantCulture);
            }

            Match slice = Regex.Match(e, @"^(.+?)\s*\|\s*slice\s*\(\s*(\d+)\s*\)$");
            if (slice.Success)
            {
                string s = Convert.ToString(Eval(slice.Groups[1].Value, store), CultureInfo.InvariantCulture) ?? string.Empty;
                return s.Substring(int.Parse(slice.Groups[2].Value, CultureInfo.InvariantCulture));
            }

            return store.TryGetValue(e, out object? value) ? value : null;
        }
    }
}
