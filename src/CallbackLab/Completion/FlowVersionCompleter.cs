using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace CallbackLab.Completion
{
    /// <summary>Completes Export-WxccFlow's <c>-Version</c> with the two named versions; a version id is typed as is.</summary>
    public sealed class FlowVersionCompleter : IArgumentCompleter
    {
        private static readonly (string Value, string Tip)[] s_versions =
        {
            ("Latest", "the newest published version (the default)"),
            ("Draft", "the draft being edited"),
        };

        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string typed = CompletionText.Unquote(wordToComplete ?? string.Empty);
            return s_versions
                .Where(v => v.Value.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(v => CompletionText.Value(v.Value, v.Tip))
                .ToList();
        }
    }
}
