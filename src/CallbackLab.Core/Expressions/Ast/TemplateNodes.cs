using System.Collections;
using System.Collections.Generic;
using System.Text;
using CallbackLab.Core.Expressions.Runtime;

namespace CallbackLab.Core.Expressions.Ast
{
    /// <summary>A piece of template output: text, <c>{{ }}</c>, or a tag.</summary>
    internal abstract class TemplateNode
    {
        public abstract void Render(StringBuilder output, EvaluationContext context);

        /// <summary>The expressions of this node, in source order (for tree walkers).</summary>
        public virtual IEnumerable<ExpressionNode> Expressions => System.Array.Empty<ExpressionNode>();

        /// <summary>The nested bodies (if branches, loop body and else...).</summary>
        public virtual IEnumerable<TemplateNode[]> Bodies => System.Array.Empty<TemplateNode[]>();

        /// <summary>The variable name this node defines (<c>set</c>, <c>for</c>), or null.</summary>
        public virtual string? DeclaredName => null;

        protected static void Append(StringBuilder output, string text, EvaluationContext context, int offset)
        {
            if (output.Length + (long)text.Length > context.Options.MaxStringLength)
            {
                throw context.LimitError(offset, FlowTemplate.OutputLimitMessage(context.Options.MaxStringLength));
            }

            output.Append(text);
        }

        protected static void RenderBody(TemplateNode[] body, StringBuilder output, EvaluationContext context)
        {
            foreach (TemplateNode node in body) node.Render(output, context);
        }
    }

    /// <summary>Literal text between tags.</summary>
    internal sealed class TextNode : TemplateNode
    {
        public TextNode(string text, int offset)
        {
            Text = text;
            Offset = offset;
        }

        public string Text { get; }

        public int Offset { get; }

        public override void Render(StringBuilder output, EvaluationContext context) => Append(output, Text, context, Offset);
    }

    /// <summary><c>{{ expression }}</c>.</summary>
    internal sealed class PrintNode : TemplateNode
    {
        public PrintNode(ExpressionNode expression)
        {
            Expression = expression;
        }

        public ExpressionNode Expression { get; }

        public override IEnumerable<ExpressionNode> Expressions => new[] { Expression };

        public override void Render(StringBuilder output, EvaluationContext context)
        {
            object? value = Expression.Evaluate(context);
            string text = PebbleValues.ToOutput(value);
            if (context.AutoEscapeStrategy != null && !(value is SafeString) && value != null)
            {
                try
                {
                    text = Escaping.Apply(text, context.AutoEscapeStrategy);
                }
                catch (ExpressionRuntimeError ex)
                {
                    throw context.Error(Expression.Offset, ex.Message, ex);
                }
            }

            Append(output, text, context, Expression.Offset);
        }
    }

    /// <summary><c>{% set name = expression %}</c>.</summary>
    internal sealed class SetNode : TemplateNode
    {
        private readonly string _name;
        private readonly ExpressionNode _value;

        public SetNode(string name, ExpressionNode value)
        {
            _name = name;
            _value = value;
        }

        public override IEnumerable<ExpressionNode> Expressions => new[] { _value };

        public override string? DeclaredName => _name;

        public override void Render(StringBuilder output, EvaluationContext context) => context.SetLocal(_name, _value.Evaluate(context));
    }

    /// <summary><c>{% if %}…{% elseif %}…{% else %}…{% endif %}</c>.</summary>
    internal sealed class IfNode : TemplateNode
    {
        private readonly KeyValuePair<ExpressionNode, TemplateNode[]>[] _branches;
        private readonly TemplateNode[]? _else;

        public IfNode(KeyValuePair<ExpressionNode, TemplateNode[]>[] branches, TemplateNode[]? elseBody)
        {
            _branches = branches;
            _else = elseBody;
        }

        public override IEnumerable<ExpressionNode> Expressions
        {
            get
            {
                foreach (KeyValuePair<ExpressionNode, TemplateNode[]> branch in _branches) yield return branch.Key;
            }
        }

        public override IEnumerable<TemplateNode[]> Bodies
        {
            get
            {
                foreach (KeyValuePair<ExpressionNode, TemplateNode[]> branch in _branches) yield return branch.Value;
                if (_else != null) yield return _else;
            }
        }

