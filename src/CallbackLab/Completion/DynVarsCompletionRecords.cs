using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using CallbackLab.Core.Http;
using CallbackLab.Core.MockApi;
using CallbackLab.Infrastructure;

namespace CallbackLab.Completion
{
    /// <summary>
    /// The DynVars records that -Dn, -Dnis and -Id complete from: those of the MockAPI endpoint in use (<c>-MockApiUri</c>
    /// when typed, else the session's Connect-Wxcc -MockApiUri or started emulator; never the public lab project). Bounded and fast: one request of at most <see cref="MaxRecords"/> records,
    /// a 2-second timeout, no retries, and a short per-endpoint cache, so pressing Tab repeatedly does not hammer the
    /// service. Any failure completes nothing.
    /// </summary>
    internal static class DynVarsCompletionRecords
    {
        internal const int MaxRecords = 100;
        private static readonly TimeSpan s_cacheLifetime = TimeSpan.FromSeconds(20);
        private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(2);

        /// <summary>The records to complete from; empty when no endpoint can be resolved or it does not answer.</summary>
        internal static IReadOnlyList<DynVarsRecord> Get(IDictionary fakeBoundParameters)
        {
            Uri? endpoint = Endpoint(fakeBoundParameters);
            return endpoint == null ? Array.Empty<DynVarsRecord>() : CallbackLabSession.Current.Completions.Records(endpoint, s_cacheLifetime, Fetch);
        }

        private static Uri? Endpoint(IDictionary fakeBoundParameters)
        {
            object? typed = fakeBoundParameters?["MockApiUri"];
            if (typed is PSObject pso) typed = pso.BaseObject;
            if (typed is Uri uri && uri.IsAbsoluteUri) return uri;
            if (typed is string text && Uri.TryCreate(text, UriKind.Absolute, out Uri? parsed)) return parsed;
            // Completion never reaches the internet on its own: with nothing set up locally it offers nothing rather than
            // querying the lab's public MockAPI project.
            return CallbackLabSession.Current.Defaults.ConfiguredMockApiUri();
        }

        private static IReadOnlyList<DynVarsRecord> Fetch(Uri endpoint)
        {
            IReadOnlyList<DynVarsRecord> records;
            try
            {
                var client = new MockApiClient(endpoint, new ApiHttpClient(new ApiClientOptions { Timeout = s_timeout, MaximumRetryCount = 0 }));
                using var cancel = new CancellationTokenSource(s_timeout);
                records = client.FindAsync(new DynVarsQuery { Page = 1, Limit = MaxRecords }, cancel.Token)
                    .ConfigureAwait(false).GetAwaiter().GetResult().Records;
            }
            catch (Exception ex) when (ex is ApiException || ex is OperationCanceledException || ex is InvalidOperationException)
            {
                records = Array.Empty<DynVarsRecord>();
            }

            return records;
        }
    }
}
