namespace CallbackLab.Core.Expressions.Runtime
{
    /// <summary>A Java <c>Map.Entry</c> (a map merged into a list, <c>entrySet()</c>): prints as <c>key=value</c>.</summary>
    internal sealed class MapEntry
    {
        public MapEntry(object? key, object? value)
        {
            Key = key;
            Value = value;
        }

        public object? Key { get; }

        public object? Value { get; }
    }
}
