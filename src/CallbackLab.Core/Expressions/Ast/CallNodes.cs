using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using CallbackLab.Core.Expressions.Runtime;

namespace CallbackLab.Core.Expressions.Ast
{
    /// <summary>
    /// Evaluates an operand with strict variables off: asking whether something exists (<c>is defined</c>, <c>is null</c>)
    /// or giving it a fallback (<c>| default</c>, as Pebble special-cases) must not fail because it does not exist.
    /// </summary>
    internal static class StrictnessSuspended
    {
        public static object? Evaluate(ExpressionNode node, EvaluationContext context)
        {
            bool saved = context.SuppressStrict;
            context.SuppressStrict = true;
            try
            {
                return node.Evaluate(context);
            }
            finally
            {
                context.SuppressStrict = saved;
            }
        }
    }

    /// <summary><c>input | name(args)</c>. An unknown filter fails when evaluated, as in Pebble.</summary>
    internal sealed class FilterNode : ExpressionNode
    {
        private readonly ExpressionNode _input;
        private readonly string _name;
        private readonly CallableDefinition<FilterFunction>? _filter;
        private readonly BoundArguments _arguments;
        private readonly bool _isDefault;

        public FilterNode(ExpressionNode input, string name, CallableDefinition<FilterFunction>? filter, BoundArguments arguments, int offset)
            : base(offset)
        {
            _input = input;
            _name = name;
            _filter = filter;
            _arguments = arguments;
            _isDefault = name == "default";
        }

        public override IEnumerable<ExpressionNode> Children
        {
            get
            {
                yield return _input;
                foreach (ExpressionNode argument in _arguments.Expressions) yield return argument;
            }
        }

        public override object? Evaluate(EvaluationContext context)
        {
            if (_filter is null || !_filter.IsAvailable(context.Options)) throw context.Error(Offset, $"Filter [{_name}] does not exist.");
            object? input = _isDefault ? StrictnessSuspended.Evaluate(_input, context) : _input.Evaluate(context);
            if (input is SafeString safe && _name != "escape") input = safe.Text;
            if (_arguments.Error != null) throw context.Error(Offset, _arguments.Error);
            ArgValues args = _arguments.Evaluate(context);
            try
            {
                return _filter.Invoke(input, in args, context);
            }
            catch (ExpressionRuntimeError ex)
            {
                throw context.Error(Offset, ex.Message, ex);
            }
        }
    }

    /// <summary><c>input is name</c> / <c>input is not name</c>.</summary>
    internal sealed class TestNode : ExpressionNode
    {
        private readonly ExpressionNode _input;
        private readonly string _name;
        private readonly CallableDefinition<TestFunction>? _test;
        private readonly BoundArguments _arguments;
        private readonly bool _negate;

        public TestNode(ExpressionNode input, string name, CallableDefinition<TestFunction>? test, BoundArguments arguments, bool negate, int offset)
            : base(offset)
        {
            _input = input;
            _name = name;
            _test = test;
            _arguments = arguments;
            _negate = negate;
        }

        public override IEnumerable<ExpressionNode> Children
        {
            get
            {
                yield return _input;
                foreach (ExpressionNode argument in _arguments.Expressions) yield return argument;
            }
        }

        public override object? Evaluate(EvaluationContext context)
        {
            if (_test is null) throw context.Error(Offset, $"Test [{_name}] does not exist.");
            object? input = _name == "defined" ? StrictnessSuspended.Evaluate(_input, context) : _input.Evaluate(context);

            if (_arguments.Error != null) throw context.Error(Offset, _arguments.Error);
            ArgValues args = _arguments.Evaluate(context);
            try
            {
                return PebbleValues.Box(_test.Invoke(input, in args, context) != _negate);
            }
            catch (ExpressionRuntimeError ex)
            {
                throw context.Error(Offset, ex.Message, ex);
            }
        }
    }

    /// <summary><c>name(args)</c>: <c>now()</c>, <c>min</c>, <c>max</c>, <c>range</c>.</summary>
    internal sealed class FunctionNode : ExpressionNode
    {
        private readonly string _name;
        private readonly CallableDefinition<FunctionFunction>? _function;
        private readonly BoundArguments _arguments;

        public FunctionNode(string name, CallableDefinition<FunctionFunction>? function, BoundArguments arguments, int offset)
            : base(offset)
        {
            _name = name;
            _function = function;
            _arguments = arguments;
        }

        public override IEnumerable<ExpressionNode> Children => _arguments.Expressions;

        public override object? Evaluate(EvaluationContext context)
        {
            if (_function is null && context.Macros.TryGetValue(_name, out MacroDefinition? macro))
            {
                ArgValues macroArgs = _arguments.Evaluate(context);
                return macro.Call(in macroArgs, context, Offset);
            }

            if (_function is null || !_function.IsAvailable(context.Options)) throw context.Error(Offset, $"Function or Macro [{_name}] does not exist.");
            if (_arguments.Error != null) throw context.Error(Offset, _arguments.Error);
            ArgValues args = _arguments.Evaluate(context);

            try
            {
                return _function.Invoke(in args, context);
            }
            catch (ExpressionRuntimeError ex)
            {
                throw context.Error(Offset, ex.Message, ex);
            }
            catch (RegexMatchTimeoutException ex)
            {
                throw context.Error(Offset, ex.Message, ex);
            }
            catch (ArgumentException ex)
            {
                throw context.Error(Offset, ex.Message, ex);
            }
        }
    }
}
