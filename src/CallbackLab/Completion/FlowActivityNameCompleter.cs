using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Completion
{
    /// <summary>
    /// Completes activity names (main flow and event flows) of the flow in hand: <c>-Flow</c> when it is typed as a
    /// WxccFlow variable or a readable file path, else the lab flow that ships with the module.
    /// </summary>
    public sealed class FlowActivityNameCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            WxccFlow flow = FlowInHand(fakeBoundParameters) ?? LabFlow.Flow;
            string typed = CompletionText.Unquote(wordToComplete ?? string.Empty);
            var pattern = new WildcardPattern(typed + "*", WildcardOptions.IgnoreCase);
            return flow.Activities.Select(a => (Activity: a, Where: "main flow"))
                .Concat(flow.EventFlows.Activities.Select(a => (Activity: a, Where: "event flow")))
                .Where(x => !string.IsNullOrEmpty(x.Activity.Name) && pattern.IsMatch(x.Activity.Name))
                .GroupBy(x => x.Activity.Name, StringComparer.OrdinalIgnoreCase)
                .Select(g => g.First())
                .OrderBy(x => x.Activity.Name, StringComparer.OrdinalIgnoreCase)
                .Select(x => CompletionText.Value(x.Activity.Name, $"{x.Activity.Name}: {x.Activity.Type} ({x.Where} of {flow.Name})"))
                .ToList();
        }

        private static WxccFlow? FlowInHand(IDictionary fakeBoundParameters)
        {
            object? value = fakeBoundParameters?["Flow"];
            if (value is PSObject pso) value = pso.BaseObject;
            if (value is WxccFlow flow) return flow;
            if (value is string path && File.Exists(path))
            {
                try
                {
                    return WxccFlowReader.Load(path);
                }
                catch (FlowFormatException)
                {
                    return null;
                }
            }

            return null;
        }
    }
}
