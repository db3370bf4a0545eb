using System.Collections.Generic;
using CallbackLab.Core.Expressions.Runtime;

namespace CallbackLab.Core.Expressions.Ast
{
    /// <summary>A compiled expression: immutable after parsing, so one tree serves every thread.</summary>
    internal abstract class ExpressionNode
    {
        protected ExpressionNode(int offset)
        {
            Offset = offset;
        }

        /// <summary>0-based offset of the token that starts (or names) this node, for error positions.</summary>
        public int Offset { get; }

        public abstract object? Evaluate(EvaluationContext context);

        /// <summary>The operands, in source order (for tree walkers such as <see cref="VariableReferenceWalker"/>).</summary>
        public virtual IEnumerable<ExpressionNode> Children => System.Array.Empty<ExpressionNode>();
    }

    /// <summary>A literal value (string, number, boolean, null).</summary>
    internal sealed class LiteralNode : ExpressionNode
    {
        private readonly object? _value;

        public LiteralNode(object? value, int offset)
            : base(offset)
        {
            _value = value;
        }

        public object? Value => _value;

        public override object? Evaluate(EvaluationContext context) => _value;
    }
}
