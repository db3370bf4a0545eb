using System;
using System.Collections.Generic;
using CallbackLab.Core.Expressions.Runtime;

namespace CallbackLab.Core.Expressions.Ast
{
    /// <summary>The binary operators other than <c>and</c>/<c>or</c> (short-circuit), filters and tests.</summary>
    internal enum BinaryOperator
    {
        Contains,
        Equals,
        NotEquals,
        Greater,
        Less,
        GreaterOrEqual,
        LessOrEqual,
        Add,
        Subtract,
        Multiply,
        Divide,
        Modulus,
        Concatenate,
        Range,
    }

    /// <summary>The short-circuit operators.</summary>
    internal enum LogicalOperator
    {
        And,
        Or,
    }

    /// <summary>The prefix operators (Pebble: <c>-x</c> is <c>-1 * x</c>, <c>+x</c> is <c>1 * x</c>).</summary>
    internal enum UnaryOperator
    {
        Not,
        Minus,
        Plus,
    }

    /// <summary>A binary operator with Pebble's <c>OperatorUtils</c> semantics.</summary>
    internal sealed class BinaryNode : ExpressionNode
    {
        private readonly BinaryOperator _operator;
        private readonly ExpressionNode _left;
        private readonly ExpressionNode _right;
        private readonly string? _failure;

        public BinaryNode(BinaryOperator op, ExpressionNode left, ExpressionNode right, int offset)
            : base(offset)
        {
            _operator = op;
            _left = left;
            _right = right;
            _failure = FailureMessage(op);
        }

        public override IEnumerable<ExpressionNode> Children => new[] { _left, _right };

        /// <summary>
        /// The message of the PebbleException that Pebble's arithmetic and comparison nodes raise for any failure inside
        /// them, their operands' included (Pebble's own wording, "greater modulus" for <c>&lt;</c> too); null for the
        /// operators whose errors pass through.
        /// </summary>
        private static string? FailureMessage(BinaryOperator op)
        {
            switch (op)
            {
                case BinaryOperator.Add: return "Could not perform addition";
                case BinaryOperator.Subtract: return "Could not perform subtraction";
                case BinaryOperator.Multiply: return "Could not perform multiplication";
                case BinaryOperator.Divide: return "Could not perform division";
                case BinaryOperator.Modulus: return "Could not perform greater modulus";
                case BinaryOperator.Less: return "Could not perform greater modulus";
                case BinaryOperator.Greater: return "Could not perform greater than comparison";
                case BinaryOperator.GreaterOrEqual: return "Could not perform greater than or equals comparison";
                case BinaryOperator.LessOrEqual: return "Could not perform less than or equals comparison";
                case BinaryOperator.Equals: return "Could not perform equals comparison";
                case BinaryOperator.NotEquals: return "Could not perform not equals comparison";
                default: return null;
            }
        }

        public override object? Evaluate(EvaluationContext context)
        {
            if (_failure is null) return EvaluatePassingErrors(context);
            try
            {
                return Apply(_left.Evaluate(context), _right.Evaluate(context), context);
            }
            catch (FlowExpressionException ex) when (!ex.IsLimit)
            {
                throw context.Error(Offset, _failure, ex);
            }
            catch (ExpressionRuntimeError ex) when (!ex.IsLimit)
            {
                throw context.Error(Offset, _failure, ex);
            }
            catch (ExpressionRuntimeError ex)
            {
                throw context.LimitError(Offset, ex.Message, ex);
            }
            catch (ArithmeticException ex)
            {
                throw context.Error(Offset, _failure, ex);
            }
        }

        private object? EvaluatePassingErrors(EvaluationContext context)
        {
            object? left = _left.Evaluate(context);
            object? right = _right.Evaluate(context);
            try
            {
                return Apply(left, right, context);
            }
            catch (ExpressionRuntimeError ex)
            {
                throw ex.IsLimit ? context.LimitError(Offset, ex.Message, ex) : context.Error(Offset, ex.Message, ex);
            }
        }

