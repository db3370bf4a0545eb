using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using CallbackLab.Core.Stubs;
using CallbackLab.Resources;

namespace CallbackLab.Infrastructure
{
    /// <summary>Reads stub files for Add-CallbackLabStub and Start-CallbackLabEmulator, turning every failure into an ErrorRecord.</summary>
    internal static class StubFileLoader
    {
        /// <summary>The stubs of <paramref name="path"/> (a PowerShell path), or null with <paramref name="error"/> set.</summary>
        internal static IReadOnlyList<Stub>? TryLoad(PSCmdlet cmdlet, string path, out ErrorRecord? error)
        {
            string full = cmdlet.GetUnresolvedProviderPathFromPSPath(path);
            if (!File.Exists(full))
            {
                error = new ErrorRecord(
                    new FileNotFoundException(string.Format(CultureInfo.CurrentCulture, StubStrings.StubFileNotFound, full), full),
                    ErrorIds.StubFileNotFound, ErrorCategory.ObjectNotFound, path);
                return null;
            }

            try
            {
                error = null;
                return StubReader.ReadFile(full);
            }
            catch (Exception ex) when (ex is StubFormatException || ex is IOException || ex is UnauthorizedAccessException)
            {
                var invalid = new InvalidDataException(string.Format(CultureInfo.CurrentCulture, StubStrings.InvalidStubFile, full, ex.Message), ex);
                error = new ErrorRecord(invalid, ErrorIds.InvalidStubFile, ErrorCategory.InvalidData, path);
                if (ex is StubFormatException { JsonPath: var jsonPath } && jsonPath.EndsWith("proxyBaseUrl", StringComparison.Ordinal))
                {
                    error.ErrorDetails = new ErrorDetails(invalid.Message) { RecommendedAction = StubStrings.ProxyBaseUrlAction };
                }

                return null;
            }
        }
    }
}
