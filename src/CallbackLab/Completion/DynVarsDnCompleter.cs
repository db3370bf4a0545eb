using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using CallbackLab.Core.Http;
using CallbackLab.Core.MockApi;
using CallbackLab.Infrastructure;

namespace CallbackLab.Completion
{
    /// <summary>
    /// Completes <c>-Dn</c> and <c>-Dnis</c> from the DynVars records of the MockAPI endpoint in use
    /// (<c>-MockApiUri</c> when typed, else the session default). Bounded and fast: one request of at most
    /// <see cref="MaxRecords"/> records, a 2-second timeout, no retries, and a short per-endpoint cache,
    /// so pressing Tab repeatedly does not hammer the service. Any failure completes nothing.
    /// </summary>
    public sealed class DynVarsDnCompleter : IArgumentCompleter
    {
        internal const int MaxRecords = 100;
        private static readonly TimeSpan s_cacheLifetime = TimeSpan.FromSeconds(20);
        private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(2);

        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            bool asDnis = string.Equals(parameterName, "Dnis", StringComparison.OrdinalIgnoreCase);
            string typed = CompletionText.Unquote(wordToComplete ?? string.Empty);
            string digits = asDnis && typed.Length > 0 ? DynVarsQuery.DnFromDnis(PadDnis(typed)) : typed;

            Uri? endpoint = Endpoint(fakeBoundParameters);
            if (endpoint == null)
            {
                return Array.Empty<CompletionResult>();
            }

            return CallbackLabSession.Current.CompletionRecords(endpoint, s_cacheLifetime, Fetch)
                .Where(r => r.Dn != null && r.Dn.StartsWith(digits, StringComparison.Ordinal))
                .OrderBy(r => r.Dn, StringComparer.Ordinal)
                .Select(r => CompletionText.Value(asDnis ? "+1" + r.Dn : r.Dn!,
                    $"dn {r.Dn}: outboundcallbackep {r.OutboundCallbackEp}, tacnumber {r.TacNumber} (id {r.Id})"))
                .ToList();
        }

        /// <summary>"+1469" and "1469" and "469" all mean dn 469…: the flow strips two characters, so pad what was typed.</summary>
        private static string PadDnis(string typed) =>
            typed.StartsWith("+1", StringComparison.Ordinal) ? typed : typed.StartsWith("1", StringComparison.Ordinal) ? "+" + typed : "+1" + typed;

        private static Uri? Endpoint(IDictionary fakeBoundParameters)
        {
            object? typed = fakeBoundParameters?["MockApiUri"];
            if (typed is PSObject pso) typed = pso.BaseObject;
            if (typed is Uri uri && uri.IsAbsoluteUri) return uri;
            if (typed is string text && Uri.TryCreate(text, UriKind.Absolute, out Uri? parsed)) return parsed;
            try
            {
                return CallbackLabSession.Current.ResolveMockApiUri(null);
            }
            catch (InvalidOperationException)
            {
                return null;
            }
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
