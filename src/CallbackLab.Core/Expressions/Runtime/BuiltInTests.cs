using System.Collections;
using System.Collections.Generic;

namespace CallbackLab.Core.Expressions.Runtime
{
    /// <summary>Pebble's tests: defined, empty, even, iterable, map, null, odd.</summary>
    internal static class BuiltInTests
    {
        public static readonly IReadOnlyDictionary<string, CallableDefinition<TestFunction>> All = new System.Collections.ObjectModel.ReadOnlyDictionary<string, CallableDefinition<TestFunction>>(new Dictionary<string, CallableDefinition<TestFunction>>
        {
            ["defined"] = new CallableDefinition<TestFunction>("defined", null, (object? input, in ArgValues a, EvaluationContext c) => input != null),
            ["null"] = new CallableDefinition<TestFunction>("null", null, (object? input, in ArgValues a, EvaluationContext c) => input is null),
            ["empty"] = new CallableDefinition<TestFunction>("empty", null, (object? input, in ArgValues a, EvaluationContext c) => IsEmpty(input)),
            ["even"] = new CallableDefinition<TestFunction>("even", null, (object? input, in ArgValues a, EvaluationContext c) => Parity(input, "even") == 0),
            ["odd"] = new CallableDefinition<TestFunction>("odd", null, (object? input, in ArgValues a, EvaluationContext c) => Parity(input, "odd") != 0),
            ["iterable"] = new CallableDefinition<TestFunction>("iterable", null, (object? input, in ArgValues a, EvaluationContext c) => PebbleCollections.IsList(input)),
            ["map"] = new CallableDefinition<TestFunction>("map", null, (object? input, in ArgValues a, EvaluationContext c) => PebbleCollections.IsMap(input)),
        });

        /// <summary>Pebble's EmptyTest: null, a blank string, an empty collection or map.</summary>
        public static bool IsEmpty(object? input)
        {
            switch (input)
            {
                case null: return true;
                case string s: return JavaStrings.Trim(s).Length == 0;
                default:
                    if (PebbleCollections.IsMap(input)) return PebbleCollections.MapCount(input) == 0;
                    if (input is IEnumerable) return PebbleCollections.Count(input) == 0;
                    return false;
            }
        }

        /// <summary>Pebble's EvenTest/OddTest: the input must be a Long (no parsing, no other number type).</summary>
        private static long Parity(object? input, string test)
        {
            object? value = input;
            if (value is null) throw new ExpressionRuntimeError($"Can not pass null value to \"{test}\" test.");
            if (value is long l) return l % 2;
            throw JavaErrors.CastFailure(value, "java.lang.Long");
        }
    }
}
