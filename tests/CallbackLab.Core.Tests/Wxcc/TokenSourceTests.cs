using System;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;
using CallbackLab.Core.Http;
using CallbackLab.Core.Wxcc;

namespace CallbackLab.Core.Tests.Wxcc
{
    /// <summary>The three token sources a connection can hold, through the connection.</summary>
    public sealed class TokenSourceTests
    {
        [Fact]
        public async Task AFixedTokenIsUsedAsGivenAndNeverRefreshed()
        {
            var connection = new WxccConnection(new Uri("https://api.wxcc-eu2.cisco.com"), new FixedTokenSource("FIXED"));

            await connection.RefreshAsync(new ApiHttpClient(), CancellationToken.None);
            Assert.Equal("FIXED", await connection.GetAccessTokenAsync(CancellationToken.None));
            Assert.Equal(WxccAuthenticationType.AccessToken, connection.AuthenticationType);
            Assert.Null(connection.TokenUri);
            Assert.Null(connection.ExpiresOn);
            Assert.Equal("eu2", connection.Region);
            Assert.Throws<ArgumentException>(() => new FixedTokenSource(string.Empty));
        }

        [Fact]
        public async Task AnEmulatorIssuesAConnectionThatItsWxccApiAccepts()
        {
            using var emulator = LabEmulator.Start();
            WxccConnection connection = emulator.Connection;

            Assert.Same(connection, emulator.Connection);
            Assert.Equal(WxccAuthenticationType.Emulator, connection.AuthenticationType);
            Assert.Equal(emulator.WxccUri, connection.BaseUri);
            Assert.Equal(emulator.MockApiUri, connection.MockApiUri);
            Assert.Equal(emulator.TokenUri, connection.TokenUri);
            Assert.Equal(emulator.OrgId, connection.OrgId); // the Flow Store and entry-point paths need it, with or without the module
            Assert.Equal(emulator.AccessToken, await connection.GetAccessTokenAsync(CancellationToken.None));
            Assert.DoesNotContain(emulator.AccessToken, connection.ToString(), StringComparison.Ordinal);

            var client = new WxccClient(connection, new ApiHttpClient(new ApiClientOptions { MaximumRetryCount = 0 }));
            var task = new CallbackTaskRequest(LabSeed.LabOutboundEntryPointId, LabSeed.LabTacNumber);
            WxccCallbackTask created = await client.CreateCallbackTaskAsync(task, client.NewCreateTaskRequest(task), CancellationToken.None);
            Assert.Equal(201, created.StatusCode);
            Assert.Equal(LabSeed.LabTacNumber, Assert.Single(emulator.Tasks).Destination); // the emulator refuses a task without a token it issued
        }
    }
}
