using System;
using System.Globalization;
using System.Management.Automation;
using CallbackLab.Resources;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// Accepts caller inputs made only of DTMF keys (0-9, * and #) and the separators "," ";" and space, so a typo such as
    /// "abc" fails at binding instead of silently running the flow down its invalid/timeout branches.
    /// An empty entry stays allowed: it means silence (the menu times out).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateDtmfDigitsAttribute : ValidateEnumeratedArgumentsAttribute
    {
        /// <summary>The first character of <paramref name="entry"/> that is neither a DTMF key nor a separator, or null.</summary>
        internal static char? FirstInvalid(string? entry)
        {
            foreach (char c in entry ?? string.Empty)
            {
                bool dtmf = (c >= '0' && c <= '9') || c == '*' || c == '#';
                if (!dtmf && c != ',' && c != ';' && c != ' ')
                {
                    return c;
                }
            }

            return null;
        }

        /// <inheritdoc />
        protected override void ValidateElement(object element)
        {
            string? entry = (element is PSObject wrapped ? wrapped.BaseObject : element)?.ToString();
            if (FirstInvalid(entry) is { } bad)
            {
                throw new ValidationMetadataException(string.Format(CultureInfo.CurrentCulture, FlowStrings.NotDtmfDigits, entry, bad));
            }
        }
    }
}
