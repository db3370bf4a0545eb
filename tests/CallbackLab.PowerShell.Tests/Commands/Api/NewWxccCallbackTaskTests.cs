using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using CallbackLab.PowerShell.Tests.Harness;

namespace CallbackLab.PowerShell.Tests.Commands.Api
{
    /// <summary>New-WxccCallbackTask and Get-WxccTask against the emulator. Twin of tests/Pester/Api.Tests.ps1 ("callback tasks").</summary>
    public sealed class NewWxccCallbackTaskTests
    {
        [Fact]
        public void TheOneLineLabGivesA201TaskRecordedWithTheLabsExactBody()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run(
                "$t = Get-DynVars -Dnis +14694096861 | New-WxccCallbackTask; $t; " +
                "$e.Tasks.Count; $e.Tasks[0].Id; $p = Journal 'POST' '/v1/tasks'; $p.Count; $p[0].Body; $p[0].Headers['TrackingId']")
                .AssertNoErrors();
            Assert.Equal("CallbackLab.Core.Wxcc.WxccCallbackTask", result.Output[0].TypeNames[0]);
            Assert.Equal(201, result.Property(0, "StatusCode"));
            Assert.Equal("3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58", result.Property(0, "EntryPointId"));
            Assert.Equal("14085267209", result.Property(0, "Destination"));
            Assert.Equal(1, result.Values[1]);
            Assert.Equal(result.Property(0, "Id"), result.Values[2]);
            Assert.Equal(1, result.Values[3]);
            Assert.Equal(EmulatorScope.LabBody, result.Values[4]);
            Assert.Equal(result.Property(0, "TrackingId"), result.Values[5]);
            Assert.Matches("^CallbackLab_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", (string)result.Values[5]!);
            Assert.NotNull(result.Property(0, "OrgId"));
        }

