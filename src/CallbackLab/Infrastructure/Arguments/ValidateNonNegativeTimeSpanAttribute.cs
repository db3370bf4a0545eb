using System;
using System.Globalization;
using System.Management.Automation;
using CallbackLab.Resources;

namespace CallbackLab.Infrastructure
{
    /// <summary>Refuses a negative duration (a caller cannot hang up, nor an agent answer, before the call starts); $null passes.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateNonNegativeTimeSpanAttribute : ValidateArgumentsAttribute
    {
        /// <inheritdoc />
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            object? value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (value is TimeSpan span && span < TimeSpan.Zero)
            {
                throw new ValidationMetadataException(string.Format(CultureInfo.CurrentCulture, FlowStrings.NegativeTimeSpan, span));
            }
        }
    }
}
