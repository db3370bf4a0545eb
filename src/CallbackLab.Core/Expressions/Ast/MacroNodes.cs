using System.Collections.Generic;
using System.Text;
using CallbackLab.Core.Expressions.Runtime;

namespace CallbackLab.Core.Expressions.Ast
{
    /// <summary>
    /// <c>{% macro name(a, b='x') %}…{% endmacro %}</c>: a template function. A call renders the body in a scope of its own
    /// (the caller's <c>set</c> names are not visible, the arguments are) and returns the text as a safe string.
    /// </summary>
    internal sealed class MacroDefinition
    {
        private readonly string[] _parameters;
        private readonly ExpressionNode?[] _defaults;
        private readonly TemplateNode[] _body;

        public MacroDefinition(string name, string[] parameters, ExpressionNode?[] defaults, TemplateNode[] body)
        {
            Name = name;
            _parameters = parameters;
            _defaults = defaults;
            _body = body;
        }

        public string Name { get; }

        public object? Call(in ArgValues args, EvaluationContext context, int offset)
        {
            // A macro may call itself: bound the depth as for include, instead of overflowing the stack.
            if (context.IncludeDepth >= Parsing.TemplateParser.MaxDepth) throw context.LimitError(offset, $"Macros call each other more than {Parsing.TemplateParser.MaxDepth} levels deep.");

            var scope = new Dictionary<string, object?>(System.StringComparer.Ordinal);
            for (int i = 0; i < _parameters.Length; i++)
            {
                scope[_parameters[i]] = i < args.Count ? args[i] : _defaults[i]?.Evaluate(context);
            }

            Dictionary<string, object?>? callerLocals = context.ReplaceLocals(scope);
            context.IncludeDepth++;
            try
            {
                var output = new StringBuilder();
                foreach (TemplateNode node in _body) node.Render(output, context);
                return new SafeString(output.ToString());
            }
            finally
            {
                context.IncludeDepth--;
                context.ReplaceLocals(callerLocals);
            }
        }
    }
}
