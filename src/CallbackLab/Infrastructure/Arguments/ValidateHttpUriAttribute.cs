using System;
using System.Globalization;
using System.Management.Automation;
using CallbackLab.Resources;

namespace CallbackLab.Infrastructure
{
    /// <summary>Accepts only an absolute http:// or https:// address, so a typo fails at binding instead of deep in a request.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateHttpUriAttribute : ValidateArgumentsAttribute
    {
        /// <inheritdoc />
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            object value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (value is Uri uri && uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                return;
            }

            throw new ValidationMetadataException(string.Format(CultureInfo.CurrentCulture, ApiStrings.NotAnHttpUri, value));
        }
    }
}
