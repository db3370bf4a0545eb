using System.Management.Automation;

namespace CallbackLab.PowerShell.Tests.Commands.Api
{
    /// <summary>A 201 from POST /v1/tasks whose body is not a created task: the task exists, so the error says not to retry (issue 13).</summary>
    public sealed class CreatedTaskAnswerCmdletTests
    {
        [Theory]
        [InlineData("not json")]
        [InlineData("{\"meta\":{}}")]
        public async System.Threading.Tasks.Task A201WithoutADataIdIsInvalidResponseSayingTheTaskWasCreated(string body)
        {
            // A loopback server that answers every request 201 with a body that is not a created task.
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            int requests = 0;
            var serving = System.Threading.Tasks.Task.Run(async () =>
            {
                using System.Net.Sockets.TcpClient client = await listener.AcceptTcpClientAsync();
                System.Threading.Interlocked.Increment(ref requests);
                var stream = client.GetStream();
                var buffer = new byte[65536];
                if (await stream.ReadAsync(new System.Memory<byte>(buffer)) == 0)
                {
                    return;
                }

                byte[] answer = System.Text.Encoding.ASCII.GetBytes(
                    "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: " + body.Length + "\r\nConnection: close\r\n\r\n" + body);
                await stream.WriteAsync(answer);
            });
            try
            {
                using var ps = new CallbackLab.PowerShell.Tests.Harness.ModuleRunspace();
                int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
                var result = ps.Run(EmulatorScope.Helpers +
                    "Connect-Wxcc -Uri http://127.0.0.1:" + port + " -AccessToken (SS 'tok-123456'); " +
                    "New-WxccCallbackTask -EntryPointId 3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58 -Destination 14085267209");
                ErrorRecord error = Assert.Single(result.Errors);
                Assert.Equal("WxccApiError,CallbackLab.Commands.NewWxccCallbackTaskCommand", error.FullyQualifiedErrorId);
                Assert.Equal("The task was created; do not retry; find it with Get-WxccTask.", error.ErrorDetails.RecommendedAction);
                Assert.Equal("InvalidResponse", PSObject.AsPSObject(error.Exception).Properties["Kind"].Value.ToString());
                await serving.WaitAsync(System.TimeSpan.FromSeconds(10));
                Assert.Equal(1, requests);
            }
            finally
            {
                listener.Stop();
            }
        }
    }
}
