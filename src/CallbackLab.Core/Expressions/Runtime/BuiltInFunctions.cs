using System.Collections.Generic;

namespace CallbackLab.Core.Expressions.Runtime
{
    /// <summary>Pebble's functions <c>min</c>, <c>max</c>, <c>range</c> and WxCC's <c>now()</c>.</summary>
    internal static class BuiltInFunctions
    {
        public static readonly IReadOnlyDictionary<string, CallableDefinition<FunctionFunction>> All = new System.Collections.ObjectModel.ReadOnlyDictionary<string, CallableDefinition<FunctionFunction>>(new Dictionary<string, CallableDefinition<FunctionFunction>>
        {
            ["now"] = new CallableDefinition<FunctionFunction>("now", System.Array.Empty<string>(), Now, flowDesignerAddition: true),
            ["min"] = new CallableDefinition<FunctionFunction>("min", null, Min),
            ["max"] = new CallableDefinition<FunctionFunction>("max", null, Max),
            ["range"] = new CallableDefinition<FunctionFunction>("range", new[] { "start", "end", "increment" }, RangeFunction),
            ["block"] = new CallableDefinition<FunctionFunction>("block", null, (in ArgValues a, EvaluationContext c) => null),
            ["parent"] = new CallableDefinition<FunctionFunction>("parent", null, (in ArgValues a, EvaluationContext c) =>
                throw new ExpressionRuntimeError("Can not use parent function if template does not extend another template.")),
            ["i18n"] = new CallableDefinition<FunctionFunction>("i18n", null, (in ArgValues a, EvaluationContext c) =>
                throw new ExpressionRuntimeError($"Can't find bundle for base name {PebbleValues.ToJavaString(a[0])}, locale en_US")),
        });

        private static object? Now(in ArgValues args, EvaluationContext context) => context.Options.Clock();

        private static object? Min(in ArgValues args, EvaluationContext context) => Extreme(args, wantMax: false);

        private static object? Max(in ArgValues args, EvaluationContext context) => Extreme(args, wantMax: true);

        private static object? Extreme(in ArgValues args, bool wantMax)
        {
            // Pebble's min/max skip null arguments.
            object? best = null;
            for (int i = 0; i < args.Count; i++)
            {
                object? candidate = args[i];
                if (candidate is null) continue;
                if (best is null)
                {
                    best = candidate;
                    continue;
                }

                if (wantMax
                    ? PebbleOperators.Compare(ComparisonOperation.GreaterThan, candidate, best)
                    : PebbleOperators.Compare(ComparisonOperation.LessThan, candidate, best))
                {
                    best = candidate;
                }
            }

            return best;
        }

        private static object? RangeFunction(in ArgValues args, EvaluationContext context) =>
            Range(args.A0, args.A1, args.Count > 2 && args.A2 != null ? args.A2 : JavaNumbers.Box(1), context);

        /// <summary>An inclusive range of longs (or of single characters), bounded by <see cref="ExpressionOptions.MaxRangeSize"/>.</summary>
        public static List<object?> Range(object? start, object? end, object? increment, EvaluationContext context)
        {
            if (!PebbleValues.IsNumber(increment)) throw new ExpressionRuntimeError("The increment of the range function must be a number " + PebbleValues.ToJavaString(increment));
            long step = increment is long l ? l : (long)PebbleValues.ToDouble(increment!);
            if (step == 0) throw new ExpressionRuntimeError("The increment of the range function must be different than 0");

            bool chars = start is string cs && cs.Length == 1 && end is string ce && ce.Length == 1;
            long from;
            long to;
            if (chars)
            {
                from = ((string)start!)[0];
                to = ((string)end!)[0];
            }
            else if (PebbleValues.IsNumber(start) && PebbleValues.IsNumber(end))
            {
                // Number.longValue(): decimals are truncated.
                from = start is long ls ? ls : (long)PebbleValues.ToDouble(start!);
                to = end is long le ? le : (long)PebbleValues.ToDouble(end!);
            }
            else
            {
                throw new ExpressionRuntimeError("Arguments of range function must be of type Number or String with a length of 1");
            }

            var result = new List<object?>();
            for (long v = from; step > 0 ? v <= to : v >= to; v += step)
            {
                if (result.Count >= context.Options.MaxRangeSize)
                {
                    throw new ExpressionRuntimeError($"The range has more than {context.Options.MaxRangeSize} elements.");
                }

                result.Add(chars ? ((char)v).ToString() : JavaNumbers.Box(v));
                if ((step > 0 && v > long.MaxValue - step) || (step < 0 && v < long.MinValue - step)) break;
            }

            return result;
        }
    }
}
