using System;
using System.Collections.Generic;

namespace CallbackLab.Core.Expressions.Runtime
{
    /// <summary>The state of one render: variables, options, local scopes of <c>set</c>/<c>for</c>, and the loop budget.</summary>
    internal sealed class EvaluationContext
    {
        private Dictionary<string, object?>? _locals;
        private TagState? _tags;

        public EvaluationContext(IVariableResolver variables, ExpressionOptions options, string templateText)
        {
            Variables = variables;
            Options = options;
            TemplateText = templateText;
            Strict = options.StrictVariables;
        }

        public IVariableResolver Variables { get; }

        public ExpressionOptions Options { get; }

        public string TemplateText { get; }

        public bool Strict { get; }

        /// <summary>Set while evaluating the operand of <c>is defined</c>, where a missing variable is an answer, not an error.</summary>
        public bool SuppressStrict { get; set; }

        public bool StrictNow => Strict && !SuppressStrict;

        public int LoopIterations { get; set; }

        /// <summary>The rendered body of the innermost <c>filter</c> tag, the input of its chain.</summary>
        public object? FilterTagInput
        {
            get => _tags?.FilterTagInput;
            set => Tags.FilterTagInput = value;
        }

        /// <summary>The strategy of the innermost <c>autoescape</c> tag; null when printed values are not escaped.</summary>
        public string? AutoEscapeStrategy
        {
            get => _tags?.AutoEscapeStrategy;
            set => Tags.AutoEscapeStrategy = value;
        }

        /// <summary>How deep <c>include</c> tags are nested (a template can include itself).</summary>
        public int IncludeDepth
        {
            get => _tags?.IncludeDepth ?? 0;
            set => Tags.IncludeDepth = value;
        }

        // Tag state is rare: kept out of line so the common render allocates a smaller context.
        private TagState Tags => _tags ??= new TagState();

        private sealed class TagState
        {
            public object? FilterTagInput { get; set; }

            public string? AutoEscapeStrategy { get; set; }

            public int IncludeDepth { get; set; }
        }

        /// <summary>Blocks of the extending templates, by name, that replace the parent's while it renders.</summary>
        public IReadOnlyDictionary<string, Ast.TemplateNode[]>? BlockOverrides { get; set; }

        /// <summary>The template's macros by name (empty when it defines none).</summary>
        public IReadOnlyDictionary<string, Ast.MacroDefinition> Macros { get; set; } = s_noMacros;

        private static readonly IReadOnlyDictionary<string, Ast.MacroDefinition> s_noMacros = new Dictionary<string, Ast.MacroDefinition>();

        /// <summary>Puts <paramref name="locals"/> in place of the current locals (a macro's own scope) and returns the old ones.</summary>
        public Dictionary<string, object?>? ReplaceLocals(Dictionary<string, object?>? locals)
        {
            Dictionary<string, object?>? previous = _locals;
            _locals = locals;
            return previous;
        }

        /// <summary>The names of the locals now defined: a loop removes the ones its body created.</summary>
        public HashSet<string> LocalNames() => _locals is null ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(_locals.Keys, StringComparer.Ordinal);

        /// <summary>Removes every local not in <paramref name="keep"/>.</summary>
        public void RemoveLocalsExcept(HashSet<string> keep)
        {
            if (_locals is null) return;
            foreach (string name in new List<string>(_locals.Keys))
            {
                if (!keep.Contains(name)) _locals.Remove(name);
            }
        }

        public bool TryGetLocal(string name, out object? value)
        {
            if (_locals != null && _locals.TryGetValue(name, out value)) return true;
            value = null;
            return false;
        }

        public void SetLocal(string name, object? value)
        {
            _locals ??= new Dictionary<string, object?>(StringComparer.Ordinal);
            _locals[name] = value;
        }

        /// <summary>Saves a local before a loop shadows it, so the loop can restore it.</summary>
        public bool RemoveLocal(string name, out object? previous)
        {
            if (_locals != null && _locals.TryGetValue(name, out previous))
            {
                _locals.Remove(name);
                return true;
            }

            previous = null;
            return false;
        }

        public FlowExpressionException Error(int offset, string message, Exception? inner = null) =>
            new FlowExpressionException(FlowExpressionErrorKind.Evaluation, message, offset + 1, TemplateText, inner);

        /// <summary>An error for one of the options' limits, which Pebble's operator nodes do not reword.</summary>
        public FlowExpressionException LimitError(int offset, string message, Exception? inner = null) =>
            new FlowExpressionException(FlowExpressionErrorKind.Evaluation, message, offset + 1, TemplateText, inner) { IsLimit = true };
    }
}
