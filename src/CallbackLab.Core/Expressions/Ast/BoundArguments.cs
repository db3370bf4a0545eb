using System.Collections.Generic;
using CallbackLab.Core.Expressions.Runtime;

namespace CallbackLab.Core.Expressions.Ast
{
    /// <summary>A named argument as written: <c>inMillis=true</c>.</summary>
    internal readonly struct NamedArgument
    {
        public NamedArgument(string name, ExpressionNode value)
        {
            Name = name;
            Value = value;
        }

        public string Name { get; }

        public ExpressionNode Value { get; }
    }

    /// <summary>
    /// Call arguments matched to the callee's declared names once, at parse time. A mismatch is kept as the message
    /// Pebble raises, and raised when the call is evaluated (Pebble checks arguments at render time).
    /// </summary>
    internal sealed class BoundArguments
    {
        private readonly ExpressionNode?[] _slots;

        private BoundArguments(ExpressionNode?[] slots, string? error)
        {
            _slots = slots;
            Error = error;
        }

        public string? Error { get; }

        /// <summary>The argument expressions by slot (a slot is null when the call leaves it out).</summary>
        public IEnumerable<ExpressionNode> Expressions
        {
            get
            {
                foreach (ExpressionNode? slot in _slots)
                {
                    if (slot != null) yield return slot;
                }
            }
        }

        public static BoundArguments Bind(string[]? argumentNames, List<ExpressionNode> positional, List<NamedArgument> named)
        {
            if (argumentNames is null)
            {
                return new BoundArguments(positional.ToArray(), null);
            }

            var slots = new ExpressionNode?[argumentNames.Length];
            for (int i = 0; i < positional.Count; i++)
            {
                if (i >= argumentNames.Length)
                {
                    return new BoundArguments(slots,
                        $"The argument at position {i + 1} is not allowed. Only {argumentNames.Length} argument(s) are allowed.");
                }

                slots[i] = positional[i];
            }

            foreach (NamedArgument argument in named)
            {
                int index = System.Array.IndexOf(argumentNames, argument.Name);
                if (index < 0)
                {
                    return new BoundArguments(slots, $"The following named argument does not exist: {argument.Name}");
                }

                slots[index] = argument.Value;
            }

            int used = slots.Length;
            while (used > 0 && slots[used - 1] is null) used--;
            if (used < slots.Length) System.Array.Resize(ref slots, used);
            return new BoundArguments(slots, null);
        }

        public ArgValues Evaluate(EvaluationContext context)
        {
            ExpressionNode?[] slots = _slots;
            switch (slots.Length)
            {
                case 0: return default;
                case 1: return new ArgValues(1, slots[0]?.Evaluate(context), null, null, null);
                case 2: return new ArgValues(2, slots[0]?.Evaluate(context), slots[1]?.Evaluate(context), null, null);
                case 3: return new ArgValues(3, slots[0]?.Evaluate(context), slots[1]?.Evaluate(context), slots[2]?.Evaluate(context), null);
                default:
                    var values = new object?[slots.Length];
                    for (int i = 0; i < values.Length; i++) values[i] = slots[i]?.Evaluate(context);
                    return new ArgValues(values.Length, null, null, null, values);
            }
        }
    }
}