        private object? Apply(object? left, object? right, EvaluationContext context)
        {
            switch (_operator)
            {
                case BinaryOperator.Contains: return PebbleValues.Box(Contains(left, right));
                case BinaryOperator.Equals: return PebbleValues.Box(PebbleValues.JavaEquals(left, right));
                case BinaryOperator.NotEquals: return PebbleValues.Box(!PebbleValues.JavaEquals(left, right));
                case BinaryOperator.Greater: return PebbleValues.Box(PebbleOperators.Compare(ComparisonOperation.GreaterThan, left, right));
                case BinaryOperator.Less: return PebbleValues.Box(PebbleOperators.Compare(ComparisonOperation.LessThan, left, right));
                case BinaryOperator.GreaterOrEqual: return PebbleValues.Box(PebbleOperators.Compare(ComparisonOperation.GreaterThanEquals, left, right));
                case BinaryOperator.LessOrEqual: return PebbleValues.Box(PebbleOperators.Compare(ComparisonOperation.LessThanEquals, left, right));
                case BinaryOperator.Add: return PebbleOperators.Add(left, right, context.Options.MaxStringLength, context.Options.MaxRangeSize);
                case BinaryOperator.Subtract: return PebbleOperators.Subtract(left, right);
                case BinaryOperator.Multiply: return PebbleOperators.Arithmetic(ArithmeticOperation.Multiplication, left, right);
                case BinaryOperator.Divide: return PebbleOperators.Arithmetic(ArithmeticOperation.Division, left, right);
                case BinaryOperator.Modulus: return PebbleOperators.Arithmetic(ArithmeticOperation.Modulus, left, right);
                case BinaryOperator.Concatenate: return Concatenate(left, right, context);
                default: return BuiltInFunctions.Range(left, right, JavaNumbers.Box(1), context);
            }
        }

        /// <summary><c>~</c> and string interpolation: null contributes nothing.</summary>
        public static string Concatenate(object? left, object? right, EvaluationContext context)
        {
            string l = left is null ? string.Empty : PebbleValues.ToJavaString(left);
            string r = right is null ? string.Empty : PebbleValues.ToJavaString(right);
            PebbleValues.CheckLength((long)l.Length + r.Length, context.Options.MaxStringLength);
            return string.Concat(l, r);
        }

        /// <summary>Pebble's <c>contains</c>: element (or all elements) of a list, key of a map, substring of a string.</summary>
        private static bool Contains(object? left, object? right)
        {
            if (left is null) return false;
            if (left is string s) return right is string wanted && s.IndexOf(wanted, StringComparison.Ordinal) >= 0;
            if (PebbleCollections.IsMap(left)) return PebbleCollections.TryGetMapValue(left, right, out _);
            if (PebbleCollections.IsList(left))
            {
                List<object?> items = PebbleCollections.ToList(left);
                if (PebbleCollections.IsList(right))
                {
                    foreach (object? wanted in PebbleCollections.ToList(right!))
                    {
                        if (!items.Exists(x => PebbleValues.JavaObjectEquals(x, wanted))) return false;
                    }

                    return true;
                }

                return items.Exists(x => PebbleValues.JavaObjectEquals(x, right));
            }

            throw new ExpressionRuntimeError(
                $"Contains operator can only be used on Collections, Maps and arrays. Actual type was: {PebbleValues.JavaTypeName(left)}");
        }
    }

    /// <summary><c>and</c> / <c>or</c>, evaluated left to right with short-circuit.</summary>
    internal sealed class LogicalNode : ExpressionNode
    {
        private readonly LogicalOperator _operator;
        private readonly ExpressionNode _left;
        private readonly ExpressionNode _right;

        public LogicalNode(LogicalOperator op, ExpressionNode left, ExpressionNode right, int offset)
            : base(offset)
        {
            _operator = op;
            _left = left;
            _right = right;
        }

        public override IEnumerable<ExpressionNode> Children => new[] { _left, _right };

        public override object? Evaluate(EvaluationContext context)
        {
            bool isAnd = _operator == LogicalOperator.And;
            bool left = Operand(_left, context);
            if (isAnd && !left) return PebbleValues.False;
            if (!isAnd && left) return PebbleValues.True;
            return PebbleValues.Box(Operand(_right, context));
        }

        /// <summary>Pebble's And/OrExpression: compatibleCast to Boolean; null is false unless variables are strict.</summary>
        private bool Operand(ExpressionNode node, EvaluationContext context)
        {
            bool? truth;
            try
            {
                truth = PebbleValues.JavaTruth(node.Evaluate(context));
            }
            catch (ExpressionRuntimeError ex)
            {
                throw context.Error(Offset, ex.Message, ex);
            }

            // Pebble's OrExpression reuses the and-operator's message.
            if (truth is null && context.StrictNow) throw context.Error(Offset, "null value used in and operator and strict variables is set to true");
            return truth ?? false;
        }
    }

    /// <summary>Unary <c>not</c>, <c>-</c> and <c>+</c>.</summary>
    internal sealed class UnaryNode : ExpressionNode
    {
        private readonly UnaryOperator _operator;
        private readonly ExpressionNode _operand;

        public UnaryNode(UnaryOperator op, ExpressionNode operand, int offset)
            : base(offset)
        {
            _operator = op;
            _operand = operand;
        }

        public override IEnumerable<ExpressionNode> Children => new[] { _operand };

