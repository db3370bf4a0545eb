using System.Collections.Generic;
using System.Text;
using CallbackLab.Core.Expressions.Runtime;

namespace CallbackLab.Core.Expressions.Ast
{
    /// <summary>A tag that only renders its body: <c>block</c>, <c>cache</c>, <c>parallel</c> (nothing to share or cache in one render).</summary>
    internal sealed class BodyNode : TemplateNode
    {
        private readonly TemplateNode[] _body;

        public BodyNode(TemplateNode[] body)
        {
            _body = body;
        }

        public override IEnumerable<TemplateNode[]> Bodies => new[] { _body };

        public override void Render(StringBuilder output, EvaluationContext context) => RenderBody(_body, output, context);
    }

    /// <summary><c>{% filter upper | trim %}…{% endfilter %}</c>: the rendered body goes through the filter chain.</summary>
    internal sealed class FilterTagNode : TemplateNode
    {
        private readonly TemplateNode[] _body;
        private readonly ExpressionNode _chain;

        public FilterTagNode(TemplateNode[] body, ExpressionNode chain)
        {
            _body = body;
            _chain = chain;
        }

        public override IEnumerable<ExpressionNode> Expressions => new[] { _chain };

        public override IEnumerable<TemplateNode[]> Bodies => new[] { _body };

        public override void Render(StringBuilder output, EvaluationContext context)
        {
            var captured = new StringBuilder();
            RenderBody(_body, captured, context);
            object? saved = context.FilterTagInput;
            context.FilterTagInput = captured.ToString();
            try
            {
                Append(output, PebbleValues.ToOutput(_chain.Evaluate(context)), context, _chain.Offset);
            }
            finally
            {
                context.FilterTagInput = saved;
            }
        }
    }

    /// <summary>The body text a <c>filter</c> tag feeds into its chain.</summary>
    internal sealed class FilterTagInputNode : ExpressionNode
    {
        public FilterTagInputNode(int offset)
            : base(offset)
        {
        }

        public override object? Evaluate(EvaluationContext context) => context.FilterTagInput;
    }

    /// <summary><c>{% autoescape 'js' %}…{% endautoescape %}</c>: printed values are escaped (false: not), safe strings excepted.</summary>
    internal sealed class AutoEscapeNode : TemplateNode
    {
        private readonly TemplateNode[] _body;
        private readonly ExpressionNode? _strategy;

        public AutoEscapeNode(TemplateNode[] body, ExpressionNode? strategy)
        {
            _body = body;
            _strategy = strategy;
        }

        public override IEnumerable<ExpressionNode> Expressions => _strategy is null ? System.Array.Empty<ExpressionNode>() : new[] { _strategy };

        public override IEnumerable<TemplateNode[]> Bodies => new[] { _body };

        public override void Render(StringBuilder output, EvaluationContext context)
        {
            object? setting = _strategy?.Evaluate(context);
            string? saved = context.AutoEscapeStrategy;
            context.AutoEscapeStrategy = setting is bool on ? (on ? "html" : null) : setting is null ? "html" : PebbleValues.ToJavaString(setting);
            try
            {
                RenderBody(_body, output, context);
            }
            finally
            {
                context.AutoEscapeStrategy = saved;
            }
        }
    }

    /// <summary><c>{% include 'name' %}</c> and <c>{% embed 'name' %}</c>: with Pebble's string loader the name is the template text.</summary>
    internal sealed class IncludeNode : TemplateNode
    {
        private readonly ExpressionNode _name;

        public IncludeNode(ExpressionNode name)
        {
            _name = name;
        }

        public override IEnumerable<ExpressionNode> Expressions => new[] { _name };

        public override void Render(StringBuilder output, EvaluationContext context)
        {
            string text = PebbleValues.ToOutput(_name.Evaluate(context));
            context.IncludeDepth++;
            try
            {
                if (context.IncludeDepth > Parsing.TemplateParser.MaxDepth) throw context.Error(_name.Offset, "Templates include each other too deeply.");
                foreach (TemplateNode node in FlowTemplate.Parse(text).Nodes) node.Render(output, context);
            }
            finally
            {
                context.IncludeDepth--;
            }
        }
    }

    /// <summary>A tag with no output here: <c>flush</c>, and <c>import</c> (whose macros this engine does not run).</summary>
    internal sealed class NoOutputNode : TemplateNode
    {
        public static readonly NoOutputNode Instance = new NoOutputNode();

        public override void Render(StringBuilder output, EvaluationContext context)
        {
        }
    }
}
