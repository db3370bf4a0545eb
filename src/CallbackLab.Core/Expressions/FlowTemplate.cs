using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using CallbackLab.Core.Expressions.Ast;
using CallbackLab.Core.Expressions.Parsing;
using CallbackLab.Core.Expressions.Runtime;
using CallbackLab.Core.Expressions.Values;

namespace CallbackLab.Core.Expressions
{
    /// <summary>
    /// A Flow Designer expression template (Pebble syntax): literal text with <c>{{ expr }}</c>, <c>{# comment #}</c> and
    /// <c>{% if/for/set %}</c> tags. Parsed once into an immutable tree and cached by text; safe to render from many threads.
    /// </summary>
    public sealed class FlowTemplate
    {
        /// <summary>How many parsed templates the cache keeps before it starts over.</summary>
        public const int CacheCapacity = 4096;

        private static readonly ConcurrentDictionary<string, FlowTemplate> s_cache = new ConcurrentDictionary<string, FlowTemplate>(StringComparer.Ordinal);

        private readonly TemplateNode[] _nodes;
        private readonly ExpressionNode? _singleExpression;
        private readonly string? _constantText;
        private readonly Lazy<IReadOnlyList<string>> _variableReferences;
        private readonly IReadOnlyDictionary<string, MacroDefinition> _macros;
        private readonly IReadOnlyDictionary<string, TemplateNode[]> _blocks;
        private readonly ExpressionNode? _extends;

        private FlowTemplate(string text, ParsedTemplate parsed)
        {
            Text = text;
            _nodes = parsed.Nodes;
            _macros = parsed.Macros;
            _blocks = parsed.Blocks;
            _extends = parsed.Extends;
            _variableReferences = new Lazy<IReadOnlyList<string>>(() => Array.AsReadOnly(VariableReferenceWalker.Collect(_nodes)));
            IsLiteral = text.IndexOf("{{", StringComparison.Ordinal) < 0
                && text.IndexOf("{%", StringComparison.Ordinal) < 0
                && text.IndexOf("{#", StringComparison.Ordinal) < 0;
            if (_nodes.Length == 1 && _nodes[0] is PrintNode print) _singleExpression = print.Expression;
            if (_nodes.Length == 0) _constantText = string.Empty;
            else if (_nodes.Length == 1 && _nodes[0] is TextNode onlyText) _constantText = onlyText.Text;
        }

        /// <summary>The parsed nodes (for <c>include</c>).</summary>
        internal TemplateNode[] Nodes => _nodes;

        /// <summary>The macros the template defines (for <c>import</c> and <c>from</c>).</summary>
        internal IReadOnlyDictionary<string, MacroDefinition> Macros => _macros;

        /// <summary>The template text as given.</summary>
        public string Text { get; }

        /// <summary>True when the text has no <c>{{ }}</c>, <c>{% %}</c> or <c>{# #}</c> at all (it renders as itself).</summary>
        public bool IsLiteral { get; }

        /// <summary>The dotted variable names the template reads, as written (<c>NewPhoneContact.DNIS</c>, <c>count</c>), without
        /// names the template defines itself with <c>set</c> or <c>for</c>; for flow validation.</summary>
        public IReadOnlyList<string> VariableReferences => _variableReferences.Value;

        /// <summary>Parses <paramref name="text"/>, or returns the cached template for the same text.</summary>
        /// <exception cref="FlowExpressionException">Kind Parse: the text is not a valid template (Pebble's message, 1-based position).</exception>
        public static FlowTemplate Parse(string text)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            if (s_cache.TryGetValue(text, out FlowTemplate? cached)) return cached;
            FlowTemplate template = ParseUncached(text);
            if (s_cache.Count >= CacheCapacity) s_cache.Clear();
            return s_cache.GetOrAdd(text, template);
        }

