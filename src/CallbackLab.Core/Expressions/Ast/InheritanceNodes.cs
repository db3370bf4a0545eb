using System.Collections.Generic;
using System.Text;
using CallbackLab.Core.Expressions.Runtime;

namespace CallbackLab.Core.Expressions.Ast
{
    /// <summary><c>{% block name %}…{% endblock %}</c>: its own body, or the body a template extending this one gives the same name.</summary>
    internal sealed class BlockNode : TemplateNode
    {
        public BlockNode(string name, TemplateNode[] body)
        {
            Name = name;
            Body = body;
        }

        public string Name { get; }

        public TemplateNode[] Body { get; }

        public override IEnumerable<TemplateNode[]> Bodies => new[] { Body };

        public override void Render(StringBuilder output, EvaluationContext context)
        {
            TemplateNode[] body = context.BlockOverrides != null && context.BlockOverrides.TryGetValue(Name, out TemplateNode[]? overriding) ? overriding : Body;
            RenderBody(body, output, context);
        }
    }

    /// <summary>
    /// <c>{% import 'name' %}</c> and <c>{% from 'name' import m as n %}</c>: the named template's macros become callable here
    /// (with Pebble's string loader the name is the template text).
    /// </summary>
    internal sealed class ImportNode : TemplateNode
    {
        private readonly ExpressionNode _source;
        private readonly KeyValuePair<string, string>[]? _names;

        public ImportNode(ExpressionNode source, KeyValuePair<string, string>[]? names)
        {
            _source = source;
            _names = names;
        }

        public override IEnumerable<ExpressionNode> Expressions => new[] { _source };

        public override void Render(StringBuilder output, EvaluationContext context)
        {
            IReadOnlyDictionary<string, MacroDefinition> available = FlowTemplate.Parse(PebbleValues.ToOutput(_source.Evaluate(context))).Macros;
            var macros = new Dictionary<string, MacroDefinition>(System.StringComparer.Ordinal);
            foreach (KeyValuePair<string, MacroDefinition> known in context.Macros) macros[known.Key] = known.Value;
            if (_names is null)
            {
                foreach (KeyValuePair<string, MacroDefinition> imported in available) macros[imported.Key] = imported.Value;
            }
            else
            {
                foreach (KeyValuePair<string, string> name in _names)
                {
                    if (!available.TryGetValue(name.Key, out MacroDefinition? macro))
                    {
                        throw context.Error(_source.Offset, $"Function or Macro [{name.Key}] referenced by alias [{name.Value}] does not exist.");
                    }

                    macros[name.Value] = macro;
                }
            }

            context.Macros = macros;
        }
    }
}
