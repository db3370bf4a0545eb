using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;

namespace CallbackLab.PowerShell.Tests.Commands.Api
{
    /// <summary>
    /// No object a cmdlet writes, and no error it reports, holds a token or secret in clear text where <c>Format-List *</c>,
    /// <c>ConvertTo-Json</c> or <c>$err.Exception.Request.Body</c> would show it. Twin of tests/Pester/Api.Tests.ps1 ("secrets").
    /// </summary>
    public sealed class SecretExposureTests
    {
        private const string StaleRefreshToken = "stale-refresh-token-0123456789";

        // Levels below the written object: ErrorRecord.Exception.Request.Body is three.
        private const int Depth = 3;

        [Fact]
        public void NoWrittenObjectOrErrorHoldsASecret()
        {
            using var lab = new EmulatorScope("-NoDefault");
            var secrets = lab.Run("Plain $e.AccessToken; Plain $e.ClientSecret; Plain $e.RefreshToken").AssertNoErrors()
                .Values.Cast<string>().Append(StaleRefreshToken).ToList();
            Assert.All(secrets, s => Assert.True(s.Length >= 8));

            var written = lab.Run(
                "$e; Get-CallbackLabEmulator; " +
                "Connect-Wxcc -Uri $e.WxccUri -TokenUri $e.TokenUri -ClientId $e.ClientId -ClientSecret $e.ClientSecret " +
                "-RefreshToken $e.RefreshToken -MockApiUri $e.MockApiUri; Get-WxccConnection; " +
                "Get-DynVars -Dnis +14694096861 | New-WxccCallbackTask; Get-CallbackLabRequest -Emulator $e").AssertNoErrors();
            // Through a variable: the error's InvocationInfo quotes the script line, and the user's own literal is no leak.
            var failed = lab.Run(
                "Connect-Wxcc -Uri $e.WxccUri -TokenUri $e.TokenUri -ClientId $e.ClientId -ClientSecret $e.ClientSecret -RefreshToken (SS $stale)",
                new Dictionary<string, object?> { ["stale"] = StaleRefreshToken });

            Assert.True(written.Output.Count >= 6);
            ErrorRecord error = Assert.Single(failed.AllErrors);
            Assert.Equal("WxccAuthenticationError,CallbackLab.Commands.ConnectWxccCommand", error.FullyQualifiedErrorId);

            var texts = new List<string>();
            foreach (object item in written.Output.Cast<object>().Append(error))
            {
                Walk(item, 0, texts, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }

            // The walk reaches the journal bodies and the failed request's form body, so it would find a secret there.
            Assert.Contains("grant_type=refresh_token&client_id=" + lab.Run("$e.ClientId").Values.Single() + "&client_secret=***&refresh_token=***", texts);
            foreach (string secret in secrets)
            {
                Assert.DoesNotContain(texts, text => text.Contains(secret, StringComparison.Ordinal));
            }
        }

        [Fact]
        public void TheJournalShowsATokenRequestWithItsSecretsMasked()
        {
            using var lab = new EmulatorScope("-NoDefault");
            var result = lab.Run(
                "$null = Connect-Wxcc -Uri $e.WxccUri -TokenUri $e.TokenUri -ClientId $e.ClientId -ClientSecret $e.ClientSecret " +
                "-RefreshToken $e.RefreshToken; (Get-CallbackLabRequest -Emulator $e -Path /v1/access_token).Body; $e.ClientId").AssertNoErrors();
            Assert.Equal("grant_type=refresh_token&client_id=" + result.Values[1] + "&client_secret=***&refresh_token=***", result.Values[0]);
        }

        [Fact]
        public void TheEmulatorObjectOffersItsCredentialsAsSecureStringsOnly()
        {
            using var lab = new EmulatorScope("-NoDefault");
            var result = lab.Run(
                "$e.PSObject.Properties | Where-Object { $_.TypeNameOfValue -match 'SecureString' } | ForEach-Object Name; " +
                "'Emulator' -in $e.PSObject.Properties.Name").AssertNoErrors();
            Assert.Equal(new object?[] { "AccessToken", "ClientSecret", "RefreshToken", false }, result.Values);
        }

        /// <summary>Collects the text of an object and of its properties, <see cref="Depth"/> levels down, items of collections included.</summary>
        internal static void Walk(object? value, int level, List<string> texts, HashSet<object> seen)
        {
            object? raw = value is PSObject ps ? ps.BaseObject : value;
            if (raw is null || raw is SecureString || !seen.Add(raw))
            {
                return;
            }

            texts.Add(raw.ToString() ?? string.Empty);
            if (level >= Depth || raw is string || raw.GetType().IsPrimitive || raw is Type || raw is System.Reflection.MemberInfo)
            {
                return;
            }

            if (raw is IEnumerable items)
            {
                foreach (object? item in items.Cast<object?>().Take(100))
                {
                    Walk(item, level + 1, texts, seen);
                }
            }

            foreach (PSPropertyInfo property in PSObject.AsPSObject(raw).Properties)
            {
                object? propertyValue;
                try
                {
                    propertyValue = property.Value;
                }
                catch (Exception ex) when (ex is GetValueException || ex is ExtendedTypeSystemException || ex is InvalidOperationException)
                {
                    continue;
                }

                Walk(propertyValue, level + 1, texts, seen);
            }
        }
    }
}
