namespace CallbackLab.Core.Expressions.Runtime
{
    /// <summary>The texts of the Java exceptions that escape Pebble unwrapped (a failed cast inside a filter or test).</summary>
    internal static class JavaErrors
    {
        /// <summary>Java 17's <c>ClassCastException</c> message for two classes of <c>java.base</c>.</summary>
        public static string ClassCast(string fromClass, string toClass)
        {
            string Where(string name) => name.StartsWith("io.pebbletemplates.", System.StringComparison.Ordinal)
                ? "in unnamed module of loader 'app'"
                : "in module java.base of loader 'bootstrap'";
            string from = Where(fromClass);
            string to = Where(toClass);
            return from == to
                ? $"class {fromClass} cannot be cast to class {toClass} ({fromClass} and {toClass} are {from})"
                : $"class {fromClass} cannot be cast to class {toClass} ({fromClass} is {from}; {toClass} is {to})";
        }

        /// <summary>A <see cref="ExpressionRuntimeError"/> for a failed cast of <paramref name="value"/>.</summary>
        public static ExpressionRuntimeError CastFailure(object? value, string toClass) =>
            new ExpressionRuntimeError(ClassCast(PebbleValues.JavaTypeName(value), toClass));
    }
}
