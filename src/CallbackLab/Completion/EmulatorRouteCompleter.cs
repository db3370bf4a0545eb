using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using CallbackLab.Models;

namespace CallbackLab.Completion
{
    /// <summary>
    /// Completes <c>-Method</c> and <c>-Path</c> of Get-CallbackLabRequest and Set-CallbackLabFault: the HTTP methods
    /// and the routes the emulator serves (the WxCC task and token endpoints, the MockAPI DynVars resource and a
    /// wildcard for each service), plus every path its journal has seen.
    /// </summary>
    public sealed class EmulatorRouteCompleter : IArgumentCompleter
    {
        private static readonly (string Method, string Use)[] s_methods =
        {
            ("GET", "reads: DynVars lookups (GET_CBID), task lists"),
            ("POST", "creates: callback tasks (/v1/tasks), DynVars records, tokens"),
            ("PUT", "updates a DynVars record"),
            ("DELETE", "removes a DynVars record"),
        };

        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string typed = CompletionText.Unquote(wordToComplete ?? string.Empty);
            IEnumerable<(string Value, string Tip)> candidates = string.Equals(parameterName, "Method", StringComparison.OrdinalIgnoreCase)
                ? Methods(commandName)
                : Paths(EmulatorCompletion.Target(fakeBoundParameters));
            return candidates
                .Where(c => c.Value.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .GroupBy(c => c.Value, StringComparer.OrdinalIgnoreCase)
                .Select(g => g.First())
                .Select(c => CompletionText.Value(c.Value, c.Tip))
                .ToList();
        }

        private static IEnumerable<(string, string)> Methods(string commandName)
        {
            foreach ((string method, string use) in s_methods)
            {
                yield return (method, use);
            }

            if (commandName.IndexOf("Fault", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                yield return ("*", "any method");
            }
        }

        private static IEnumerable<(string, string)> Paths(CallbackLabEmulator? emulator)
        {
            string mockApi = emulator?.MockApiUri.AbsolutePath.TrimEnd('/') ?? "/flowdesigner/Lab";
            yield return ("/v1/tasks", "WxCC: create and list tasks (the lab's CallBackAPI_Request)");
            yield return ("/v1/access_token", "WxCC: OAuth tokens");
            yield return ("/v1/*", "every WxCC request");
            yield return (mockApi + "/DynVars", "MockAPI: the DynVars records (the lab's GET_CBID)");
            yield return (mockApi + "/DynVars/*", "MockAPI: one DynVars record by id");
            yield return ("/flowdesigner/*", "every MockAPI request");
            if (emulator == null)
            {
                yield break;
            }

            foreach (string seen in emulator.Emulator.Journal.Select(j => j.Path).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(p => p, StringComparer.Ordinal))
            {
                yield return (seen, "requested before (in the emulator's journal)");
            }
        }
    }
}