        /// <summary>The operand of Pebble's UnaryNotExpression as a boolean (the result is its negation).</summary>
        private bool Not(object? value, EvaluationContext context)
        {
            if (value is null)
            {
                if (context.StrictNow) throw context.Error(Offset, "null value given to not() and strict variables is set to true");
                return false;
            }

            if (!PebbleValues.IsTruthCastable(value))
            {
                throw context.Error(Offset,
                    $"Unsupported value type {PebbleValues.JavaSimpleTypeName(value)}. Expected Boolean, String, Number in \"if\" statement");
            }

            return PebbleValues.JavaTruth(value) == true;
        }

        public override object? Evaluate(EvaluationContext context)
        {
            object? value = _operand.Evaluate(context);
            try
            {
                switch (_operator)
                {
                    case UnaryOperator.Not: return PebbleValues.Box(!Not(value, context));
                    case UnaryOperator.Minus: return PebbleOperators.Arithmetic(ArithmeticOperation.Multiplication, JavaNumbers.Box(-1), value);
                    default: return PebbleOperators.Arithmetic(ArithmeticOperation.Multiplication, JavaNumbers.Box(1), value);
                }
            }
            catch (ExpressionRuntimeError ex)
            {
                throw context.Error(Offset, ex.Message, ex);
            }
        }
    }

    /// <summary><c>condition ? a : b</c>.</summary>
    internal sealed class TernaryNode : ExpressionNode
    {
        private readonly ExpressionNode _condition;
        private readonly ExpressionNode _whenTrue;
        private readonly ExpressionNode _whenFalse;

        public TernaryNode(ExpressionNode condition, ExpressionNode whenTrue, ExpressionNode whenFalse, int offset)
            : base(offset)
        {
            _condition = condition;
            _whenTrue = whenTrue;
            _whenFalse = whenFalse;
        }

        public override IEnumerable<ExpressionNode> Children => new[] { _condition, _whenTrue, _whenFalse };

        public override object? Evaluate(EvaluationContext context)
        {
            bool condition;
            try
            {
                condition = PebbleValues.JavaTruth(_condition.Evaluate(context)) == true;
            }
            catch (ExpressionRuntimeError ex)
            {
                throw context.Error(Offset, ex.Message, ex);
            }

            return condition ? _whenTrue.Evaluate(context) : _whenFalse.Evaluate(context);
        }
    }

    /// <summary>A list literal <c>[a, b]</c>: a new list on every evaluation, since filters may modify lists.</summary>
    internal sealed class ListNode : ExpressionNode
    {
        private readonly ExpressionNode[] _items;

        public ListNode(ExpressionNode[] items, int offset)
            : base(offset)
        {
            _items = items;
        }

        public override IEnumerable<ExpressionNode> Children => _items;

        public override object? Evaluate(EvaluationContext context)
        {
            var list = new List<object?>(_items.Length);
            foreach (ExpressionNode item in _items) list.Add(item.Evaluate(context));
            return list;
        }
    }

    /// <summary>A map literal <c>{k: v}</c>, keeping the written order (keys print with Java's String.valueOf).</summary>
    internal sealed class MapNode : ExpressionNode
    {
        private readonly KeyValuePair<ExpressionNode, ExpressionNode>[] _entries;

        public MapNode(KeyValuePair<ExpressionNode, ExpressionNode>[] entries, int offset)
            : base(offset)
        {
            _entries = entries;
        }

        public override IEnumerable<ExpressionNode> Children
        {
            get
            {
                foreach (KeyValuePair<ExpressionNode, ExpressionNode> entry in _entries)
                {
                    yield return entry.Key;
                    yield return entry.Value;
                }
            }
        }

        public override object? Evaluate(EvaluationContext context)
        {
            var map = new MapLiteral(_entries.Length);
            foreach (KeyValuePair<ExpressionNode, ExpressionNode> entry in _entries)
            {
                map[PebbleValues.ToJavaString(entry.Key.Evaluate(context))] = entry.Value.Evaluate(context);
            }

            return map;
        }
    }

    /// <summary>String interpolation <c>"a #{b} c"</c>: the parts concatenated, nulls as nothing.</summary>
    internal sealed class InterpolationNode : ExpressionNode
    {
        private readonly ExpressionNode[] _parts;

        public InterpolationNode(ExpressionNode[] parts, int offset)
            : base(offset)
        {
            _parts = parts;
        }

        public override IEnumerable<ExpressionNode> Children => _parts;

        public override object? Evaluate(EvaluationContext context)
        {
            string result = string.Empty;
            try
            {
                foreach (ExpressionNode part in _parts) result = BinaryNode.Concatenate(result, part.Evaluate(context), context);
            }
            catch (ExpressionRuntimeError ex)
            {
                throw context.Error(Offset, ex.Message, ex);
            }

            return result;
        }
    }
}