        [Fact]
        public void WhatIfSendsNothing()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run("Get-DynVars -Dnis +14694096861 | New-WxccCallbackTask -WhatIf; (Journal 'POST' '/v1/tasks').Count; $e.Tasks.Count")
                .AssertNoErrors();
            Assert.Equal(new object?[] { 0, 0 }, result.Values);
        }

        [Fact]
        public void A429WithRetryAfterOneIsRetriedAfterAboutASecond()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run(
                "Set-CallbackLabFault -Path /v1/tasks -Method POST -StatusCode 429 -RetryAfterSeconds 1 -Count 1; " +
                "$t = New-WxccCallbackTask -EntryPointId 3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58 -Destination 14085267209 -Verbose; $t.StatusCode; " +
                "$p = Journal 'POST' '/v1/tasks'; $p.StatusCode -join ','; ($p[1].Time - $p[0].Time).TotalMilliseconds; " +
                "$p[0].Headers['TrackingId'] -eq $p[1].Headers['TrackingId']").AssertNoErrors();
            Assert.Equal(201, result.Values[0]);
            Assert.Equal("429,201", result.Values[1]);
            Assert.True((double)result.Values[2]! >= 900, "the retry came " + result.Values[2] + " ms after the 429");
            Assert.Equal(true, result.Values[3]);
            Assert.Contains(result.Verbose, v => v.Message.Contains("Retry 1 of 2") && v.Message.Contains("in 1 s") && v.Message.Contains("Retry-After: 1"));
        }

        [Fact]
        public void A503OnPostTasksIsNotRetriedAndReportsTheTrackingId()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run(
                "Set-CallbackLabFault -Path /v1/tasks -Method POST -StatusCode 503 -Count 1; " +
                "New-WxccCallbackTask -EntryPointId 3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58 -Destination 14085267209");
            var tracking = lab.Run("$p = Journal 'POST' '/v1/tasks'; $p.Count; $p[0].Headers['TrackingId']").Values;
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal("WxccApiError,CallbackLab.Commands.NewWxccCallbackTaskCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Equal(1, tracking[0]);
            Assert.Contains("TrackingId: " + tracking[1], error.ErrorDetails.Message);
            Assert.Contains(" 503 ", error.ErrorDetails.Message);
            Assert.Contains("call the customer twice", error.ErrorDetails.RecommendedAction);
            Assert.StartsWith("POST http://127.0.0.1:", error.TargetObject.ToString());
            Assert.Empty(result.Output);
        }

        [Fact]
        public void ARedirectIsAnErrorNotASuccess()
        {
            // Redirects are never followed (a bearer token must not travel to a Location), so the 3xx itself is what the user sees.
            using var lab = new EmulatorScope();
            var result = lab.Run(
                "Set-CallbackLabFault -Path /v1/tasks -Method POST -StatusCode 302 -Count 1; " +
                "New-WxccCallbackTask -EntryPointId 3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58 -Destination 14085267209; $e.Tasks.Count");
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal("WxccApiError,CallbackLab.Commands.NewWxccCallbackTaskCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            Assert.Contains(" 302 ", error.ErrorDetails.Message);
            Assert.Equal(new object?[] { 0 }, result.Values);
        }

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
                if (await stream.ReadAsync(buffer, 0, buffer.Length) == 0)
                {
                    return;
                }

                byte[] answer = System.Text.Encoding.ASCII.GetBytes(
                    "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: " + body.Length + "\r\nConnection: close\r\n\r\n" + body);
                await stream.WriteAsync(answer, 0, answer.Length);
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

        [Fact]
        public void ADroppedConnectionOnPostTasksIsNotRetried()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run(
                "Set-CallbackLabFault -Path /v1/tasks -Method POST -DropConnection -Count 1; " +
                "New-WxccCallbackTask -EntryPointId ep -Destination 14085267209; (Journal 'POST' '/v1/tasks').Count");
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal("WxccApiError,CallbackLab.Commands.NewWxccCallbackTaskCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Equal(new object?[] { 1 }, result.Values);
        }

        [Fact]
        public void ATimeoutIsAnOperationTimeoutAndIsNotRetried()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run(
                "Set-CallbackLabFault -Path /v1/tasks -Method POST -LatencyMilliseconds 2500 -Count 1; " +
                "New-WxccCallbackTask -EntryPointId ep -Destination 14085267209 -TimeoutSec 1");
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal("WxccApiError,CallbackLab.Commands.NewWxccCallbackTaskCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.Contains("call the customer twice", error.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void TheTokenNeverAppearsInVerboseOrDebugOutput()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run(
                "$DebugPreference = 'Continue'; $token = (Plain $e.AccessToken); " +
                "Get-DynVars -Dnis +14694096861 | New-WxccCallbackTask -Verbose -Debug | Out-Null; $token").AssertNoErrors();
            string token = (string)result.Values.Last()!;
            Assert.True(token.Length > 8);
            Assert.DoesNotContain(token, result.AllMessages);
            Assert.Contains(result.Debug, d => d.Message.Contains("Authorization: Bearer ***"));
            Assert.Contains(result.Verbose, v => v.Message.StartsWith("POST http://127.0.0.1:", StringComparison.Ordinal) && v.Message.EndsWith("/v1/tasks", StringComparison.Ordinal));
            Assert.Contains(result.Debug, d => d.Message.Contains("\"destination\":\"14085267209\""));
        }

        [Fact]
        public void ClientSideValidationStopsAnInvalidTaskBeforeAnythingIsSent()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run(
                "$many = @{}; 1..31 | ForEach-Object { $many['k' + $_] = 'v' }; " +
                "New-WxccCallbackTask -EntryPointId ep -Destination ('1' * 37); New-WxccCallbackTask -EntryPointId ep -Destination 1 -Attribute $many; " +
                "(Journal 'POST' '/v1/tasks').Count");
            Assert.Equal(new object?[] { 0 }, result.Values);
            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.Equal("InvalidCallbackTask,CallbackLab.Commands.NewWxccCallbackTaskCommand", e.FullyQualifiedErrorId));
            Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category));
            Assert.Contains("destination is 37 characters; the API allows at most 36.", result.Errors[0].Exception.Message);
            Assert.Contains("attributes has 31 entries; the API allows at most 30.", result.Errors[1].Exception.Message);
            Assert.Equal("CallbackTaskRequest", result.Errors[0].TargetObject.GetType().Name);
        }

        [Fact]
        public void AttributesOriginAndAliasesShapeTheBody()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run(
                "[pscustomobject]@{ outdialcbid = '6c1e0a47-92b3-4d58-8f2a-7b9d3e5c1f04'; customANI = '15551234567' } | " +
                "New-WxccCallbackTask -Attribute ([ordered]@{ channel = 'sales'; n = 2 }) -Origin '+14085550100' | Out-Null; (Journal 'POST' '/v1/tasks')[0].Body")
                .AssertNoErrors();
            Assert.Equal(
                "{\"entryPointId\":\"6c1e0a47-92b3-4d58-8f2a-7b9d3e5c1f04\",\"destination\":\"15551234567\",\"origin\":\"+14085550100\",\"attributes\":{\"channel\":\"sales\",\"n\":\"2\"}," +
                "\"outboundType\":\"CALLBACK\",\"mediaType\":\"telephony\",\"callback\":{\"callbackOrigin\":\"web\",\"callbackType\":\"immediate\"}}",
                result.Values.Single());
        }

        [Fact]
        public void GetWxccTaskStreamsEveryPage()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run(
                "$ids = 1..3 | ForEach-Object { (New-WxccCallbackTask -EntryPointId 3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58 -Destination (14085550000 + $_)).Id }; " +
                "$tasks = Get-WxccTask -From ([datetime]::UtcNow.AddMinutes(-5)) -PageSize 2 -ChannelType telephony; " +
                "($tasks.Id -join ',') -eq ($ids -join ','); $tasks[0].GetType().Name; $tasks[0].ChannelType; (Journal 'GET' '/v1/tasks').Count")
                .AssertNoErrors();
            Assert.Equal(new object?[] { true, "WxccTask", "telephony", 2 }, result.Values);
        }

        [Fact]
        public void GetWxccTaskRefusesToBeforeFromBeforeAnyRequest()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run(
                "$from = [datetime]::UtcNow; $to = $from.AddHours(-2); Get-WxccTask -From $from -To $to; ($Error[0].TargetObject -eq $to); (Journal 'GET' '/v1/tasks').Count");
            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.Equal("TaskWindowInverted,CallbackLab.Commands.GetWxccTaskCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.IsType<DateTime>(error.TargetObject);
            Assert.Equal(new object?[] { true, 0 }, result.Values);
        }

        [Fact]
        public void CtrlCStopsARetryWaitAtOnce()
        {
            using var lab = new EmulatorScope();
            lab.Run("Set-CallbackLabFault -Path /v1/tasks -Method POST -StatusCode 429 -RetryAfterSeconds 60 -Count 1").AssertNoErrors();
            using var ps = System.Management.Automation.PowerShell.Create();
            ps.Runspace = lab.Shell.Runspace;
            ps.AddScript("New-WxccCallbackTask -EntryPointId ep -Destination 14085267209 -Verbose");
            IAsyncResult running = ps.BeginInvoke();
            SpinWait.SpinUntil(() => ps.Streams.Verbose.Any(v => v.Message.StartsWith("Retry 1 of", StringComparison.Ordinal)), TimeSpan.FromSeconds(20));
            ps.Stop();
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            Assert.True(running.IsCompleted);
            Assert.Equal(new[] { "POST /v1/tasks" }, lab.Requests("POST", "/v1/tasks"));
        }
    }
}
