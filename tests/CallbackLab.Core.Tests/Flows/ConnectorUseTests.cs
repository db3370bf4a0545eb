using System;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Simulation;

namespace CallbackLab.Core.Tests.Flows
{
    /// <summary>Which runs can reach a real tenant: the ones Invoke-IvrSimulation and Test-CallbackFlow ask ShouldProcess about.</summary>
    public sealed class ConnectorUseTests
    {
        [Fact]
        public void TheLabFlowSendsConnectorRequestsFromItsEventFlowAndSampleExportsWithoutHttpDoNot()
        {
            Assert.True(ConnectorUse.HasConnectorRequests(LabFlow.Flow));
            Assert.False(ConnectorUse.HasConnectorRequests(SampleFlows.Load("CL_1_start")));
        }

        [Theory]
        [InlineData("https://wxcc.invalid", true)]
        [InlineData("https://api.wxcc-us1.cisco.com", true)]
        [InlineData("http://127.0.0.1:5123", false)]
        [InlineData("http://localhost:5123", false)]
        [InlineData("http://[::1]:5123", false)]
        public void OnlyANonLoopbackConnectorReachesARemoteTenant(string baseUri, bool remote)
        {
            Assert.Equal(remote, ConnectorUse.ReachesRemoteTenant(LabFlow.Flow, new FixedConnector(new Uri(baseUri))));
        }

        [Fact]
        public void NoConnectorOrNoConnectorRequestsNeverReachesATenant()
        {
            Assert.False(ConnectorUse.ReachesRemoteTenant(LabFlow.Flow, null));
            Assert.False(ConnectorUse.ReachesRemoteTenant(SampleFlows.Load("CL_1_start"), new FixedConnector(new Uri("https://wxcc.invalid"))));
        }

        [Fact]
        public async Task AnUnsentConnectorRequestIsFoundOnlyInARunThatReachedTheConnector()
        {
            using var emulator = CallbackLab.Core.Emulator.LabEmulator.Start();
            var simulator = new IvrSimulator();
            IvrSimulationResult callback = await simulator.RunAsync(LabFlow.Flow,
                new IvrSimulationOptions { MockApiUri = emulator.MockApiUri, Digits = new[] { "3" } }, CancellationToken.None);
            IvrSimulationResult queue = await simulator.RunAsync(LabFlow.Flow,
                new IvrSimulationOptions { MockApiUri = emulator.MockApiUri, Digits = new[] { "1" } }, CancellationToken.None);
            IvrSimulationResult connected = await simulator.RunAsync(LabFlow.Flow,
                new IvrSimulationOptions { MockApiUri = emulator.MockApiUri, Digits = new[] { "3" }, Connector = emulator.Connection }, CancellationToken.None);

            Assert.True(ConnectorUse.HasUnsentConnectorRequest(LabFlow.Flow, callback));
            Assert.False(ConnectorUse.HasUnsentConnectorRequest(LabFlow.Flow, queue));
            Assert.False(ConnectorUse.HasUnsentConnectorRequest(LabFlow.Flow, connected));
            Assert.Single(emulator.Tasks);
        }

        private sealed class FixedConnector : IConnectorEndpoint
        {
            public FixedConnector(Uri baseUri) => BaseUri = baseUri;

            public Uri BaseUri { get; }

            public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult("token");
        }
    }
}
