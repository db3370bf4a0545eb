using System;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// One text property of an activity as the export has it: its text, whether it holds a template (<c>{{</c>), and whether
    /// its <c>:radioName</c> says it names a variable (<c>transfertodn:radioName = setToVariable</c>).
    /// </summary>
    internal sealed class ActivityProperty
    {
        private ActivityProperty(string name, string text, bool isTemplate, bool namesVariable)
        {
            Name = name;
            Text = text;
            IsTemplate = isTemplate;
            NamesVariable = namesVariable;
            VariableName = namesVariable ? text.Trim() : string.Empty;
        }

        /// <summary>The property's name.</summary>
        internal string Name { get; }

        /// <summary>The property's text; empty when it is missing or null.</summary>
        internal string Text { get; }

        /// <summary>True when <see cref="Text"/> holds a template to render.</summary>
        internal bool IsTemplate { get; }

        /// <summary>True when the radio says the property names a variable and the text is not a template.</summary>
        internal bool NamesVariable { get; }

        /// <summary>The variable the property names (trimmed); empty unless <see cref="NamesVariable"/>.</summary>
        internal string VariableName { get; }

        internal static ActivityProperty Read(FlowActivity activity, string name)
        {
            string text = activity.GetString(name) ?? string.Empty;
            bool template = text.IndexOf("{{", StringComparison.Ordinal) >= 0;
            string? radio = text.Length == 0 ? null : activity.GetString(name + ":radioName");
            bool variable = !template && radio != null && radio.IndexOf("ariable", StringComparison.OrdinalIgnoreCase) >= 0;
            return new ActivityProperty(name, text, template, variable);
        }
    }
}
