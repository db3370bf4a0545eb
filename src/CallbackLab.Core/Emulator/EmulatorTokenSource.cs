using System;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Http;
using CallbackLab.Core.Wxcc;

namespace CallbackLab.Core.Emulator
{
    /// <summary>The token a running <see cref="LabEmulator"/> issued itself: handed over directly, no OAuth round trip.</summary>
    internal sealed class EmulatorTokenSource : IWxccTokenSource
    {
        private readonly Func<string> _issuedToken;

        internal EmulatorTokenSource(Uri tokenUri, Func<string> issuedToken)
        {
            TokenUri = tokenUri;
            _issuedToken = issuedToken;
        }

        public WxccAuthenticationType AuthenticationType => WxccAuthenticationType.Emulator;

        public Uri? TokenUri { get; }

        public string? ClientId => null;

        public DateTimeOffset? ExpiresOn => null;

        public Task<string> GetAccessTokenAsync(ApiHttpClient http, CancellationToken cancellationToken) => Task.FromResult(_issuedToken());

        public Task RefreshAsync(ApiHttpClient http, CancellationToken cancellationToken) => Task.CompletedTask;

        public override string ToString() => nameof(WxccAuthenticationType.Emulator);
    }
}
