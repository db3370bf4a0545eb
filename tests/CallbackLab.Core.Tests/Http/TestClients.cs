using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Http;

namespace CallbackLab.Core.Tests.Http
{
    /// <summary>Builds an <see cref="ApiHttpClient"/> over a scripted transport whose waits are recorded instead of slept.</summary>
    internal sealed class TestClient
    {
        public TestClient(ApiClientOptions? options = null)
        {
            Options = options ?? new ApiClientOptions();
            Options.Log = Log;
            Client = new ApiHttpClient(Options, Handler, (wait, token) =>
            {
                token.ThrowIfCancellationRequested();
                Waits.Add(wait);
                return Task.CompletedTask;
            });
        }

        public ScriptedHandler Handler { get; } = new ScriptedHandler();

        public RecordingLog Log { get; } = new RecordingLog();

        public List<TimeSpan> Waits { get; } = new List<TimeSpan>();

        public ApiClientOptions Options { get; }

        public ApiHttpClient Client { get; }

        public Task<ApiResponse> Send(ApiRequest request) => Client.SendAsync(request, CancellationToken.None);
    }
}
