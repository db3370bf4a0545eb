namespace CallbackLab.Core.Expressions.Runtime
{
    /// <summary>
    /// Evaluated arguments of a filter, test or function call, by declared slot. Three slots live inline so the common
    /// calls (<c>slice(2)</c>, <c>split("@")</c>) allocate nothing; variadic calls use <see cref="Rest"/>.
    /// An absent argument is null, as in Pebble's argument map.
    /// </summary>
    internal readonly struct ArgValues
    {
        public ArgValues(int count, object? a0, object? a1, object? a2, object?[]? rest)
        {
            Count = count;
            A0 = a0;
            A1 = a1;
            A2 = a2;
            Rest = rest;
        }

        public int Count { get; }

        public object? A0 { get; }

        public object? A1 { get; }

        public object? A2 { get; }

        /// <summary>All values when there are more than three.</summary>
        public object?[]? Rest { get; }

        public object? this[int index]
        {
            get
            {
                if (index >= Count) return null;
                if (Rest != null) return Rest[index];
                return index == 0 ? A0 : index == 1 ? A1 : A2;
            }
        }
    }

    /// <summary>A filter: <c>input | name(args)</c>.</summary>
    internal delegate object? FilterFunction(object? input, in ArgValues args, EvaluationContext context);

    /// <summary>A test: <c>input is name(args)</c>.</summary>
    internal delegate bool TestFunction(object? input, in ArgValues args, EvaluationContext context);

    /// <summary>A function: <c>name(args)</c>.</summary>
    internal delegate object? FunctionFunction(in ArgValues args, EvaluationContext context);

    /// <summary>A named callable with Pebble's declared argument names (null: any positional arguments, unchecked).</summary>
    internal sealed class CallableDefinition<T>
        where T : class
    {
        public CallableDefinition(string name, string[]? argumentNames, T invoke, bool flowDesignerAddition = false)
        {
            Name = name;
            ArgumentNames = argumentNames;
            Invoke = invoke;
            FlowDesignerAddition = flowDesignerAddition;
        }

        /// <summary>Flow Designer's addition to Pebble (<c>now</c>, <c>epoch</c>): unknown when <see cref="ExpressionOptions.FlowDesignerAdditions"/> is off.</summary>
        public bool FlowDesignerAddition { get; }

        /// <summary>Whether the callable exists under <paramref name="options"/>.</summary>
        public bool IsAvailable(ExpressionOptions options) => !FlowDesignerAddition || options.FlowDesignerAdditions;

        public string Name { get; }

        public string[]? ArgumentNames { get; }

        public T Invoke { get; }
    }
}
