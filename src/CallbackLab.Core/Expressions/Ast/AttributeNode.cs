using System.Collections.Generic;
using CallbackLab.Core.Expressions.Runtime;

namespace CallbackLab.Core.Expressions.Ast
{
    /// <summary><c>target.name</c>, <c>target['key']</c>, <c>target[0]</c>, or a Java-style call <c>target.name(args)</c>.</summary>
    internal sealed class AttributeNode : ExpressionNode
    {
        private readonly ExpressionNode _target;
        private readonly ExpressionNode _key;
        private readonly ExpressionNode[]? _methodArguments;

        public AttributeNode(ExpressionNode target, ExpressionNode key, ExpressionNode[]? methodArguments, int offset)
            : base(offset)
        {
            _target = target;
            _key = key;
            _methodArguments = methodArguments;
        }

        public override IEnumerable<ExpressionNode> Children
        {
            get
            {
                yield return _target;
                yield return _key;
                if (_methodArguments != null)
                {
                    foreach (ExpressionNode argument in _methodArguments) yield return argument;
                }
            }
        }

        public override object? Evaluate(EvaluationContext context)
        {
            object? target = _target.Evaluate(context);
            object? key = _key.Evaluate(context);
            if (_methodArguments is null)
            {
                return MemberAccess.GetAttribute(target, key, context, Offset, _target is VariableNode v && v.IsPlain ? v.FullName : null);
            }

            var args = new object?[_methodArguments.Length];
            for (int i = 0; i < args.Length; i++) args[i] = _methodArguments[i].Evaluate(context);
            try
            {
                return MemberAccess.InvokeMethod(target, PebbleValues.ToJavaString(key), args, context, Offset);
            }
            catch (ExpressionRuntimeError ex)
            {
                throw context.Error(Offset, ex.Message, ex);
            }
        }
    }
}
