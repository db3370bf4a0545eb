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
                Connector = emulator.Connection,
            });

            CallbackFlowTestResult result = CallbackFlowCheck.Check(simulation);

            Assert.False(result.Passed);
            Assert.Equal("CallBackAPI_Request got no response: Connection refused (127.0.0.1:9).", result.Reason);
        }

        [Fact]
        public async Task AnUnknownDnisNamesTheEmptyLookupBeforeTheTaskRequestsError()
        {
            using LabEmulator emulator = LabEmulator.Start();
            IvrSimulationResult simulation = await new IvrSimulator().RunAsync(LabFlow.Flow, new IvrSimulationOptions
            {
                Dnis = "+19999999999",
                Digits = new[] { "3" },
                MockApiUri = emulator.MockApiUri,
                Connector = emulator.Connection,
            });

            CallbackFlowTestResult result = CallbackFlowCheck.Check(simulation);

            Assert.False(result.Passed);
            Assert.Equal(400, result.StatusCode);
            Assert.StartsWith(
                "GET_CBID found no DynVars record for DNIS +19999999999 (GET /flowdesigner/Lab/DynVars?dn=9999999999 answered 404 \"Not found\"), "
                + "so outdialcbid and customANI stayed empty. Then CallBackAPI_Request answered 400, not 201: ", result.Reason);
            Assert.Contains("destination is required", result.Reason);
        }

        [Fact]
        public async Task AnEmptyArrayForAMissIsAnEmptyLookupToo()
        {
            // MockAPI projects set to answer a miss with 200 [] instead of 404 "Not found".
            using LabEmulator emulator = LabEmulator.Start(new LabEmulatorOptions { NotFoundAsEmptyArray = true });
            IvrSimulationResult simulation = await new IvrSimulator().RunAsync(LabFlow.Flow, new IvrSimulationOptions
            {
                Dnis = "+19999999999",
                Digits = new[] { "3" },
                MockApiUri = emulator.MockApiUri,
                Connector = emulator.Connection,
            });

            CallbackFlowTestResult result = CallbackFlowCheck.Check(simulation);

            Assert.StartsWith(
                "GET_CBID found no DynVars record for DNIS +19999999999 (GET /flowdesigner/Lab/DynVars?dn=9999999999 answered 200 []), "
                + "so outdialcbid and customANI stayed empty. Then CallBackAPI_Request answered 400", result.Reason);
        }

        [Fact]
        public async Task AKnownDnisWhoseTaskIsRefusedGivesOnlyTheRequestsAnswer()
        {
            using LabEmulator emulator = LabEmulator.Start();
            emulator.SetFault(new FaultRule { Method = "POST", PathPattern = "/v1/tasks", StatusCode = 503 });
            IvrSimulationResult simulation = await new IvrSimulator().RunAsync(LabFlow.Flow, new IvrSimulationOptions
            {
                Digits = new[] { "3" },
                MockApiUri = emulator.MockApiUri,
                Connector = emulator.Connection,
            });

            CallbackFlowTestResult result = CallbackFlowCheck.Check(simulation);

            Assert.Equal(503, result.StatusCode);
            Assert.StartsWith("CallBackAPI_Request answered 503, not 201: ", result.Reason);
        }
    }
}
