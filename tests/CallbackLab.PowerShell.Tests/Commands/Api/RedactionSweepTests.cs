using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CallbackLab.PowerShell.Tests.Harness;

namespace CallbackLab.PowerShell.Tests.Commands.Api
{
    /// <summary>
    /// The redaction sweep (part of the crash-and-fault suite): every secret shape of issue 13 is sent through the module and the
    /// emulator, and none appears in the journal, verbose or debug output, warnings or error records. The transcript leg runs
    /// under real pwsh: tests/Pester/Reliability.Redaction.Tests.ps1.
    /// </summary>
    [Trait("Category", "CrashAndFault")]
    public sealed class RedactionSweepTests
    {
        private const string Secret = "SWEEP-secret-7f3a9c";

        /// <summary>Field names whose value must never be shown, in JSON (at any depth), forms and queries.</summary>
        private static readonly string[] s_fieldNames = { "client_secret", "clientSecret", "refresh_token", "apiKey", "APIKEY", "ApiKey", "password", "token", "access_token" };

        /// <summary>Header names whose value must never be shown.</summary>
        private static readonly string[] s_headerNames = { "X-Auth-Token", "X-Api-Key", "Cookie", "Authorization" };

        [Fact]
        public void NoSecretShapeReachesTheJournalVerboseDebugOrErrors()
        {
            using var lab = new EmulatorScope();
            // Through variables: an error's InvocationInfo quotes the script line, and the user's own literal is no leak.
            var properties = new System.Collections.Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach ((string name, int i) in s_fieldNames.Distinct(StringComparer.OrdinalIgnoreCase).Select((name, i) => (name, i)))
            {
                properties[name] = Secret + i;
            }

            properties["deep"] = new System.Collections.Hashtable { ["apiKey"] = Secret + "deep2" };
            string jsonToken = "{" + string.Join(",", s_fieldNames.Select((name, i) => "\"" + name + "\":\"" + Secret + "j" + i + "\"")) + ",\"deep\":{\"list\":[{\"apiKey\":\"" + Secret + "deep\"}]}}";
            string query = string.Join("&", s_fieldNames.Select((name, i) => name + "=" + Secret + "q" + i));
            var variables = new Dictionary<string, object?> { ["jsonToken"] = jsonToken, ["query"] = query, ["props"] = properties };

            // Raw requests with every shape: JSON to the token endpoint and to MockAPI (labelled text/plain), a query, secret headers.
            var baseUri = new Uri(lab.Run("$e.Uri.ToString()").Values.Single()!.ToString()!);
            using (var http = new System.Net.Http.HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(10) })
            {
                foreach ((string method, string path, string? contentType) in new[]
                {
                    ("POST", "v1/access_token", "application/json"), ("GET", "flowdesigner/Lab/DynVars?" + query, null), ("POST", "flowdesigner/Lab/DynVars", "text/plain"),
                })
                {
                    using var request = new System.Net.Http.HttpRequestMessage(new System.Net.Http.HttpMethod(method), path);
                    for (int i = 0; i < s_headerNames.Length; i++)
                    {
                        request.Headers.TryAddWithoutValidation(s_headerNames[i], (s_headerNames[i] == "Authorization" ? "Bearer " : string.Empty) + Secret + "h" + i);
                    }

                    if (contentType != null)
                    {
                        request.Content = new System.Net.Http.StringContent(jsonToken, System.Text.Encoding.UTF8, contentType);
                    }

                    using var response = http.Send(request);
                }
            }

            ScriptResult run = lab.Run(
                "$VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; " +
                // The module's own requests with secrets in the body, verbose and debug on.
                "$null = New-DynVars -Dn 5550199 -OutboundCallbackEp ep -TacNumber 14085267209 -Property $props -Verbose -Debug; " +
                "$null = Connect-Wxcc -Uri $e.WxccUri -TokenUri $e.TokenUri -ClientId $e.ClientId -ClientSecret $e.ClientSecret -RefreshToken $e.RefreshToken -MockApiUri $e.MockApiUri -Verbose -Debug; " +
                // An error whose answer echoes secrets, and one whose request carried them.
                "Set-CallbackLabFault -Path '*/DynVars*' -Method GET -StatusCode 400 -Body $jsonToken -Count 1; " +
                "Get-DynVars -Id 1 -MaximumRetryCount 0 -Verbose -Debug; " +
                "Set-CallbackLabFault -Path '*/DynVars*' -Method POST -StatusCode 500 -Count 1; " +
                "New-DynVars -Dn 5550198 -OutboundCallbackEp ep -TacNumber 14085267209 -Property $props -MaximumRetryCount 0; " +
                // Everything the journal holds, as objects the test walks like Format-List * and ConvertTo-Json would.
                "Get-CallbackLabRequest -Emulator $e",
                variables);

            List<string> texts = ObjectTexts.Of(run.Output.Cast<object>().Concat(run.AllErrors));

            texts.AddRange(run.Verbose.Select(v => v.Message));
            texts.AddRange(run.Debug.Select(d => d.Message));
            texts.AddRange(run.Warnings.Select(w => w.Message));
            texts.AddRange(run.AllErrors.Select(e => e.ToString() + "\n" + e.ErrorDetails?.Message + "\n" + e.ErrorDetails?.RecommendedAction + "\n" + e.Exception));

            // The sweep must have seen each path, or a clean result would prove nothing.
            Assert.True(run.AllErrors.Count == 2, string.Join("\n", run.AllErrors.Select(e => e.FullyQualifiedErrorId + ": " + e)));
            Assert.Contains(run.Debug, d => d.Message.Contains("/v1/access_token", StringComparison.Ordinal));
            Assert.Contains(run.Debug, d => d.Message.Contains("apiKey", StringComparison.Ordinal));
            Assert.True(run.Output.Count >= 5, "the journal was not read");
            Assert.Contains(texts, t => t == "/v1/access_token");
            Assert.Contains(texts, t => t.Contains("clientSecret", StringComparison.Ordinal) && t.Contains("***", StringComparison.Ordinal));

            string leaked = texts.FirstOrDefault(t => t.Contains(Secret, StringComparison.Ordinal)) ?? string.Empty;
            Assert.True(leaked.Length == 0, "a secret leaked:\n" + Excerpt(leaked));
            string[] emulatorSecrets = lab.Run("Plain $e.AccessToken; Plain $e.ClientSecret; Plain $e.RefreshToken").Values.Cast<string>().ToArray();
            foreach (string secret in emulatorSecrets)
            {
                string found = texts.FirstOrDefault(t => t.Contains(secret, StringComparison.Ordinal)) ?? string.Empty;
                Assert.True(found.Length == 0, "an emulator secret leaked:\n" + Excerpt(found));
            }
        }

        private static string Excerpt(string text)
        {
            int at = text.IndexOf(Secret, StringComparison.Ordinal);
            return at < 0 ? text.Substring(0, Math.Min(text.Length, 2000)) : text.Substring(Math.Max(0, at - 600), Math.Min(text.Length - Math.Max(0, at - 600), 1200));
        }
    }
}
