using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Tests.Flows;

namespace CallbackLab.Core.Tests.Reports
{
    /// <summary>Real simulation runs to report on: the lab run against the in-process emulator, and the sample flows offline.</summary>
    internal static class ReportRuns
    {
        internal static readonly DateTimeOffset Start = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

        /// <summary>The lab's run: caller presses 3, SimulateGlobalError fails, OnGlobalError creates the callback task.</summary>
        internal static async Task<IvrSimulationResult> LabRunAsync()
        {
            using LabEmulator emulator = LabEmulator.Start();
            return await new IvrSimulator().RunAsync(LabFlow.Flow, new IvrSimulationOptions
            {
                Digits = new[] { "3" },
                MockApiUri = emulator.MockApiUri,
                Connector = emulator.Connection,
                StartTime = Start,
            });
        }

        /// <summary>A run of a sample export; every HTTP Request activity gets 200 with <paramref name="body"/>, from memory.</summary>
        internal static Task<IvrSimulationResult> SampleRunAsync(WxccFlow flow, IReadOnlyList<string> digits, string body = "{\"status\":\"ok\"}") =>
            new IvrSimulator(new ScriptedTransport((_, _) => ScriptedTransport.Json(200, body))).RunAsync(flow, new IvrSimulationOptions
            {
                Ani = "+14085550100",
                Digits = digits,
                StartTime = Start,
                CallerHangsUpAfter = TimeSpan.FromMinutes(5),
            });
    }
}
