using System;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Simulation;

namespace CallbackLab.Core.Tests.Flows
{
    /// <summary>The reasons Test-CallbackFlow gives read as clean sentences.</summary>
    public sealed class CallbackFlowCheckMessageTests
    {
        [Fact]
        public async Task ATransportErrorEndingInAFullStopIsNotGivenASecondOne()
        {
            using LabEmulator emulator = LabEmulator.Start();
            // DynVars answers; the task request gets "Connection refused (127.0.0.1:9)." (a message that ends in a full stop).
            var transport = new ScriptedTransport((request, n) => request.Uri.AbsolutePath.Contains("DynVars")
                ? ScriptedTransport.Json(200, "[{\"dn\":\"4694096861\",\"outboundcallbackep\":\"EP\",\"tacnumber\":\"+14085550100\"}]")
                : null);
            IvrSimulationResult simulation = await new IvrSimulator(transport).RunAsync(LabFlow.Flow, new IvrSimulationOptions
            {
                Digits = new[] { "3" },
                MockApiUri = emulator.MockApiUri,
                Connector = new LabEndpointsConnector(emulator),
            });

            CallbackFlowTestResult result = CallbackFlowCheck.Check(simulation);

            Assert.False(result.Passed);
            Assert.Equal("CallBackAPI_Request got no response: Connection refused (127.0.0.1:9).", result.Reason);
        }
    }
}
