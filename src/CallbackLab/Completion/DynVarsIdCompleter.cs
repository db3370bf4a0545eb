using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace CallbackLab.Completion
{
    /// <summary>
    /// Completes <c>-Id</c> of Get-, Set- and Remove-DynVars with the ids of the DynVars records of the endpoint in use,
    /// each showing its dn, so a record is picked by what it is rather than by a number looked up first.
    /// </summary>
    public sealed class DynVarsIdCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string typed = CompletionText.Unquote(wordToComplete ?? string.Empty);
            return DynVarsCompletionRecords.Get(fakeBoundParameters)
                .Where(r => !string.IsNullOrEmpty(r.Id) && r.Id.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .OrderBy(r => r.Id.Length).ThenBy(r => r.Id, StringComparer.Ordinal) // MockAPI ids are numbers: 2 before 10
                .Select(r => CompletionText.Value(r.Id, $"id {r.Id}: dn {r.Dn}, outboundcallbackep {r.OutboundCallbackEp}, tacnumber {r.TacNumber}"))
                .ToList();
        }
    }
}
