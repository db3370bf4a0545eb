using System.Diagnostics.CodeAnalysis;

namespace CallbackLab.Core
{
    /// <summary>
    /// <see cref="string.IsNullOrEmpty"/> and <see cref="string.IsNullOrWhiteSpace"/> with the nullable annotations that
    /// netstandard2.0 lacks, so the compiler knows the text is not null afterwards and no <c>!</c> is needed.
    /// </summary>
    internal static class NullableStrings
    {
        internal static bool IsNullOrEmpty([NotNullWhen(false)] string? value) => string.IsNullOrEmpty(value);

        internal static bool IsNullOrWhiteSpace([NotNullWhen(false)] string? value) => string.IsNullOrWhiteSpace(value);
    }
}