        /// <summary>Parses without the cache (benchmarks of a fresh parse, and tests).</summary>
        internal static FlowTemplate ParseUncached(string text)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            try
            {
                return new FlowTemplate(text, TemplateParser.Parse(text));
            }
            catch (FlowExpressionException)
            {
                throw;
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                throw new FlowExpressionException(FlowExpressionErrorKind.Parse, ex.Message, 1, text, ex);
            }
        }

        internal static void ClearCache() => s_cache.Clear();

        internal static int CachedCount => s_cache.Count;

        /// <summary>Renders the template: every <c>{{ expr }}</c> prints its value as Pebble does (null prints nothing).</summary>
        /// <exception cref="FlowExpressionException">Kind Evaluation: unknown filter, bad argument, strict variable, limit reached...</exception>
        public string Render(IVariableResolver variables, ExpressionOptions? options = null)
        {
            if (variables is null) throw new ArgumentNullException(nameof(variables));
            ExpressionOptions effective = options ?? ExpressionOptions.Shared;
            if (_constantText != null)
            {
                // Plain text obeys the same output limit as any rendered value (issue 13, item 12).
                if (_constantText.Length > effective.MaxStringLength) throw OutputTooLong(effective, 1);
                return _constantText;
            }

            var context = new EvaluationContext(variables, effective, Text);
            if (_macros.Count > 0) context.Macros = _macros;
            try
            {
                if (_singleExpression != null)
                {
                    string value = PebbleValues.ToOutput(_singleExpression.Evaluate(context));
                    if (value.Length > context.Options.MaxStringLength) throw OutputTooLong(context.Options, _singleExpression.Offset + 1);

                    return value;
                }

                var output = new StringBuilder(Text.Length + 32);
                RenderInto(output, context);
                return output.ToString();
            }
            catch (Exception ex) when (IsWrappable(ex))
            {
                throw Wrap(ex);
            }
        }

        /// <summary>
        /// The raw value (long, double, bool, string, list, map, JToken, DateTimeOffset or null) when the template is exactly
        /// one <c>{{ expr }}</c>; otherwise the rendered string.
        /// </summary>
        /// <exception cref="FlowExpressionException">Kind Evaluation, as <see cref="Render"/>.</exception>
        public object? Evaluate(IVariableResolver variables, ExpressionOptions? options = null)
        {
            if (variables is null) throw new ArgumentNullException(nameof(variables));
            if (_singleExpression is null) return Render(variables, options);
            var context = new EvaluationContext(variables, options ?? ExpressionOptions.Shared, Text);
            if (_macros.Count > 0) context.Macros = _macros;
            try
            {
                return ValueImport.ToPublic(_singleExpression.Evaluate(context));
            }
            catch (Exception ex) when (IsWrappable(ex))
            {
                throw Wrap(ex);
            }
        }

        /// <inheritdoc />
        public override string ToString() => Text;

        /// <summary>
        /// Renders the nodes, or, for a template that extends another, the parent with this template's blocks in place of
        /// the parent's (blocks of a template further down the chain win).
        /// </summary>
        internal void RenderInto(StringBuilder output, EvaluationContext context)
        {
            if (_extends is null)
            {
                foreach (TemplateNode node in _nodes) node.Render(output, context);
                return;
            }

            var overrides = new Dictionary<string, TemplateNode[]>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, TemplateNode[]> block in _blocks) overrides[block.Key] = block.Value;
            if (context.BlockOverrides != null)
            {
                foreach (KeyValuePair<string, TemplateNode[]> block in context.BlockOverrides) overrides[block.Key] = block.Value;
            }

            FlowTemplate parent = Parse(PebbleValues.ToOutput(_extends.Evaluate(context)));
            context.BlockOverrides = overrides;
            if (++context.IncludeDepth > TemplateParser.MaxDepth) throw context.LimitError(_extends.Offset, "Templates extend each other too deeply.");
            if (parent._macros.Count > 0 && context.Macros.Count == 0) context.Macros = parent._macros;
            parent.RenderInto(output, context);
            context.IncludeDepth--;
        }

        /// <summary>The one error for output over <see cref="ExpressionOptions.MaxStringLength"/>, whatever produced it.</summary>
        private FlowExpressionException OutputTooLong(ExpressionOptions options, int position) =>
            new FlowExpressionException(FlowExpressionErrorKind.Evaluation, OutputLimitMessage(options.MaxStringLength), position, Text) { IsLimit = true };

        internal static string OutputLimitMessage(int limit) => $"The rendered output would be longer than the limit of {limit} characters.";

        private static bool IsWrappable(Exception ex) => !(ex is FlowExpressionException) && !(ex is OutOfMemoryException);

        /// <summary>Anything a value or a resolver throws still leaves as the one expression exception.</summary>
        private FlowExpressionException Wrap(Exception ex)
        {
            string message = ex is RegexMatchTimeoutException ? "A regular expression took too long." : ex.Message;
            return new FlowExpressionException(FlowExpressionErrorKind.Evaluation, message, 1, Text, ex);
        }
    }
}
