using System.Net;
using System.Security;

namespace CallbackLab.Infrastructure
{
    /// <summary>Reads a SecureString parameter at the last moment, only to hand it to Core.</summary>
    internal static class SecureStrings
    {
        /// <summary>The clear text of <paramref name="value"/> (empty for null).</summary>
        internal static string ToPlainText(SecureString? value)
        {
            return value is null ? string.Empty : new NetworkCredential(string.Empty, value).Password;
        }
    }
}
