using System.Collections.Generic;
using System.IO;
using CallbackLab.PowerShell.Tests.Harness;

namespace CallbackLab.PowerShell.Tests.Commands
{
    /// <summary>The sample exports simulated down their branches through Invoke-IvrSimulation in the real engine.</summary>
    public sealed class SampleFlowSimulationTests
    {
        private static Dictionary<string, object?> Vars(string name) =>
            new() { ["Path"] = Path.Combine(RepoPaths.Root, "tests", "TestData", "Flows", name + ".json") };

        [Fact]
        public void CL1StartOption1LoopsTwiceThenSchedulesTheCallbackToTheCaller()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("$r = Invoke-IvrSimulation -Flow $Path -Ani +14085550123 -Digits 1 -WarningAction SilentlyContinue; " +
                "$r.Outcome.ToString(); ($r.Steps | ForEach-Object ActivityName) -join ','; $r.Variables['count']; $r.Callbacks[0].Number", Vars("CL_1_start"))
                .AssertNoErrors();
            Assert.Equal(new object?[]
            {
                "Disconnected",
                "NewPhoneContact,PlayMessage_oc2,QueueContact_ys9,PlayMusic_b9x,Variable_Message,counter,Every_other,PlayMusic_b9x,Variable_Message,counter,Every_other,opt_out,Callback_noh,PlayMessage_s4p,DisconnectContact_23s",
                2L,
                "+14085550123",
            }, result.Values);
        }

        [Fact]
        public void CL1ReadoutReadsTheNumberBackDigitByDigit()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("$r = Invoke-IvrSimulation -Flow (Import-WxccFlow $Path) -Ani +14085550123 -Digits 1 -WarningAction SilentlyContinue; " +
                "$r.Variables['callbackANI']; ($r.Steps | Where-Object ActivityName -eq 'playDigit' | ForEach-Object Message) -join ''", Vars("CL_1_readout"))
                .AssertNoErrors();
            Assert.Equal(new object?[] { "4085550123", "4.wav0.wav8.wav5.wav5.wav5.wav0.wav1.wav2.wav3.wav" }, result.Values);
        }

        [Fact]
        public void TheTemplateEndsWithAgentAnsweredWhenAnAgentComes()
        {
            using var ps = new ModuleRunspace();
            var result = ps.Run("$r = Invoke-IvrSimulation -Flow $Path -AgentAvailableAfter '00:00:50' -WarningAction SilentlyContinue; $r.Outcome.ToString(); $r.Duration.TotalSeconds",
                Vars("flow_template")).AssertNoErrors();
            Assert.Equal(new object?[] { "AgentAnswered", 50.0 }, result.Values);
        }
    }
}
