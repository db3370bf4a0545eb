namespace CallbackLab.Core.Expressions.Runtime.Filters
{
    /// <summary>The casts Pebble's filters make on their input and arguments, failing as Java's casts do.</summary>
    internal static class FilterInputs
    {
        /// <summary><c>(String) input</c>.</summary>
        public static string AsString(object? value) => value as string ?? throw JavaErrors.CastFailure(value, "java.lang.String");

        /// <summary><c>(Long) argument</c>, read as an int as the filters do.</summary>
        public static int AsLongArgument(object? value)
        {
            if (value is long l) return unchecked((int)l);
            throw JavaErrors.CastFailure(value, "java.lang.Long");
        }
    }
}
