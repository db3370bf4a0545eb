using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using CallbackLab.Core.MockApi;

namespace CallbackLab.Completion
{
    /// <summary>
    /// Completes <c>-Dn</c> and <c>-Dnis</c> from the DynVars records of the MockAPI endpoint in use
    /// (<c>-MockApiUri</c> when typed, else the session default), fetched by <see cref="DynVarsCompletionRecords"/>.
    /// </summary>
    public sealed class DynVarsDnCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            bool asDnis = string.Equals(parameterName, "Dnis", StringComparison.OrdinalIgnoreCase);
            string typed = CompletionText.Unquote(wordToComplete ?? string.Empty);
            string digits = asDnis && typed.Length > 0 ? DynVarsQuery.DnFromDnis(PadDnis(typed)) : typed;

            return DynVarsCompletionRecords.Get(fakeBoundParameters)
                .Where(r => r.Dn != null && r.Dn.StartsWith(digits, StringComparison.Ordinal))
                .OrderBy(r => r.Dn, StringComparer.Ordinal)
                .Select(r => CompletionText.Value(asDnis ? "+1" + r.Dn : r.Dn!,
                    $"dn {r.Dn}: outboundcallbackep {r.OutboundCallbackEp}, tacnumber {r.TacNumber} (id {r.Id})"))
                .ToList();
        }

        /// <summary>"+1469" and "1469" and "469" all mean dn 469…: the flow strips two characters, so pad what was typed.</summary>
        private static string PadDnis(string typed) =>
            typed.StartsWith("+1", StringComparison.Ordinal) ? typed : typed.StartsWith("1", StringComparison.Ordinal) ? "+" + typed : "+1" + typed;
    }
}
