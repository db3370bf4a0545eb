using System.Management.Automation;

namespace CallbackLab.Completion
{
    /// <summary>Builds completion results with quoting only where PowerShell needs it.</summary>
    internal static class CompletionText
    {
        internal static CompletionResult Value(string value, string toolTip)
        {
            string text = NeedsQuotes(value) ? "'" + value.Replace("'", "''") + "'" : value;
            return new CompletionResult(text, value, CompletionResultType.ParameterValue, toolTip);
        }

        internal static string Unquote(string word) => word.Trim('\'', '"');

        private static bool NeedsQuotes(string value)
        {
            foreach (char c in value)
            {
                if (char.IsWhiteSpace(c) || c == '\'' || c == '"' || c == '$' || c == '`' || c == ';' || c == '(' || c == ')'
                    || c == '{' || c == '}' || c == '@' || c == ',' || c == '|' || c == '&' || c == '#')
                {
                    return true;
                }
            }

            return value.Length == 0;
        }
    }
}
