using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using CallbackLab.Infrastructure;
using CallbackLab.Models;

namespace CallbackLab.Completion
{
    /// <summary>Completes <c>-Port</c> with the ports of the emulators running in this session (the default one marked).</summary>
    public sealed class EmulatorPortCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string typed = CompletionText.Unquote(wordToComplete ?? string.Empty);
            CallbackLabSession session = CallbackLabSession.Current;
            CallbackLabEmulator? current = session.DefaultEmulator;
            return session.Emulators.All
                .Where(e => e.IsRunning)
                .Select(e => (Emulator: e, Text: e.Port.ToString(CultureInfo.InvariantCulture)))
                .Where(x => x.Text.StartsWith(typed, StringComparison.Ordinal))
                .OrderBy(x => x.Emulator.Port)
                .Select(x => CompletionText.Value(x.Text, x.Emulator.Uri + (ReferenceEquals(x.Emulator, current) ? " (the default emulator)" : string.Empty)))
                .ToList();
        }
    }
}