        public override void Render(StringBuilder output, EvaluationContext context)
        {
            foreach (KeyValuePair<ExpressionNode, TemplateNode[]> branch in _branches)
            {
                bool satisfied = Satisfied(branch.Key, context);

                if (satisfied)
                {
                    RenderBody(branch.Value, output, context);
                    return;
                }
            }

            if (_else != null) RenderBody(_else, output, context);
        }

        /// <summary>
        /// Pebble's IfNode: a Boolean, Number (not 0) or String (not empty) decides; null is false unless variables are
        /// strict; any other value, and a strict null, fail with Pebble's one message for them.
        /// </summary>
        private static bool Satisfied(ExpressionNode condition, EvaluationContext context)
        {
            // Pebble evaluates the condition leniently and then refuses a null under strict variables with its one message.
            object? value = StrictnessSuspended.Evaluate(condition, context);
            if (value is null && !context.StrictNow) return false;
            if (value is null || !PebbleValues.IsTruthCastable(value))
            {
                throw context.Error(condition.Offset, "Wrong operand(s) type in conditional expression");
            }

            return PebbleValues.JavaTruth(value) == true;
        }
    }

    /// <summary>
    /// <c>{% for item in iterable %}…{% else %}…{% endfor %}</c>, with Pebble's <c>loop</c> variable
    /// (index, revindex, first, last, length). A map iterates its entries (<c>entry.key</c>, <c>entry.value</c>).
    /// </summary>
    internal sealed class ForNode : TemplateNode
    {
        private readonly string _variable;
        private readonly ExpressionNode _iterable;
        private readonly TemplateNode[] _body;
        private readonly TemplateNode[]? _else;

        public ForNode(string variable, ExpressionNode iterable, TemplateNode[] body, TemplateNode[]? elseBody)
        {
            _variable = variable;
            _iterable = iterable;
            _body = body;
            _else = elseBody;
        }

        public override IEnumerable<ExpressionNode> Expressions => new[] { _iterable };

        public override IEnumerable<TemplateNode[]> Bodies => _else is null ? new[] { _body } : new[] { _body, _else };

        public override string? DeclaredName => _variable;

        public override void Render(StringBuilder output, EvaluationContext context)
        {
            object? source = _iterable.Evaluate(context);

            // Pebble renders nothing at all for a null iterable, not even the else branch.
            if (source is null) return;
            List<object?> items = ToItems(source, context);
            if (items.Count == 0)
            {
                if (_else != null) RenderBody(_else, output, context);
                return;
            }

            // The loop is a scope: names its body sets stay inside it, unless they existed before (then they are updated).
            HashSet<string> before = context.LocalNames();
            bool hadVariable = context.RemoveLocal(_variable, out object? savedVariable);
            bool hadLoop = context.RemoveLocal("loop", out object? savedLoop);
            for (int i = 0; i < items.Count; i++)
            {
                context.LoopIterations++;
                if (context.LoopIterations > context.Options.MaxLoopIterations)
                {
                    throw context.LimitError(_iterable.Offset, $"The template ran more than {context.Options.MaxLoopIterations} loop iterations.");
                }

                context.SetLocal(_variable, items[i]);
                context.SetLocal("loop", new Dictionary<string, object?>
                {
                    ["index"] = JavaNumbers.Box(i),
                    ["revindex"] = JavaNumbers.Box(items.Count - i - 1),
                    ["first"] = PebbleValues.Box(i == 0),
                    ["last"] = PebbleValues.Box(i == items.Count - 1),
                    ["length"] = JavaNumbers.Box(items.Count),
                });
                RenderBody(_body, output, context);
            }

            context.RemoveLocal(_variable, out _);
            context.RemoveLocal("loop", out _);
            context.RemoveLocalsExcept(before);
            if (hadVariable) context.SetLocal(_variable, savedVariable);
            if (hadLoop) context.SetLocal("loop", savedLoop);
        }

        private List<object?> ToItems(object source, EvaluationContext context)
        {
            if (PebbleCollections.IsMap(source))
            {
                var entries = new List<object?>();
                foreach (KeyValuePair<object?, object?> e in PebbleCollections.MapEntries(source)) entries.Add(new MapEntry(e.Key, e.Value));
                return entries;
            }

            if (PebbleCollections.IsList(source)) return PebbleCollections.ToList(source);
            throw context.Error(_iterable.Offset, $"Not an iterable object. Value = [{PebbleValues.ToJavaString(source)}]");
        }
    }
}
